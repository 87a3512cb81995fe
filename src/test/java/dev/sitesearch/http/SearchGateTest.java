package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.SearchCost;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Searches wait their turn for a core, but never longer than the configured queue wait. */
class SearchGateTest {
  /** A search of one cost running inside the gate until {@link #end} lets it finish. */
  private static final class Held implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final Future<Boolean> search;

    Held(SearchGate gate, SearchCost cost) throws InterruptedException {
      var inside = new CountDownLatch(1);
      search =
          pool.submit(
              () ->
                  gate.run(
                      cost,
                      () -> {
                        inside.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                      }));
      inside.await();
    }

    /** Lets the search finish and waits for it. */
    void end() throws Exception {
      release.countDown();
      search.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** The gate refuses {@code cost} on {@code turn} well within 10 s; the refusal. */
  private static ProblemException refused(
      SearchGate gate, SearchCost cost, SearchGate.Turn turn, String why) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> assertThrows(ProblemException.class, () -> gate.run(cost, turn, () -> "never")),
        why);
  }

  @Test
  void a_search_that_cannot_get_a_core_in_time_is_refused_with_503() throws Exception {
    var gate = new SearchGate(1, Duration.ofMillis(100));
    try (var slow = new Held(gate, SearchCost.ORDINARY)) {
      var refused = refused(gate, SearchCost.ORDINARY, SearchGate.Turn.QUEUE, null);
      assertEquals(503, refused.status());

      slow.end();
      assertEquals(
          "next",
          gate.run(SearchCost.ORDINARY, () -> "next"),
          "a freed core takes the next search");
    }
  }

  @Test
  void a_search_that_waited_for_a_request_slot_waits_only_for_the_rest_of_the_queue_wait()
      throws Exception {
    var gate = new SearchGate(1, Duration.ofSeconds(5));
    try (var slow = new Held(gate, SearchCost.ORDINARY)) {
      long waitedAlready = System.nanoTime() - Duration.ofMillis(4_800).toNanos();
      long start = System.nanoTime();
      var refused =
          assertThrows(
              ProblemException.class,
              () -> gate.run(SearchCost.ORDINARY, SearchGate.Turn.QUEUE, waitedAlready, () -> 1));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertEquals(503, refused.status());
      assertTrue(tookMillis < 2_000, "refused after " + tookMillis + " ms, not a second 5 s");
    }
  }

  @Test
  void heavy_searches_run_one_at_a_time_and_ordinary_ones_pass_them() throws Exception {
    var gate = new SearchGate(3, Duration.ofMillis(100));
    try (var heavy = new Held(gate, SearchCost.HEAVY)) {
      var refused = refused(gate, SearchCost.HEAVY, SearchGate.Turn.QUEUE, null);
      assertEquals(503, refused.status());
      assertEquals(
          "ordinary",
          gate.run(SearchCost.ORDINARY, () -> "ordinary"),
          "an ordinary search does not wait behind a heavy one");

      heavy.end();
      assertEquals(
          "ordinary", gate.run(SearchCost.ORDINARY, () -> "ordinary"), "nor while it rests");
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

    try (var slow = new Held(gate, SearchCost.ORDINARY)) {
      var refused =
          refused(
              gate,
              SearchCost.ORDINARY,
              SearchGate.Turn.SPARE,
              "refused at once, though a slot is free: another search is running");
      assertEquals(503, refused.status());

      slow.end();
      assertEquals("next", gate.run(SearchCost.ORDINARY, SearchGate.Turn.SPARE, () -> "next"));
    }
  }

  @Test
  void a_heavy_search_on_the_spare_turn_does_not_wait_for_the_heavy_lane() throws Exception {
    var gate = new SearchGate(3, Duration.ofSeconds(30));
    try (var heavy = new Held(gate, SearchCost.HEAVY)) {
      var refused =
          refused(
              gate,
              SearchCost.HEAVY,
              SearchGate.Turn.SPARE,
              "refused at once, not after the 30 s a heavy search may wait for its lane");
      assertEquals(503, refused.status());
      heavy.end();
    }
  }
}
