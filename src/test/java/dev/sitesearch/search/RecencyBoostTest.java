package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Of two equally good pages the newer comes first, by a gentle multiplier ({@code 1 + weight ×
 * 0.5^(age/halfLife)}) that leaves undated pages alone and never lifts a weak new page over a
 * clearly better old one. The age is counted from the search's time, which the tests fix.
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
          page("weak-new", "This week")
              .date("2025-05-31")
              .body(
                  "A long roundup of the week in health policy, with a "
                      + "note on telehealth among the many other things that happened in clinics and hospitals."));

  /** The query's words with the stage applied, searched at {@code nowMillis}. */
  private Query queryAt(RecencyBoost stage, long nowMillis) {
    RankingStage.Context context = index.context(SearchRequest.of(Q), nowMillis);
    return stage.apply(TinyIndex.anyWord(context.words()), context);
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
  void an_undated_page_gets_no_bonus() throws Exception {
    Map<String, Float> on = scores(ON, TinyIndex.NOW);
    Map<String, Float> off = scores(OFF, TinyIndex.NOW);

    assertEquals(off.get("undated"), on.get("undated"));
    assertTrue(on.get("old") > off.get("old"), "even a nine-year-old page gets a little");
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
        base * 1.1f,
        scores(ON, published).get("new"),
        1e-5f,
        "dated the day of the search: + weight");
    assertEquals(
        base * 1.05f,
        scores(ON, published + Duration.ofDays(730).toMillis()).get("new"),
        1e-5f,
        "a half-life later: + weight / 2");
    assertEquals(
        base * 1.1f,
        scores(ON, published - Duration.ofDays(10).toMillis()).get("new"),
        1e-5f,
        "a page dated after the search counts as today's");
  }

  @Test
  void browsing_is_left_alone() throws Exception {
    RankingStage.Context context = index.context(SearchRequest.of(""), TinyIndex.NOW);
    Query query = TinyIndex.anyWord(context.words());

    assertSame(query, ON.apply(query, context));
  }
}
