package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a hit's snippet and highlighted title mark, field by field. */
class SnippetsTest {
  private static final String FILLER =
      "Clinics keep records of every visit. Staff review the schedule each morning. ";

  private static SearchResponse.Hit only(TinyIndex index, String q) throws Exception {
    List<SearchResponse.Hit> hits =
        index.hits(RankingSettings.DEFAULTS, SearchRequest.of(q).withSize(10));
    assertEquals(1, hits.size(), "one page matches " + q);
    return hits.get(0);
  }

  @Test
  void a_word_only_in_the_description_is_marked_in_a_description_snippet() throws Exception {
    try (var index =
        TinyIndex.of(
            page("a", "Morning rounds")
                .description("How telemetry reaches the nurses' station.")
                .body(FILLER.repeat(5)))) {
      var hit = only(index, "telemetry");
      assertEquals("How <mark>telemetry</mark> reaches the nurses&#39; station.", hit.snippet());
      assertEquals("Morning rounds", hit.highlights().get("title"));
    }
  }

  @Test
  void the_body_passage_is_preferred_and_the_title_is_marked_whole() throws Exception {
    try (var index =
        TinyIndex.of(
            page("a", "Telemetry for wards")
                .description("Telemetry in short.")
                .body(FILLER.repeat(5) + "Wireless telemetry sends vitals every minute. "))) {
      var hit = only(index, "telemetry");
      assertTrue(
          hit.snippet().contains("Wireless <mark>telemetry</mark> sends vitals"), hit.snippet());
      assertEquals("<mark>Telemetry</mark> for wards", hit.highlights().get("title"));
    }
  }

  @Test
  void a_quoted_phrase_is_marked_where_it_occurs_and_not_word_by_word() throws Exception {
    try (var index =
        TinyIndex.of(
            page("a", "Ward notes")
                .body(
                    "The heart monitor beeped. "
                        + FILLER.repeat(4)
                        + "Attack plans were drawn for the heart of the city. "
                        + "A heart attack needs care at once."))) {
      String snippet = only(index, "\"heart attack\"").snippet();
      assertTrue(snippet.contains("<mark>heart attack</mark>"), snippet);
      assertFalse(snippet.contains("<mark>heart</mark>"), snippet);
    }
  }
}
