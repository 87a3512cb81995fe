package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.TinyIndex.Page;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planner turns a request into the queries every endpoint runs: browsing for an empty query,
 * the facets checked, the filters (OR within a facet, AND across) and the "all filters but one
 * facet's" of disjunctive counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlannerTest {
  private final QueryPlanner planner = new QueryPlanner(TinyIndex.SCHEMA, TinyIndex.BARE);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("a", "Panels", "Solar panels on the roof.", "2024-03-01", "News", "energy", "solar"),
          page("b", "Farms", "Wind turbines and solar farms.", "2023-05-01", "Guides", "energy"),
          page("c", "Heaters", "Solar water heaters.", "2025-01-10", "Guides", "solar"),
          page("d", "Sheds", "Garden sheds.", "2022-07-01", "News", "garden"),
          page("e", "Basics", "Solar basics.", null, "Guides", "energy"));

  /** A page with what the filters look at: a date (or none), tags and a category. */
  private static Page page(
      String id, String title, String body, String date, String category, String... tags) {
    Page page = TinyIndex.page(id, title).body(body);
    if (date != null) page = page.date(date);
    return page.facet("tags", tags).facet("searchCategory", category);
  }

  private static SearchRequest browse(Map<String, List<String>> filters) {
    return SearchRequest.of("").withFilters(filters);
  }

  /** The pages the plan's filtered query finds, in id order. */
  private List<String> found(SearchPlan plan) throws IOException {
    return sorted(index.ids(plan.filtered()));
  }

  private List<String> found(Query query) throws IOException {
    return sorted(index.ids(query));
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  @Test
  void an_empty_query_browses_every_page_newest_first_without_scores() throws Exception {
    SearchPlan plan = index.plan(TinyIndex.BARE, SearchRequest.of(""));

    assertTrue(plan.browsing());
    assertFalse(plan.showsScores());
    assertEquals(
        List.of("c", "a", "b", "d", "e"),
        index.ids(index.execute(TinyIndex.BARE, plan.request()).docs()),
        "undated last");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"-garden | c a b e", "?       | c a b d e"})
  void a_query_with_no_word_to_rank_by_browses_newest_first_too(String q, String newestFirst)
      throws Exception {
    SearchPlan plan = index.plan(TinyIndex.BARE, SearchRequest.of(q));

    assertFalse(plan.showsScores());
    assertEquals(
        List.of(newestFirst.split(" ")),
        index.ids(index.execute(TinyIndex.BARE, plan.request()).docs()));
  }

  @Test
  void a_query_with_words_is_ranked_by_score() throws Exception {
    SearchPlan plan = index.plan(TinyIndex.BARE, SearchRequest.of("solar"));

    assertFalse(plan.browsing());
    assertNull(plan.sort());
    assertTrue(plan.showsScores());
  }

  @Test
  void an_unknown_facet_is_refused_naming_the_part_of_the_request() {
    var filter =
        assertThrows(
            InvalidRequestException.class,
            () -> index.plan(TinyIndex.BARE, browse(Map.of("colour", List.of("red")))));
    var counted =
        assertThrows(
            InvalidRequestException.class,
            () ->
                index.plan(
                    TinyIndex.BARE,
                    new SearchRequest(
                        "",
                        Map.of(),
                        null,
                        null,
                        SortOrder.RELEVANCE,
                        1,
                        10,
                        List.of("tags", "colour"),
                        10)));
    var values = assertThrows(InvalidRequestException.class, () -> planner.checkFacet("colour"));

    assertEquals(Part.FILTER, filter.part());
    assertEquals("colour", filter.facet());
    assertTrue(
        filter.getMessage().contains("facets are: communityTopics, searchCategory, tags"),
        filter.getMessage());
    assertEquals(Part.FACETS, counted.part());
    assertEquals(Part.FACET, values.part());
  }

  @Test
  void values_of_one_facet_are_ored_and_facets_are_anded() throws Exception {
    assertEquals(
        List.of("a", "c"),
        found(index.plan(TinyIndex.BARE, browse(Map.of("tags", List.of("solar"))))));
    assertEquals(
        List.of("a", "c", "d"),
        found(index.plan(TinyIndex.BARE, browse(Map.of("tags", List.of("solar", "garden"))))));
    assertEquals(
        List.of("b", "c", "e"),
        found(
            index.plan(
                TinyIndex.BARE,
                browse(
                    Map.of(
                        "tags",
                        List.of("energy", "solar"),
                        "searchCategory",
                        List.of("Guides"))))));
  }

  @Test
  void the_dates_filter_on_the_page_date_inclusive() throws Exception {
    var request =
        new SearchRequest(
            "solar",
            Map.of(),
            LocalDate.parse("2023-05-01"),
            LocalDate.parse("2024-03-01"),
            SortOrder.RELEVANCE,
            1,
            10,
            null,
            10);

    assertEquals(List.of("a", "b"), found(index.plan(TinyIndex.BARE, request)));
  }

  @Test
  void all_filters_but_one_facets_leave_that_facet_out() throws Exception {
    SearchPlan plan =
        index.plan(
            TinyIndex.BARE,
            browse(Map.of("tags", List.of("solar"), "searchCategory", List.of("Guides"))));

    assertEquals(List.of("c"), found(plan));
    assertEquals(List.of("b", "c", "e"), found(plan.filters().applyExcept(plan.scored(), "tags")));
    assertEquals(
        List.of("a", "c"), found(plan.filters().applyExcept(plan.scored(), "searchCategory")));
  }
}
