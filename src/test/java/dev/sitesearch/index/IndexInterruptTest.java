package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting the thread that runs the indexer (closing a watcher, stopping a server) ends the run
 * with an error and the previous commit intact, and only once every worker has stopped: a worker
 * still writing while the writer rolls back would race it.
 */
class IndexInterruptTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final int PAGES = 12;

  @TempDir Path tmp;
  Path content;
  Path index;

  @BeforeEach
  void site() throws IOException {
    content = Files.createDirectories(tmp.resolve("content"));
    index = tmp.resolve("index");
    for (int i = 0; i < PAGES; i++) page(i, "Original text about walruses " + i + ".");
  }

  private void page(int i, String body) throws IOException {
    Path p = content.resolve("p" + i + ".md");
    long mtime =
        Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() + 60_000 : 1_700_000_000_000L;
    Files.writeString(p, "---\nid: p" + i + "\ntitle: Page " + i + "\n---\n" + body + "\n");
    Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
  }

  private Indexer indexer(PageSource pages) {
    return new Indexer(content, index, Schema.defaults(), pages, 2, CLOCK);
  }

  /**
   * The real reader, except that the first read waits for {@link #release}; remembers every thread
   * that read.
   */
  static final class HeldFirstRead implements PageSource {
    final PageSource reader = PageSource.of(new PageReader(5_000_000, false, CLOCK));
    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger reads = new AtomicInteger();
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    @Override
    public ReadOutcome read(SourceFile file) {
      workers.add(Thread.currentThread());
      if (reads.getAndIncrement() == 0) {
        inside.countDown();
        try {
          if (!release.await(30, TimeUnit.SECONDS)) throw new AssertionError("never released");
        } catch (InterruptedException e) {
          throw new AssertionError(
              "a worker was interrupted (that closes Lucene's channels under the writer)", e);
        }
      }
      return reader.read(file);
    }

    @Override
    public boolean includeDrafts() {
      return reader.includeDrafts();
    }

    List<String> stillRunning() {
      return workers.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
  }

  /**
   * What the interrupted run did, recorded on its own thread at the moment {@code run()} returned
   * or threw.
   */
  record Ending(Throwable thrown, List<String> workersStillRunning, boolean interruptKept) {}

  @Test
  @Timeout(60) // a guard against a hang, not a speed check
  void an_interrupted_run_waits_for_its_workers_then_throws_and_leaves_the_previous_commit()
      throws Exception {
    IndexSummary first =
        indexer(PageSource.of(new PageReader(5_000_000, false, CLOCK)))
            .run(false, Indexer.Progress.NONE);
    Map<String, String> before = IndexState.idToHash(index);
    for (int i = 0; i < PAGES; i++) page(i, "Rewritten text about narwhals " + i + ".");
    var held = new HeldFirstRead();
    var ending = new java.util.concurrent.atomic.AtomicReference<Ending>();
    Thread runner =
        new Thread(
            () -> {
              Throwable thrown = null;
              try {
                indexer(held).run(false, Indexer.Progress.NONE);
              } catch (Throwable t) {
                thrown = t;
              }
              ending.set(
                  new Ending(thrown, held.stillRunning(), Thread.currentThread().isInterrupted()));
            },
            "interrupted-run");

    runner.start();
    assertTrue(held.inside.await(30, TimeUnit.SECONDS), "no worker began to read");
    runner.interrupt();
    // A moment in which a run that does not wait for its workers would already have thrown; one
    // that waits cannot
    // finish before the release below, however long the moment lasts.
    runner.join(500);
    held.release.countDown();
    runner.join(30_000);

    Ending end = ending.get();
    assertFalse(runner.isAlive(), "the run never ended");
    var e = assertInstanceOf(IOException.class, end.thrown(), "the run did not fail");
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    assertEquals(
        List.of(), end.workersStillRunning(), "the run threw while its workers were still running");
    assertTrue(end.interruptKept(), "the caller's interrupt is kept for it to see");
    assertEquals(before, IndexState.idToHash(index), "the previous commit, page for page");
    IndexState.assertCheckIndexClean(index);

    IndexSummary next =
        indexer(PageSource.of(new PageReader(5_000_000, false, CLOCK)))
            .run(false, Indexer.Progress.NONE);
    assertEquals(PAGES, next.updated(), "the next run is not locked out and catches up");
    assertTrue(next.generation() > first.generation());
  }
}
