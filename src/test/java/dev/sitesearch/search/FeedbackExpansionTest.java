package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A typed question (six content words or more) also finds pages in the words its best answers use,
 * taken from the best answers within the visitor's filters; shorter queries are left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackExpansionTest {
  private static final String QUESTION =
      "how do rural clinics start remote monitoring programs for chronic patients";
  private static final FeedbackExpansion ON =
      new FeedbackExpansion(TinyIndex.ANALYZER, TinyIndex.FIELDS, 0.5f);
  private static final FeedbackExpansion OFF =
      new FeedbackExpansion(TinyIndex.ANALYZER, TinyIndex.FIELDS, 0);
  private static final String NEWS =
      "Rural clinics start remote monitoring programs for chronic patients; "
          + "broadband grants, broadband towers, broadband speeds.";
  private static final String GUIDE =
      "Clinics start monitoring programs with enrollment checklists, enrollment "
          + "forms and enrollment calls.";

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("news1", "Rural report").body(NEWS).facet("searchCategory", "News"),
          page("news2", "Rural roundup").body(NEWS).facet("searchCategory", "News"),
          page("news3", "Rural digest").body(NEWS).facet("searchCategory", "News"),
          page("guide1", "Starting out").body(GUIDE).facet("searchCategory", "Guides"),
          page("guide2", "First steps").body(GUIDE).facet("searchCategory", "Guides"),
          page("guide3", "Getting going").body(GUIDE).facet("searchCategory", "Guides"),
          // None of the question's words: found only through the vocabulary of the answers.
          page("enrollment", "Checklist")
              .body("An enrollment checklist: enrollment forms, enrollment calls.")
              .facet("searchCategory", "Guides"),
          page("broadband", "Towers")
              .body("Broadband towers and broadband speeds, broadband grants, by satellite.")
              .facet("searchCategory", "Guides"));

  /** The pages the request finds within its filters, with the stage applied. */
  private List<String> ids(FeedbackExpansion stage, SearchRequest request) throws IOException {
    return ids(index, stage, request);
  }

  private static List<String> ids(TinyIndex index, FeedbackExpansion stage, SearchRequest request)
      throws IOException {
    RankingStage.Context context = index.context(request, TinyIndex.NOW);
    Query query = stage.apply(TinyIndex.anyWord(context.words()), context);
    return index.ids(context.filters().apply(query));
  }

  @Test
  void a_word_only_one_of_the_first_results_holds_is_not_added() throws Exception {
    try (var mixed =
        TinyIndex.of(
            page("news1", "Rural report").body(NEWS),
            page("news2", "Rural roundup").body(NEWS),
            // A good match whose own topic is something else: its word is not the question's.
            page("odd", "Remote monitoring")
                .body("Remote monitoring programs for chronic patients, by zeppelin, zeppelin."),
            page("zeppelin", "Airships").body("Zeppelin flights and zeppelin hangars."),
            page("broadband", "Towers").body("Broadband towers and broadband speeds."))) {
      List<String> on = ids(mixed, ON, SearchRequest.of(QUESTION));

      assertTrue(on.contains("broadband"), "two of the first results talk of broadband: " + on);
      assertFalse(on.contains("zeppelin"), "only one of them talks of zeppelins: " + on);
    }
  }

  @Test
  void a_question_finds_a_page_that_shares_only_the_best_answers_words() throws Exception {
    List<String> on = ids(ON, SearchRequest.of(QUESTION));
    List<String> off = ids(OFF, SearchRequest.of(QUESTION));

    assertTrue(on.contains("broadband"), "the best answers talk of broadband: " + on);
    assertFalse(off.contains("broadband"), off.toString());
  }

  @Test
  void within_a_filter_the_words_come_from_the_answers_in_it() throws Exception {
    var guides =
        SearchRequest.of(QUESTION).withFilters(Map.of("searchCategory", List.of("Guides")));
    List<String> on = ids(ON, guides);

    assertTrue(on.contains("enrollment"), "the guides talk of enrollment: " + on);
    assertFalse(
        on.contains("broadband"), "only the news, outside the filter, talk of broadband: " + on);
    assertFalse(ids(OFF, guides).contains("enrollment"));
  }

  @Test
  void an_excluded_word_keeps_its_pages_out_of_the_expansion_too() throws Exception {
    String q = QUESTION + " -satellite"; // only the broadband page says it

    assertFalse(ids(ON, SearchRequest.of(q)).contains("broadband"));
    assertFalse(
        index.ids(RankingSettings.DEFAULTS, q).contains("broadband"), "as the service plans it");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "rural clinics remote monitoring programs",
        "how do rural clinics start all of their remote monitoring"
      }) // five content words; stop words do not count
  void a_short_query_is_left_alone(String q) throws Exception {
    RankingStage.Context context = index.context(SearchRequest.of(q), TinyIndex.NOW);
    Query query = TinyIndex.anyWord(context.words());

    assertSame(query, ON.apply(query, context));
  }
}
