package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sitesearch.search.SearchCost;
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
                      SearchCost.ORDINARY,
                      () -> {
                        holding.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                      }));
      holding.await();

      var refused =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () ->
                  assertThrows(
                      ProblemException.class, () -> gate.run(SearchCost.ORDINARY, () -> "never")));
      assertEquals(503, refused.status());

      release.countDown();
      slow.get(10, TimeUnit.SECONDS);
      assertEquals(
          "next",
          gate.run(SearchCost.ORDINARY, () -> "next"),
          "a freed core takes the next search");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void heavy_searches_run_one_at_a_time_and_ordinary_ones_pass_them() throws Exception {
    var gate = new SearchGate(3, Duration.ofMillis(100));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pool = Executors.newSingleThreadExecutor();
    try {
      var heavy =
          pool.submit(
              () ->
                  gate.run(
                      SearchCost.HEAVY,
                      () -> {
                        holding.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                      }));
      holding.await();

      var refused =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () ->
                  assertThrows(
                      ProblemException.class, () -> gate.run(SearchCost.HEAVY, () -> "never")));
      assertEquals(503, refused.status());
      assertEquals(
          "ordinary",
          gate.run(SearchCost.ORDINARY, () -> "ordinary"),
          "an ordinary search does not wait behind a heavy one");

      release.countDown();
      heavy.get(10, TimeUnit.SECONDS);
      assertEquals("next", gate.run(SearchCost.HEAVY, () -> "next"));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
