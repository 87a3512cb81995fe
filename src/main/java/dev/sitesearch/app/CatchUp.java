package dev.sitesearch.app;

import dev.sitesearch.index.IndexBusyException;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.index.TaskStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s catch-up pass: a server started on a current index serves it at once, and a
 * moment later (the first visitors' queries go first) an incremental reindex brings it up to date
 * with what changed while no server ran. A pass that fails is tried again after its retry delay
 * until one works, and the server's health is failing meanwhile; whatever it throws, {@link Error}s
 * included, never ends its thread unseen. Another indexer writing at the time does the same work,
 * so then the pass is done.
 */
final class CatchUp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

  private final Reindexer reindexer;
  private final Duration delay;
  private final Consumer<IndexSummary> reports;
  private final TaskStatus status = new TaskStatus("bringing the index up to date at start");
  private final CountDownLatch closing = new CountDownLatch(1);

  private CatchUp(Reindexer reindexer, Duration delay, Consumer<IndexSummary> reports) {
    this.reindexer = reindexer;
    this.delay = delay;
    this.reports = reports;
  }

  /** Starts the pass on its own thread, {@code delay} from now. */
  static CatchUp start(Reindexer reindexer, Duration delay, Consumer<IndexSummary> reports) {
    var catchUp = new CatchUp(reindexer, delay, reports);
    Thread.ofPlatform().daemon().name("sitesearch-catch-up").start(catchUp::run);
    return catchUp;
  }

  TaskStatus status() {
    return status;
  }

  private void run() {
    Duration wait = delay;
    while (!closedWithin(wait)) {
      try {
        IndexSummary summary = reindexer.run(false);
        status.succeeded();
        reports.accept(summary);
        return;
      } catch (IndexBusyException e) { // another indexer, or the server is stopping
        LOG.info("no catch-up pass: {}", e.getMessage());
        status.succeeded();
        return;
      } catch (Exception | Error e) {
        wait = status.failed(e);
      }
    }
  }

  /** Waits up to {@code wait}; true when the server closes meanwhile. */
  private boolean closedWithin(Duration wait) {
    try {
      return closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  /** Stops the pass from starting or trying again; a run under way ends with the reindexer. */
  @Override
  public void close() {
    closing.countDown();
  }
}
