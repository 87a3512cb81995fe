package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Searches wait their turn for a core, but never longer than the configured queue wait. */
class SearchGateTest {
  @Test
  void a_search_that_cannot_get_a_core_in_time_is_refused_with_503() throws Exception {
    var gate = new SearchGate(1, Duration.ofMillis(100));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pool = Executors.newSingleThreadExecutor();
    try {
      var slow =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        holding.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                      }));
      holding.await();

      var refused =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> assertThrows(ProblemException.class, () -> gate.run(() -> "never")));
      assertEquals(503, refused.status());

      release.countDown();
      slow.get(10, TimeUnit.SECONDS);
      assertEquals("next", gate.run(() -> "next"), "a freed core takes the next search");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
