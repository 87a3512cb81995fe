package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search reads the time from the clock the application is given, as the indexer does, never the
 * wall clock.
 */
class SearchClockTest {
  @Test
  void recency_is_measured_from_the_configured_clock(@TempDir Path tmp) throws Exception {
    Path content = Files.createDirectories(tmp.resolve("content"));
    // Equally good pages but for a little length: the older one is a shade more relevant.
    Files.writeString(
        content.resolve("older.md"),
        "---\nid: older\ntitle: Telehealth billing\ndate: 2016-01-01\n---\n"
            + "Telehealth billing codes explained.\n");
    Files.writeString(
        content.resolve("newer.md"),
        "---\nid: newer\ntitle: Telehealth billing\ndate: 2024-01-01\n---\n"
            + "Telehealth billing codes explained here.\n");
    var system = Clock.systemUTC();
    Path index = tmp.resolve("index");
    new Indexer(
            content, index, Schema.defaults(), new PageReader(1_000_000, false, system), 2, system)
        .run(false, Indexer.Progress.NONE);

    assertEquals(
        List.of("newer", "older"),
        ids(index, "2024-01-02T00:00:00Z"),
        "just after the newer one appeared");
    assertEquals(
        List.of("older", "newer"),
        ids(index, "2200-01-01T00:00:00Z"),
        "both long past: relevance decides");
  }

  private static List<String> ids(Path index, String now) throws Exception {
    var clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    try (var search = OpenedIndex.of(SitesearchConfig.defaults(), index, clock)) {
      return search.search(SearchRequest.of("telehealth billing codes")).hits().stream()
          .map(SearchResponse.Hit::id)
          .toList();
    }
  }
}
