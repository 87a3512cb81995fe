package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The executor's totals are exact and its facet counts disjunctive: each facet counted with every
 * filter but its own, which the tests count by hand from the table of pages below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchExecutorTest {
  private static final String SOLAR = "Solar power notes.";
  private static final String OTHER = "Garden notes.";

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          //  id    body   date   searchCategory  tags
          row("p1", SOLAR, "2024", "News", "energy", "solar"),
          row("p2", SOLAR, "2023", "Guides", "energy"),
          row("p3", SOLAR, "2025", "Guides", "solar"),
          row("p4", OTHER, "2022", "News", "garden"),
          row("p5", SOLAR, "2024", "Guides", "solar", "garden"),
          row("p6", SOLAR, "2025", "News", "energy"),
          row("p7", OTHER, "2023", "News", "solar"),
          row("p8", SOLAR, "2024", "Guides"));

  private static TinyIndex.Page row(
      String id, String body, String year, String category, String... tags) {
    var page =
        page(id, "Page " + id).body(body).date(year + "-01-01").facet("searchCategory", category);
    return tags.length == 0 ? page : page.facet("tags", tags);
  }

  /** One facet's counts, by value. */
  private static Map<String, Long> counts(Facets facets, String facet) throws IOException {
    var counts = new TreeMap<String, Long>();
    FacetResult top = facets.getTopChildren(100, facet);
    if (top != null)
      for (LabelAndValue lv : top.labelValues) counts.put(lv.label, lv.value.longValue());
    return counts;
  }

  @Test
  void without_filters_each_facet_counts_the_pages_found() throws Exception {
    // "solar" finds p1 p2 p3 p5 p6 p8.
    SearchExecutor.Execution found = index.execute(TinyIndex.BARE, SearchRequest.of("solar"));

    assertEquals(6, found.total());
    assertEquals(Map.of("energy", 3L, "solar", 3L, "garden", 1L), counts(found.facets(), "tags"));
    assertEquals(Map.of("News", 2L, "Guides", 4L), counts(found.facets(), "searchCategory"));
    assertEquals(Map.of("2023", 1L, "2024", 3L, "2025", 2L), counts(found.facets(), "year"));
  }

  @Test
  void each_facet_is_counted_with_every_filter_but_its_own() throws Exception {
    var request =
        SearchRequest.of("solar")
            .withFilters(Map.of("tags", List.of("solar"), "searchCategory", List.of("Guides")));
    SearchExecutor.Execution found = index.execute(TinyIndex.BARE, request);

    assertEquals(List.of("p3", "p5"), index.ids(found.docs()).stream().sorted().toList());
    assertEquals(2, found.total());
    // tags over "solar" in Guides: p2 p3 p5 p8
    assertEquals(Map.of("energy", 1L, "solar", 2L, "garden", 1L), counts(found.facets(), "tags"));
    // searchCategory over "solar" tagged solar: p1 p3 p5
    assertEquals(Map.of("News", 1L, "Guides", 2L), counts(found.facets(), "searchCategory"));
    // year, not filtered, over every filter: p3 p5
    assertEquals(Map.of("2024", 1L, "2025", 1L), counts(found.facets(), "year"));
  }

  @Test
  void one_facet_alone_is_counted_as_the_sidebar_counts_it() throws Exception {
    var request =
        SearchRequest.of("solar")
            .withFilters(Map.of("tags", List.of("solar"), "searchCategory", List.of("Guides")));
    SearchPlan plan = index.plan(TinyIndex.BARE, request);
    var executor = new SearchExecutor(TinyIndex.SCHEMA.facetsConfig());
    Facets sidebar = executor.execute(index.searcher(), plan).facets();

    for (String facet : List.of("tags", "searchCategory", "year")) {
      assertEquals(
          counts(sidebar, facet),
          counts(executor.countFacet(index.searcher(), plan, facet).alone(), facet),
          facet);
    }
  }

  @Test
  void the_total_is_exact_beyond_a_thousand_hits_in_every_order_and_filter() throws Exception {
    var pages = new TinyIndex.Page[1200];
    for (int i = 0; i < pages.length; i++) {
      pages[i] =
          page("p" + i, "Page " + i)
              .body(SOLAR)
              .date("2024-01-01")
              .facet("tags", i % 3 == 0 ? "a" : "b");
    }
    try (var large = TinyIndex.of(pages)) {
      var byScore = SearchRequest.of("solar");
      var newest =
          new SearchRequest("solar", Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 10);

      assertEquals(1200, large.execute(TinyIndex.BARE, byScore).total());
      assertEquals(1200, large.execute(TinyIndex.BARE, newest).total());
      assertEquals(
          800,
          large.execute(TinyIndex.BARE, byScore.withFilters(Map.of("tags", List.of("b")))).total());
      assertEquals(1200, large.execute(TinyIndex.BARE, SearchRequest.of("")).total());
    }
  }

  @Test
  void an_index_without_facet_values_still_counts_its_hits() throws Exception {
    try (var plain =
        TinyIndex.of(
            page("x", "X").body(SOLAR), page("y", "Y").body(SOLAR), page("z", "Z").body(OTHER))) {
      SearchExecutor.Execution found =
          plain.execute(TinyIndex.BARE, SearchRequest.of("solar").withSize(1));

      assertEquals(2, found.total());
      assertEquals(1, found.docs().length);
      assertNull(found.facets());
    }
  }
}
