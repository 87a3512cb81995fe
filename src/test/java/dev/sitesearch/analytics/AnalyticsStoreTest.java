package dev.sitesearch.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.AnalyticsSettings;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics store keeps what it was given across a close and reopen, and forgets old days. */
class AnalyticsStoreTest {
  @TempDir Path tmp;

  private static SearchResponse answer(String q, long total) {
    return new SearchResponse(q, total, 1, 10, 1, List.of(), Map.of(), null, List.of(), false);
  }

  private static void search(Analytics analytics, String q, long total) {
    analytics.recordSearch(SearchRequest.of(q), answer(q, total), 3, null);
  }

  private static ReportRange around(Instant time) {
    LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
    return new ReportRange(day.minusDays(1), day.plusDays(1), 100);
  }

  private static long searches(Analytics analytics, ReportRange range) throws IOException {
    return analytics.report("days", range).rows().stream()
        .mapToLong(row -> ((Number) row.get("searches")).longValue())
        .sum();
  }

  @Test
  void events_survive_a_close_and_reopen() throws IOException {
    Path index = tmp.resolve("index");
    var settings = AnalyticsSettings.DEFAULTS;
    try (var analytics = Analytics.open(settings, index, Clock.systemUTC())) {
      for (int i = 0; i < 250; i++) search(analytics, "walrus " + (i % 5), i % 7);
      analytics.recordSuggest("wal", 3, 1);
    }
    assertTrue(tmp.resolve("index-analytics").toFile().isDirectory(), "beside the index");
    try (var analytics = Analytics.open(settings, index, Clock.systemUTC())) {
      ReportRange range = around(Instant.now());
      assertEquals(250, searches(analytics, range), "close writes and commits what is queued");
      var top = analytics.report("queries", range).rows();
      assertEquals(5, top.size());
      assertEquals(50L, top.get(0).get("searches"));
      assertEquals(1, analytics.report("suggestions", range).rows().size());
    }
  }

  @Test
  void events_older_than_the_retention_are_deleted_at_start() throws IOException {
    Path index = tmp.resolve("index");
    Instant old = Instant.now().minus(Duration.ofDays(100));
    try (var analytics =
        Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.fixed(old, ZoneOffset.UTC))) {
      search(analytics, "old", 1);
    }
    Instant recent = Instant.now().minus(Duration.ofDays(10));
    try (var analytics =
        Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.fixed(recent, ZoneOffset.UTC))) {
      search(analytics, "recent", 1);
    }
    try (var analytics = Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.systemUTC())) {
      assertEquals(0, searches(analytics, around(old)), "100 days old, kept 90");
      assertEquals(1, searches(analytics, around(recent)));
    }
  }

  @Test
  void off_records_nothing_and_makes_no_folder() throws IOException {
    Path index = tmp.resolve("index");
    try (var analytics = Analytics.open(AnalyticsSettings.OFF, index, Clock.systemUTC())) {
      assertFalse(analytics.enabled());
      assertEquals(null, analytics.recordSearch(SearchRequest.of("x"), answer("x", 1), 1, null));
      assertFalse(analytics.recordClick("0123456789abcdef", "p", 1));
    }
    assertFalse(tmp.resolve("index-analytics").toFile().exists());
  }

  @Test
  void a_second_process_on_the_same_store_runs_without_analytics() throws IOException {
    Path index = tmp.resolve("index");
    try (var first = Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.systemUTC());
        var second = Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.systemUTC())) {
      assertTrue(first.enabled());
      assertFalse(second.enabled(), "the store's write lock is held by the first");
    }
  }

  @Test
  void a_store_that_cannot_be_opened_leaves_analytics_off_and_the_server_serving()
      throws IOException {
    Path index = tmp.resolve("index");
    java.nio.file.Files.writeString(tmp.resolve("index-analytics"), "a file, not a folder");
    try (var analytics = Analytics.open(AnalyticsSettings.DEFAULTS, index, Clock.systemUTC())) {
      assertFalse(analytics.enabled());
    }
  }

  @Test
  void a_full_queue_drops_and_counts_instead_of_waiting() throws Exception {
    try (var store = EventStore.open(tmp.resolve("store"))) {
      var recorder =
          new EventRecorder(
              store, 10, Duration.ofSeconds(1), Duration.ofDays(90), Clock.systemUTC());
      // Not started: nothing drains the queue.
      var event = new Event.Suggest(Instant.now(), "x", 0, 0);
      long start = System.nanoTime();
      int accepted = 0;
      for (int i = 0; i < 1000; i++) if (recorder.offer(event)) accepted++;
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "never waits");
      assertEquals(10, accepted);
      assertEquals(990, recorder.dropped());
    }
  }

  @Test
  void csv_cells_are_quoted_and_formulas_defused() {
    assertEquals("plain", Csv.cell("plain"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
    assertEquals("'=1+1", Csv.cell("=1+1"));
    assertEquals("'+1", Csv.cell("+1"));
    assertEquals("'@cmd", Csv.cell("@cmd"));
    assertEquals("'-x", Csv.cell("-x"));
    assertEquals("-3", Csv.cell("-3"), "a negative number is data");
    assertEquals("0.25", Csv.cell("0.25"));
  }

  @Test
  void percentiles_are_nearest_rank() {
    long[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
    assertEquals(5L, Reports.percentile(ms, 0.5));
    assertEquals(100L, Reports.percentile(ms, 0.95));
    assertEquals(null, Reports.percentile(new long[0], 0.5));
  }
}
