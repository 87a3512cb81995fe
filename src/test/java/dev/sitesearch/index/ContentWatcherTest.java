package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher reindexes under steady churn, and a failed reindex (an Error included) neither stops
 * it nor goes unseen: its status is failing until a retry, made without further changes, works.
 */
class ContentWatcherTest {
  static final IndexSummary SUMMARY =
      new IndexSummary(
          "incremental", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, List.of(), List.of(), List.of());
  static final long WAIT_SECONDS = 10; // a guard for a slow machine, not a speed check

  @TempDir Path content;

  /** Records each run (the nanoTime it started) and throws the next queued failure, if any. */
  static final class RecordingReindex implements ContentWatcher.Reindex {
    final BlockingQueue<Long> runs = new LinkedBlockingQueue<>();
    final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @Override
    public IndexSummary run(Set<String> changed) throws IOException {
      Throwable failure = failures.poll();
      told.add(changed == null ? "the whole folder" : new TreeSet<>(changed).toString());
      runs.add(System.nanoTime());
      if (failure instanceof IOException e) throw e;
      if (failure instanceof Error e) throw e;
      if (failure instanceof RuntimeException e) throw e;
      return SUMMARY;
    }

    Long next() throws InterruptedException {
      return runs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** What the next run was told to look at. */
    String nextTold() throws InterruptedException {
      return told.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private ContentWatcher watch(ContentWatcher.Reindex reindex) throws IOException {
    return new ContentWatcher(content, reindex, ContentWatcher.Timing.DEFAULT).start();
  }

  @Test
  @Timeout(60)
  void a_folder_that_never_goes_quiet_is_still_reindexed_about_every_second() throws Exception {
    var reindex = new RecordingReindex();
    var writing = new AtomicBoolean(true);
    // A save every 5 ms, far inside the 150 ms the folder must be quiet for.
    Thread churn =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; writing.get(); i++) {
                    try {
                      Files.writeString(content.resolve("busy.md"), "# Busy\nsave " + i + "\n");
                      Thread.sleep(5);
                    } catch (IOException | InterruptedException e) {
                      return;
                    }
                  }
                });
    try (var watcher = watch(reindex)) {
      for (int i = 0; i < 3; i++) {
        assertNotNull(reindex.next(), "no reindex while the folder was busy (run " + i + ")");
        assertTrue(churn.isAlive(), "the folder was still busy");
      }
    } finally {
      writing.set(false);
      churn.join();
    }
  }

  @Test
  @Timeout(60)
  void a_reindex_failing_with_an_error_is_reported_and_tried_again_and_the_watcher_goes_on()
      throws Exception {
    var reindex = new RecordingReindex();
    reindex.failures.add(new OutOfMemoryError("simulated"));
    try (var watcher = watch(reindex)) {
      Files.writeString(content.resolve("a.md"), "# A\n");

      assertNotNull(reindex.next(), "the change is reindexed");
      eventually(() -> failures(watcher) == 1, "the watcher's status is failing");

      assertNotNull(reindex.next(), "tried again, with no further change");
      eventually(() -> failures(watcher) == 0, "it works again");

      Files.writeString(content.resolve("b.md"), "# B\n");
      assertNotNull(reindex.next(), "and goes on watching");
    }
  }

  @Test
  @Timeout(60)
  void a_reindex_failing_twice_stays_failing_until_one_works() throws Exception {
    var reindex = new RecordingReindex();
    reindex.failures.add(new IOException("disk full"));
    reindex.failures.add(new IllegalStateException("still full"));
    try (var watcher = watch(reindex)) {
      Files.writeString(content.resolve("a.md"), "# A\n");

      assertNotNull(reindex.next());
      assertNotNull(reindex.next(), "the first retry");
      eventually(() -> failures(watcher) == 2, "failing twice in a row");
      assertNotNull(reindex.next(), "the second retry");
      eventually(() -> failures(watcher) == 0, "it works again");
    }
  }

  private static int failures(ContentWatcher watcher) {
    return watcher.status().failure().map(TaskStatus.Failure::failures).orElse(0);
  }

  /** Waits for {@code condition}, which a run's end makes true just after the run is recorded. */
  private static void eventually(BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("never: " + what);
      Thread.sleep(10);
    }
  }

  @Test
  @Timeout(60)
  void a_run_looks_at_the_files_saved_since_the_last_and_the_folder_is_walked_once_quiet()
      throws Exception {
    var reindex = new RecordingReindex();
    Files.createDirectories(content.resolve("docs"));
    var timing =
        new ContentWatcher.Timing(
            Duration.ofMillis(150),
            Duration.ofSeconds(1),
            Duration.ofMillis(600),
            Duration.ofSeconds(5));
    try (var watcher = new ContentWatcher(content, reindex, timing).start()) {
      Files.writeString(content.resolve("a.md"), "# A\n");
      assertEquals(
          "the whole folder",
          reindex.nextTold(),
          "the first run walks: what changed before the watch began is not known");

      Files.writeString(content.resolve("docs/b.md"), "# B\n");
      Files.writeString(content.resolve("docs/notes.txt"), "not content");
      assertEquals("[docs/b.md]", reindex.nextTold(), "the saved page alone");
      assertEquals("the whole folder", reindex.nextTold(), "walked once the folder has been quiet");

      Files.createDirectories(content.resolve("guides/new"));
      Files.writeString(content.resolve("guides/new/c.md"), "# C\n");
      assertEquals(
          "the whole folder", reindex.nextTold(), "a new folder: its files were never reported");
    }
  }
}
