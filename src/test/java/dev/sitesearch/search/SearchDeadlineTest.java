package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.QueryTimeout;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search whose deadline passes stops and keeps what it found, filtered and faceted searches
 * included (the drill-sideways scorer that counts those refuses Lucene's own time limit): the total
 * and counts fall short of the whole, the searcher says it timed out, and nothing fails. The
 * deadline here passes after a set number of looks at the clock, so where it stops is exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchDeadlineTest {
  private static final int PAGES = 3 * DeadlineCollector.CHECK_EVERY;

  @AutoClose private final TinyIndex index = TinyIndex.of(pages());

  private static TinyIndex.Page[] pages() {
    var pages = new ArrayList<TinyIndex.Page>();
    for (int i = 0; i < PAGES; i++) {
      pages.add(
          page("p" + i, "Solar notes " + i)
              .body("Solar power.")
              .date("2024-01-01")
              .facet("searchCategory", i % 2 == 0 ? "News" : "Guides")
              .facet("tags", i % 3 == 0 ? "energy" : "garden"));
    }
    return pages.toArray(TinyIndex.Page[]::new);
  }

  /** Expired once the clock has been looked at {@code looks} times. */
  private static QueryTimeout expiringAfter(int looks) {
    var seen = new AtomicInteger();
    return () -> seen.incrementAndGet() > looks;
  }

  @ParameterizedTest(name = "filters: {0}")
  @ValueSource(strings = {"none", "searchCategory", "searchCategory+tags"})
  void a_search_past_its_deadline_keeps_what_it_found_and_says_so(String filtered)
      throws IOException {
    var filters =
        switch (filtered) {
          case "none" -> Map.<String, List<String>>of();
          case "searchCategory" -> Map.of("searchCategory", List.of("News"));
          default -> Map.of("searchCategory", List.of("News"), "tags", List.of("energy"));
        };
    SearchRequest request = SearchRequest.of("solar").withFilters(filters);
    var executor = new SearchExecutor(TinyIndex.SCHEMA.facetsConfig());
    SearchPlan plan = index.plan(TinyIndex.BARE, request);
    long whole = executor.execute(index.searcher(), plan).total();

    SiteSearcher cut = index.searcher().within(expiringAfter(1));
    SearchExecutor.Execution partial = executor.execute(cut, plan);

    assertTrue(cut.timedOut(), "the searcher says its results are partial");
    assertTrue(partial.total() < whole, partial.total() + " of " + whole);
    assertFalse(index.searcher().timedOut(), "the shared searcher is not touched");

    SiteSearcher ample = index.searcher().within(expiringAfter(Integer.MAX_VALUE));
    assertEquals(whole, executor.execute(ample, plan).total());
    assertFalse(ample.timedOut());
  }
}
