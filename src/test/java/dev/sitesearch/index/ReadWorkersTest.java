package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read stage's workers: every file once, and a failure reported only after every worker has
 * stopped.
 */
class ReadWorkersTest {
  private static List<SourceFile> files(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new SourceFile("p" + i + ".md", Path.of("p" + i + ".md"), 1, 0))
        .toList();
  }

  @Test
  void every_file_is_handled_exactly_once_on_any_number_of_threads() throws IOException {
    for (int threads : new int[] {1, 2, 7, 500}) {
      Set<String> seen = ConcurrentHashMap.newKeySet();
      var calls = new AtomicInteger();

      ReadWorkers.forEach(
          files(300),
          threads,
          file -> {
            calls.incrementAndGet();
            seen.add(file.relPath());
          });

      assertEquals(300, calls.get(), threads + " threads");
      assertEquals(300, seen.size(), threads + " threads");
    }
  }

  @Test
  @Timeout(30) // a guard against a hang
  void
      the_first_failure_is_rethrown_once_the_other_worker_has_finished_its_file_and_no_new_file_starts()
          throws Exception {
    var slowInside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var slowFinished = new AtomicBoolean();
    var started = new AtomicInteger();
    var finishedWhenThrown = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              var e =
                  assertThrows(
                      IllegalStateException.class,
                      () ->
                          ReadWorkers.forEach(
                              files(100),
                              2,
                              file -> {
                                int n = started.getAndIncrement();
                                if (n == 0) {
                                  slowInside.countDown();
                                  awaitQuietly(release);
                                  slowFinished.set(true);
                                } else {
                                  awaitQuietly(slowInside);
                                  throw new IllegalStateException("broken " + file.relPath());
                                }
                              }));
              assertTrue(e.getMessage().startsWith("broken"), e.getMessage());
              finishedWhenThrown.set(slowFinished.get());
            });

    caller.start();
    caller.join(300); // a moment in which a caller that did not wait would already be done
    release.countDown();
    caller.join(10_000);

    assertTrue(
        finishedWhenThrown.get(), "the failure came out while a worker was still inside a file");
    assertEquals(2, started.get(), "each worker stops at its next file");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("latch never opened");
    } catch (InterruptedException e) {
      throw new AssertionError("a worker was interrupted", e);
    }
  }
}
