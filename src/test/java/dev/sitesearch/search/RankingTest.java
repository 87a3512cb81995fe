package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a visitor notices about ranking, on small pages written for each behaviour. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingTest {
  private OpenedIndex opened;
  private OpenedIndex curated;
  private SearchService search;
  private SearchService curatedSearch;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    page(content, "exact", "Remote Patient Monitoring", "2019-01-01", "An overview of the field.");
    page(
        content,
        "mentions",
        "Monitoring Remote Sites for Patient Safety",
        "2024-01-01",
        "Remote patient monitoring and remote patient monitoring again: remote, patient, monitoring.");
    page(
        content,
        "phrase",
        "Care notes",
        "2020-01-01",
        "We discuss chronic care management in detail.");
    page(
        content,
        "scattered",
        "Care notes two",
        "2020-01-01",
        "Management of the ward is chronic trouble, and care is scarce.");
    page(content, "accents", "Le diabète au café", "2021-01-01", "Un programme à Montréal.");
    page(
        content,
        "older",
        "Billing codes explained",
        "2016-05-01",
        "How telehealth billing codes work.");
    page(
        content,
        "newer",
        "Billing codes explained",
        "2024-05-01",
        "How telehealth billing codes work.");
    page(
        content,
        "diabetes",
        "Diabetes education",
        "2022-01-01",
        "Diabetes education programs in clinics.");
    page(
        content,
        "both",
        "Interoperability and FHIR",
        "2022-01-01",
        "FHIR makes interoperability practical.");
    page(
        content,
        "one",
        "Interoperability alone",
        "2023-01-01",
        "Interoperability without the other word.");
    page(
        content,
        "longform",
        "Program guide",
        "2021-06-01",
        "Starting a chronic care management program.");
    page(content, "abbrev", "CCM checklist", "2021-06-01", "The CCM enrollment checklist.");
    page(content, "pinned", "Unrelated page", "2018-01-01", "Nothing about the topic at all.");
    Path index = TestAssembly.indexBeside(content);
    opened = OpenedIndex.of(index);
    search = opened.service();
    curated =
        OpenedIndex.of(
            index,
            RankingSettings.DEFAULTS.with(
                s -> {
                  s.pins = Map.of("CCM Checklist!", List.of("pinned", "longform"));
                  s.hides = Map.of("ccm checklist", List.of("abbrev"));
                }));
    curatedSearch = curated.service();
  }

  @AfterAll
  void close() throws Exception {
    opened.close();
    curated.close();
  }

  private static void page(Path dir, String id, String title, String date, String body)
      throws IOException {
    String frontMatter = "id: %s\ntitle: \"%s\"\ndate: '%sT00:00:00Z'".formatted(id, title, date);
    ContentFiles.page(dir, id + ".md", frontMatter, body);
  }

  /** The snippet of page {@code id} among the hits for {@code q}. */
  private String snippet(String q, String id) throws Exception {
    return search.search(SearchRequest.of(q)).hits().stream()
        .filter(h -> h.id().equals(id))
        .findFirst()
        .orElseThrow()
        .snippet();
  }

  private List<String> ids(String q) throws Exception {
    return search.search(SearchRequest.of(q)).hits().stream().map(SearchResponse.Hit::id).toList();
  }

  @Test
  void a_page_whose_title_is_the_query_comes_first() throws Exception {
    assertEquals("exact", ids("remote patient monitoring").get(0));
    assertEquals("exact", ids("Remote Patient Monitoring").get(0));
  }

  @Test
  void the_words_as_a_phrase_rank_above_the_same_words_scattered() throws Exception {
    List<String> hits = ids("chronic care management");
    assertTrue(hits.indexOf("phrase") < hits.indexOf("scattered"), hits.toString());
  }

  @Test
  void accents_fold_both_ways() throws Exception {
    assertEquals("accents", ids("diabete cafe").get(0));
    assertEquals("accents", ids("montreal").get(0));
    assertTrue(ids("diabète").contains("accents"));
  }

  @Test
  void a_typo_in_a_long_word_still_finds_the_page_and_says_so() throws Exception {
    SearchResponse response = search.search(SearchRequest.of("diabtes education"));
    assertEquals("diabetes", response.hits().get(0).id());
    assertEquals(List.of("diabtes"), response.typoMatched());
    assertTrue(search.search(SearchRequest.of("diabetes education")).typoMatched().isEmpty());
  }

  @Test
  void short_words_get_no_typo_tolerance() throws Exception {
    assertEquals(0, search.search(SearchRequest.of("fhri")).total());
  }

  @Test
  void of_two_equally_good_pages_the_newer_comes_first() throws Exception {
    List<String> hits = ids("telehealth billing codes");
    assertEquals(List.of("newer", "older"), hits.subList(0, 2));
  }

  @Test
  void pages_with_every_word_come_before_pages_with_some() throws Exception {
    List<String> hits = ids("interoperability fhir");
    assertEquals("both", hits.get(0));
    assertTrue(hits.contains("one"), "a page with one of the words is still found, after: " + hits);
  }

  @Test
  void a_word_no_page_has_does_not_empty_the_results() throws Exception {
    assertEquals("both", ids("fhir interoperability xyzzyplugh").get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          another form of the word | programs | <mark>program</mark>
          a synonym                | ccm      | <mark>
          """)
  void highlighting_marks_what_matched_the_words(String match, String q, String marked)
      throws Exception {
    String snippet = snippet(q, "longform");
    assertTrue(snippet.contains(marked), () -> match + ": " + snippet);
  }

  @Test
  void an_abbreviation_finds_the_long_form_and_back() throws Exception {
    assertTrue(ids("ccm").contains("longform"), ids("ccm").toString());
    assertTrue(
        ids("chronic care management").contains("abbrev"),
        ids("chronic care management").toString());
  }

  @Test
  void pinned_pages_come_first_in_their_order_and_hidden_ones_never_show() throws Exception {
    List<String> hits =
        curatedSearch.search(SearchRequest.of("ccm checklist")).hits().stream()
            .map(SearchResponse.Hit::id)
            .toList();
    assertEquals(List.of("pinned", "longform"), hits.subList(0, 2));
    assertTrue(!hits.contains("abbrev"), hits.toString());
    assertEquals("abbrev", ids("ccm checklist").get(0), "without curation the best page leads");
  }

  @Test
  void pins_stay_within_the_filters() throws Exception {
    var request = SearchRequest.of("ccm checklist").withFilters(Map.of("year", List.of("2021")));
    List<String> hits =
        curatedSearch.search(request).hits().stream().map(SearchResponse.Hit::id).toList();
    assertTrue(!hits.contains("pinned"), "the pinned page is from 2018: " + hits);
    assertEquals("longform", hits.get(0));
  }

  @Test
  void a_query_that_finds_little_gets_a_checked_correction() throws Exception {
    SearchResponse response = search.search(SearchRequest.of("telehaelthh billng"));
    assertTrue(response.total() < 3, "typo tolerance finds a little: " + response.total());
    assertEquals("telehealth billing", response.didYouMean().query());
    assertTrue(response.didYouMean().total() >= response.total());
    var filtered =
        SearchRequest.of("telehaelthh billng").withFilters(Map.of("year", List.of("2016")));
    assertEquals(
        1,
        search.search(filtered).didYouMean().total(),
        "the correction is counted under the filters");
  }

  @Test
  void a_word_nobody_uses_gets_no_correction() throws Exception {
    SearchResponse response = search.search(SearchRequest.of("qwxzvbnm"));
    assertEquals(0, response.total());
    assertEquals(null, response.didYouMean());
  }

  @Test
  void no_correction_is_offered_when_results_are_plentiful() throws Exception {
    assertEquals(null, search.search(SearchRequest.of("billing codes")).didYouMean());
  }
}
