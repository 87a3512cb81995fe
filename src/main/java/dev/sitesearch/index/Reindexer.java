package dev.sitesearch.index;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs reindexes for a live server, one at a time (the admin endpoint and the content watcher share
 * it), and tells the searcher when a commit has landed so queries see it at once.
 */
public final class Reindexer {
  /** Called after each successful run, e.g. to reopen the searcher. */
  public interface AfterCommit {
    void committed(IndexSummary summary) throws IOException;
  }

  private final Indexer indexer;
  private final AfterCommit afterCommit;
  private boolean closed;
  private volatile ReindexRun last;
  private final LongAdder committed = new LongAdder();
  private final LongAdder failed = new LongAdder();

  public Reindexer(Indexer indexer, AfterCommit afterCommit) {
    this.indexer = indexer;
    this.afterCommit = afterCommit;
  }

  /**
   * Runs a reindex and opens its commit for queries. A run that fails has rolled back; whatever it
   * threw reaches the caller as an {@link IOException}, an {@link Error} included (an
   * OutOfMemoryError in the writer, say): the admin API, the watcher and the catch-up pass each
   * report a failed run and go on, where an Error would take their thread with it.
   */
  public synchronized IndexSummary run(boolean full) throws IOException {
    return run(() -> indexer.run(full, Indexer.Progress.NONE));
  }

  /**
   * {@link #run(boolean)}, incremental, told which files changed ({@link Indexer#runChanged}): what
   * the content watcher runs.
   */
  public synchronized IndexSummary runChanged(Collection<String> changed) throws IOException {
    return run(() -> indexer.runChanged(changed, Indexer.Progress.NONE));
  }

  private interface Run {
    IndexSummary run() throws IOException;
  }

  private IndexSummary run(Run run) throws IOException {
    if (closed)
      throw new IndexBusyException("the server is shutting down; no reindex is started", null);
    long start = System.nanoTime();
    try {
      IndexSummary summary = run.run();
      last = ended(start, true);
      afterCommit.committed(summary);
      return summary;
    } catch (IOException | RuntimeException e) {
      last = ended(start, false);
      throw e;
    } catch (Error e) {
      last = ended(start, false);
      throw new IOException("the reindex failed with " + e.getClass().getSimpleName(), e);
    }
  }

  private ReindexRun ended(long start, boolean committed) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    (committed ? this.committed : failed).increment();
    return new ReindexRun(
        Instant.now().toString(), millis, committed ? ReindexRun.COMMITTED : ReindexRun.FAILED);
  }

  /** Runs of this server that ended with {@code outcome} (metrics). */
  public long runs(String outcome) {
    return (outcome.equals(ReindexRun.COMMITTED) ? committed : failed).sum();
  }

  /** How the last run of this server ended; empty before its first. */
  public Optional<ReindexRun> lastRun() {
    return Optional.ofNullable(last);
  }

  /** Waits for a running reindex to commit or roll back, and refuses new ones. */
  public synchronized void close() {
    closed = true;
  }
}
