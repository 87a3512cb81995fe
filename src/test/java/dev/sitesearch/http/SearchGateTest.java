package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      assertEquals(
          "ordinary", gate.run(SearchCost.ORDINARY, () -> "ordinary"), "nor while it rests");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void a_heavy_search_starts_no_sooner_than_the_last_ones_run_time_after_it_ended()
      throws Exception {
    var gate = new SearchGate(3, Duration.ofSeconds(5));
    long ranFor = 300;
    gate.run(
        SearchCost.HEAVY,
        () -> {
          Thread.sleep(ranFor);
          return null;
        });
    long ended = System.nanoTime();
    long started = gate.run(SearchCost.HEAVY, System::nanoTime);
    assertTrue(
        (started - ended) / 1_000_000 >= ranFor - 50,
        "the second heavy search rested " + (started - ended) / 1_000_000 + " ms");

    var quick = new SearchGate(3, Duration.ofMillis(50));
    quick.run(
        SearchCost.HEAVY,
        () -> {
          Thread.sleep(ranFor);
          return null;
        });
    var refused =
        assertThrows(ProblemException.class, () -> quick.run(SearchCost.HEAVY, () -> "never"));
    assertEquals(503, refused.status(), "its rest ends after the wait a search is allowed");
  }

  @Test
  void a_search_on_the_spare_turn_runs_only_on_an_idle_server_and_never_waits() throws Exception {
    var gate = new SearchGate(2, Duration.ofSeconds(30));
    assertEquals("free", gate.run(SearchCost.ORDINARY, SearchGate.Turn.SPARE, () -> "free"));

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
                      ProblemException.class,
                      () -> gate.run(SearchCost.ORDINARY, SearchGate.Turn.SPARE, () -> "never")),
              "refused at once, though a slot is free: another search is running");
      assertEquals(503, refused.status());

      release.countDown();
      slow.get(10, TimeUnit.SECONDS);
      assertEquals("next", gate.run(SearchCost.ORDINARY, SearchGate.Turn.SPARE, () -> "next"));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void a_heavy_search_on_the_spare_turn_does_not_wait_for_the_heavy_lane() throws Exception {
    var gate = new SearchGate(3, Duration.ofSeconds(30));
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
                      ProblemException.class,
                      () -> gate.run(SearchCost.HEAVY, SearchGate.Turn.SPARE, () -> "never")),
              "refused at once, not after the 30 s a heavy search may wait for its lane");
      assertEquals(503, refused.status());
      release.countDown();
      heavy.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
