package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.search.SearchResponse.FacetValue;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A facet's value list ({@code /api/facets/{facet}}, the page's value finder) counts exactly as the
 * search's sidebar does for the same request, whatever the query grows into: feedback words for a
 * long question, pins and hides. Both endpoints ask the one planner, so they cannot drift apart
 * again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetValuesAgreeWithSidebarTest {
  private static final String QUESTION = FeedbackTest.QUESTION;
  private OpenedIndex search;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    FeedbackTest.pages(
        content,
        6,
        "news",
        "News",
        "Rural clinics and remote monitoring",
        "Rural clinics start remote monitoring programs for chronic patients; broadband grants broadband towers.");
    FeedbackTest.writeGuides(content);
    FeedbackTest.page(
        content,
        "towers",
        "Towers",
        "Towers",
        "Broadband towers and broadband speeds, broadband grants.");
    FeedbackTest.page(
        content, "pinned", "Pinned", "Unrelated", "Nothing in common with any question.");
    Path index = TestAssembly.indexBeside(content);
    search =
        OpenedIndex.of(
            index,
            RankingSettings.DEFAULTS.with(
                s -> {
                  s.pins = Map.of(QUESTION, List.of("pinned"));
                  s.hides = Map.of(QUESTION, List.of("news0"));
                }));
  }

  @AfterAll
  void close() throws Exception {
    search.close();
  }

  private void assertSameCounts(SearchRequest request) throws Exception {
    List<FacetValue> sidebar = search.search(request).facets().get("searchCategory");
    List<FacetValue> finder =
        search.service().facetValues("searchCategory", "", request, 100).values();
    assertEquals(
        sidebar, finder, "the value finder counts as the sidebar for '" + request.q() + "'");
  }

  @Test
  void a_question_long_enough_for_feedback_and_curated_counts_alike() throws Exception {
    SearchRequest request = SearchRequest.of(QUESTION).withSize(20);
    var sidebar = search.search(request).facets().get("searchCategory");

    assertEquals(
        List.of(
            new FacetValue("Guides", 5, false),
            new FacetValue("News", 5, false),
            new FacetValue("Pinned", 1, false),
            new FacetValue("Towers", 1, false)),
        sidebar,
        "the feedback word 'broadband' finds Towers, the pin adds its page, the hide takes a news page out");
    assertSameCounts(request);
  }

  @Test
  void with_a_filter_on_the_counted_facet_the_counts_still_agree() throws Exception {
    assertSameCounts(
        SearchRequest.of(QUESTION).withFilters(Map.of("searchCategory", List.of("Guides"))));
  }

  @Test
  void sorted_by_date_no_curation_applies_to_either() throws Exception {
    var newest =
        new SearchRequest(QUESTION, Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 10);

    assertSameCounts(newest);
  }
}
