package dev.sitesearch.bench;

import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.config.AnalyticsSettings;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What counting costs a search, without a server: the time a request thread spends in {@code
 * recordSearch} (the id, the recent-searches map, the queue; the query's key is made by the writer)
 * and how many events a second the one writer thread normalises, stores and commits; also what the
 * query's key costs alone. {@code -Dbench.events} (200,000) events from {@code -Dbench.threads} (4)
 * threads as fast as they go, so the queue fills and drops (counted): the point is that it never
 * makes a request wait. Queries from the shared query mix.
 */
@Tag("benchmark")
class AnalyticsWriteBenchmark {
  private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
  private static final int THREADS = Integer.getInteger("bench.threads", 4);

  @Test
  void cost_of_recording_a_search_and_the_writers_throughput(@TempDir Path tmp) throws Exception {
    List<String> queries = new ArrayList<>();
    for (String params : QueryMix.load(BenchCorpus.queries()).queryStrings()) {
      String q = "";
      for (String pair : params.split("&"))
        if (pair.startsWith("q="))
          q =
              java.net.URLDecoder.decode(
                  pair.substring(2), java.nio.charset.StandardCharsets.UTF_8);
      queries.add(q);
    }
    var requests = queries.stream().map(SearchRequest::of).toList();
    var answer = new SearchResponse("", 12, 1, 10, 3, List.of(), Map.of(), null, List.of(), false);
    long k0 = System.nanoTime();
    int keys = 0;
    for (int round = 0; round < 5; round++)
      for (String q : queries) keys += dev.sitesearch.search.QueryKey.of(q).length();
    BenchCorpus.print(
        "analytics: the query's key (curation's normalisation) takes %.2f µs a query (%d chars)",
        (System.nanoTime() - k0) / 1000.0 / (5.0 * queries.size()), keys);
    try (var analytics =
        Analytics.open(AnalyticsSettings.DEFAULTS, tmp.resolve("index"), Clock.systemUTC())) {
      // Warm-up: the JIT, then let the writer drain.
      for (int i = 0; i < 20_000; i++)
        analytics.recordSearch(requests.get(i % requests.size()), answer, 3, null);
      while (analytics.status().waiting() > 0) Thread.sleep(10);

      long[] nanos = new long[THREADS];
      var threads = new ArrayList<Thread>();
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      long t0 = System.nanoTime();
                      for (int i = id; i < EVENTS; i += THREADS) {
                        analytics.recordSearch(requests.get(i % requests.size()), answer, 3, null);
                        // As searches arrive: the queue is not meant to take a burst of 200,000.
                        if (i % 64 == id) Thread.onSpinWait();
                      }
                      nanos[id] = System.nanoTime() - t0;
                    }));
      }
      for (Thread t : threads) t.join();
      long offered = System.nanoTime() - start;
      while (analytics.status().waiting() > 0) Thread.sleep(5);
      long drained = System.nanoTime() - start;
      var status = analytics.status();
      double perCall = 0;
      for (long n : nanos) perCall += n / (double) (EVENTS / THREADS);
      perCall /= THREADS;
      BenchCorpus.print(
          "analytics write path: %d searches recorded from %d threads, %.2f µs per recordSearch on"
              + " the request thread; the writer took them all in %.2f s (%.0f events/s, commits"
              + " every second); dropped %d (queue of 20,000 full), failed %d",
          EVENTS,
          THREADS,
          perCall / 1000,
          drained / 1e9,
          (EVENTS - status.dropped()) / (drained / 1e9),
          status.dropped(),
          status.failed());
      Assertions.assertEquals(0, status.failed());
      Assertions.assertTrue(offered > 0);
    }
  }
}
