package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How typed words match, searched through the planner with every ranking feature off: stop words,
 * words the analyzer splits, prefixes, exclusions, and a page needing only one of the words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordMatcherTest {

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("hamlet", "Hamlet").body("To be or not to be, that is the question."),
          page("city", "City clinic").body("The clinic opens at nine."),
          page("rural", "Rural clinic").body("A clinic far away."),
          page("epilogue", "Epilogue").body("The end."),
          page("covid", "Vaccines").body("Covid-19 vaccines."),
          page("apart", "Reports").body("Covid cases rose in 19 wards."),
          page("telehealth", "Visits").body("Telehealth visits."),
          page("telemedicine", "Rules").body("Telemedicine rules."),
          page("compound", "Wings").body("A two-dimensional wing in a stream."),
          page("apart", "Panels").body("Two panels, each dimensional, each heavy, each large."),
          page("part", "Analysis").body("Dimensional analysis."),
          page("email", "Contact").body("Send us an email."));

  /** The pages found, in id order: these tests are about matching, not ranking. */
  private List<String> found(String q) throws IOException {
    return index.ids(TinyIndex.BARE, q).stream().sorted().toList();
  }

  @Test
  void stop_words_are_dropped_only_when_the_query_has_other_words() throws Exception {
    assertEquals(List.of("city", "rural"), found("the clinic"), "not every page with 'the'");
    assertEquals(List.of("city", "epilogue", "hamlet"), found("the"));
    assertEquals(List.of("hamlet"), found("to be or not to be"));
  }

  @Test
  void punctuation_is_not_another_word() throws Exception {
    assertEquals(found("the"), found("the ?"));
  }

  @Test
  void a_word_the_analyzer_splits_is_searched_as_a_phrase() throws Exception {
    assertEquals(List.of("covid"), found("covid-19"), "a code: not 'covid' and '19' apart");
    assertEquals(List.of("apart", "covid"), found("covid 19"));
  }

  @Test
  void a_hyphenated_word_matches_its_parts_and_the_compound_leads() throws Exception {
    assertEquals(
        List.of("apart", "compound", "part"),
        found("two-dimensional"),
        "a page without the compound is not lost");
    assertEquals(
        "compound",
        index.ids(RankingSettings.DEFAULTS, "two-dimensional").get(0),
        "the parts written together earn the proximity bonus");
  }

  @Test
  void an_excluded_hyphenated_word_takes_out_the_compound_not_its_parts() throws Exception {
    assertEquals(List.of("apart", "part"), found("dimensional -two-dimensional"));
    assertEquals(List.of(), found("email -e-mail"), "written without the hyphen too");
  }

  @Test
  void a_hyphenated_word_also_matches_its_closed_form() throws Exception {
    assertEquals(List.of("email"), found("e-mail"), "'e' alone is no word");
  }

  @Test
  void a_prefix_of_three_letters_or_more_matches_the_words_it_starts() throws Exception {
    assertEquals(List.of("telehealth", "telemedicine"), found("tele*"));
    assertEquals(List.of("telehealth", "telemedicine"), found("tel*"));
    assertEquals(
        List.of(), found("te*"), "two letters would match too much of a large site: the word 'te'");
    assertEquals(List.of(), found("t*"));
  }

  @Test
  void only_the_first_prefixes_of_a_query_are_prefixes_the_rest_are_words() throws Exception {
    String others = "xyz* ".repeat(WordMatcher.MAX_PREFIXES - 1);
    assertEquals(List.of("telehealth", "telemedicine"), found(others + "tele*"));
    assertEquals(
        List.of(),
        found(others + "xyz* tele*"),
        "one prefix too many: searched as the word 'tele'");
    assertEquals(List.of("covid"), found(others + "xyz* vaccines*"), "as a word it still matches");
  }

  @Test
  void a_prefix_with_many_completions_matches_the_words_most_pages_have() throws Exception {
    var pages = new ArrayList<TinyIndex.Page>();
    int rare = WordMatcher.TERMS_PER_PREFIX + 10;
    for (int i = 0; i < rare; i++) {
      String word = "zeta" + (1000 + i); // digits: no stemmer folds two of them together
      pages.add(page("rare-" + i, "Rare " + i).body("A page about " + word + "."));
    }
    for (int i = 0; i < 3; i++) pages.add(page("common-" + i, "Common " + i).body("Zetazz rules."));
    try (var many = TinyIndex.of(pages.toArray(TinyIndex.Page[]::new))) {
      var request = SearchRequest.of("zeta*").withSize(100);
      List<String> ids = many.ids(many.execute(TinyIndex.BARE, request).docs());

      assertTrue(
          ids.containsAll(List.of("common-0", "common-1", "common-2")),
          () -> "the completion on most pages is kept: " + ids);
      assertEquals(
          3 + WordMatcher.TERMS_PER_PREFIX - 1,
          ids.size(),
          "one page for each of the other completions kept, no more");
    }
  }

  @Test
  void an_excluded_word_takes_its_pages_out() throws Exception {
    assertEquals(List.of("city", "rural"), found("clinic"));
    assertEquals(List.of("city"), found("clinic -rural"));
    assertEquals(List.of("rural"), found("clinic -\"opens at nine\""));
  }

  @Test
  void a_page_needs_one_of_the_words_and_a_word_no_page_has_does_not_empty_the_results()
      throws Exception {
    assertEquals(List.of("city", "epilogue", "rural"), found("clinic end"));
    assertEquals(List.of("city", "rural"), found("clinic xyzzy"));
    assertEquals(List.of(), found("xyzzy"));
  }
}
