package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Recency breaks ties: of two comparably relevant pages the newer comes first, by a multiplier
 * ({@code 1 - weight × (1 - 0.5^(age/halfLife))}) on the words' relevance alone, never on the
 * bonuses; undated pages count as current; a clearly better page is never overtaken. The age is
 * counted from the search's time, which the tests fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecencyBoostTest {
  private static final String Q = "telehealth billing codes";
  private static final RecencyBoost ON = new RecencyBoost(730, 0.1);
  private static final RecencyBoost OFF = new RecencyBoost(730, 0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("old", "Billing codes explained")
              .body("How telehealth billing codes work.")
              .date("2016-05-01"),
          page("undated", "Billing codes explained").body("How telehealth billing codes work."),
          page("new", "Billing codes explained")
              .body("How telehealth billing codes work.")
              .date("2025-05-01"),
          page("better-old", "Telehealth billing codes")
              .date("2010-01-01")
              .body(
                  "Telehealth billing codes: the telehealth billing codes for every kind of visit."),
          page("docs", "Webhook receivers")
              .body(
                  "Set up a webhook receiver so that GitHub notifies Flux of every push: the"
                      + " webhook receiver starts a reconciliation at once."),
          page("post", "Flux 2.9 is out")
              .date("2025-05-20")
              .body(
                  "Flux 2.9 brings many changes to the controllers, the command line, the"
                      + " documentation and the webhook receiver, with thanks to everyone on"
                      + " GitHub who tested the release candidates over the last months."),
          page("weak-new", "This week")
              .date("2025-05-31")
              .body(
                  "A long roundup of the week in health policy, with a "
                      + "note on telehealth among the many other things that happened in clinics and hospitals."));

  /** The query's words with the tie-break applied, searched at {@code nowMillis}. */
  private Query queryAt(RecencyBoost recency, long nowMillis) {
    RankingStage.Context context = index.context(SearchRequest.of(Q), nowMillis);
    return recency.around(TinyIndex.anyWord(context.words()), nowMillis);
  }

  private Map<String, Float> scores(RecencyBoost stage, long nowMillis) throws IOException {
    return index.scores(queryAt(stage, nowMillis));
  }

  @Test
  void of_two_equal_pages_the_newer_comes_first() throws Exception {
    Map<String, Float> on = scores(ON, TinyIndex.NOW);
    Map<String, Float> off = scores(OFF, TinyIndex.NOW);

    assertTrue(on.get("new") > on.get("old"), on.toString());
    assertEquals(off.get("new"), off.get("old"), "without recency the date does not count");
  }

  @Test
  void an_undated_page_counts_as_current_so_it_is_never_behind_an_equal_dated_one()
      throws Exception {
    Map<String, Float> on = scores(ON, TinyIndex.NOW);
    Map<String, Float> off = scores(OFF, TinyIndex.NOW);

    assertTrue(on.get("undated") > on.get("old"), on.toString());
    assertTrue(on.get("undated") >= on.get("new"), on.toString());
    assertEquals(
        off.get("undated"), on.get("undated"), "an undated page scores as without recency");
  }

  @Test
  void as_planned_a_recent_post_never_passes_a_more_relevant_undated_page_via_the_bonuses()
      throws Exception {
    // Both hold every word, so both earn the tier bonus of 100: multiplied by the recency bonus it
    // gave the post ten points, far more than the words' own difference.
    List<String> shipped = index.ids(RankingSettings.DEFAULTS, "webhook receiver github");

    assertEquals("docs", shipped.get(0), shipped.toString());
    assertTrue(shipped.indexOf("post") > 0, shipped.toString());
  }

  @Test
  void as_planned_an_exact_title_or_tier_is_never_outweighed_by_recency() throws Exception {
    List<String> ids = index.ids(RankingSettings.DEFAULTS, "billing codes explained");
    // three equal pages in their title; the undated one ties the newest, the old one comes last
    assertEquals(List.of("undated", "new", "old"), ids.subList(0, 3), ids.toString());
  }

  @Test
  void a_clearly_better_old_page_still_beats_a_weak_new_one() throws Exception {
    List<String> ids = index.ids(queryAt(ON, TinyIndex.NOW));

    assertTrue(ids.indexOf("better-old") < ids.indexOf("weak-new"), ids.toString());
  }

  @Test
  void the_bonus_halves_every_half_life_counted_from_the_time_of_the_search() throws Exception {
    long published = Instant.parse("2025-05-01T00:00:00Z").toEpochMilli();
    float base = scores(OFF, published).get("new");

    assertEquals(
        base,
        scores(ON, published).get("new"),
        1e-5f,
        "dated the day of the search: as without recency");
    assertEquals(
        base * 0.95f,
        scores(ON, published + Duration.ofDays(730).toMillis()).get("new"),
        1e-5f,
        "a half-life later: - weight / 2");
    assertEquals(
        base,
        scores(ON, published - Duration.ofDays(10).toMillis()).get("new"),
        1e-5f,
        "a page dated after the search counts as today's");
  }

  @Test
  void off_leaves_the_query_alone() {
    Query query = TinyIndex.anyWord(index.words(Q));

    assertSame(query, OFF.around(query, TinyIndex.NOW));
  }
}
