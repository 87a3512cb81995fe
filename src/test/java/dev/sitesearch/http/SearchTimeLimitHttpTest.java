package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.ServerLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that runs out of time ({@code server.limits.searchTimeout}) stops and answers 200 with
 * what it found so far, marked {@code partial}: its total and counts are then lower bounds. Here
 * the limit is a nanosecond, so every search runs out of time before it finds anything.
 */
class SearchTimeLimitHttpTest {
  @TempDir Path workDir;

  @Test
  void a_search_out_of_time_answers_what_it_found_marked_partial() throws IOException {
    var limits = ServerLimits.defaults().withSearchTimeout(Duration.ofNanos(1));
    try (var server = TestServer.startWithLimits(workDir, limits)) {
      JsonNode cut = server.search("q", "care", "sort", "title");

      assertTrue(cut.get("partial").asBoolean(), cut::toString);
      assertEquals(0, cut.get("total").asLong(), "nothing was found in no time: a lower bound");
      assertTrue(cut.get("facets").isObject(), cut::toString);

      JsonNode values = server.getJson("/api/facets/tags?q=care");
      assertTrue(values.get("partial").asBoolean(), values::toString);
      assertEquals(200, server.get("/api/suggest?q=chr").status(), "suggestions are not searches");
    }
  }

  @Test
  void a_search_in_time_is_not_partial() throws IOException {
    try (var server = TestServer.start(workDir)) {
      JsonNode whole = server.search("q", "care");

      assertFalse(whole.get("partial").asBoolean(), whole::toString);
      assertTrue(whole.get("total").asLong() > 0);
      assertFalse(server.getJson("/api/facets/tags?q=care").get("partial").asBoolean());
    }
  }
}
