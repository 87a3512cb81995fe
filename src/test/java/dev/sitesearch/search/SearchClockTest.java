package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
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
    Path content = tmp.resolve("content");
    // Equally good pages but for a little length: the older one is a shade more relevant.
    ContentFiles.page(
        content,
        "older.md",
        "id: older\ntitle: Telehealth billing\ndate: 2016-01-01",
        "Telehealth billing codes explained.");
    ContentFiles.page(
        content,
        "newer.md",
        "id: newer\ntitle: Telehealth billing\ndate: 2024-01-01",
        "Telehealth billing codes explained here.");
    Path index = TestAssembly.indexBeside(content);

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
    try (var search = OpenedIndex.of(Seed.config(), index, clock)) {
      return search.search(SearchRequest.of("telehealth billing codes")).hits().stream()
          .map(SearchResponse.Hit::id)
          .toList();
    }
  }
}
