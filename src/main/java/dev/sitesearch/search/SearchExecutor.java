package dev.sitesearch.search;

import java.io.IOException;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Runs a {@link SearchPlan}: the top hits up to the requested page and every facet's disjunctive
 * counts in one pass ({@link DrillSideways}: each facet counted with every filter but its own), or
 * one facet's counts alone.
 */
final class SearchExecutor {
  private final FacetsConfig facetsConfig;

  SearchExecutor(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  /**
   * What a plan found.
   *
   * @param total matching pages
   * @param docs the hits from the first up to the requested page's last
   * @param facets the counts, or null when the index has no facet values yet
   */
  record Execution(long total, ScoreDoc[] docs, Facets facets) {}

  Execution execute(SiteSearcher searcher, SearchPlan plan) throws IOException {
    DrillDownQuery query = plan.filters().apply(plan.scored());
    SearchRequest request = plan.request();
    int topN = request.page() * request.size();
    if (searcher.facetState() == null) {
      TopDocs top =
          plan.sort() == null
              ? searcher.search(query, topN)
              : searcher.search(query, topN, plan.sort());
      return new Execution(searcher.count(query), top.scoreDocs, null);
    }
    // The searcher's own facet collectors, so the counting of near misses stops at its deadline.
    FacetsCollectorManager collectors = searcher.facetCollectors();
    var sideways =
        new DrillSideways(searcher, facetsConfig, searcher.facetState()) {
          @Override
          protected FacetsCollectorManager createDrillDownFacetsCollectorManager() {
            return collectors;
          }

          @Override
          protected FacetsCollectorManager createDrillSidewaysFacetsCollectorManager() {
            return collectors;
          }
        };
    DrillSideways.DrillSidewaysResult result =
        sideways.search(query, null, null, topN, plan.sort(), plan.sort() == null);
    Facets facets = result.facets;
    if (facets == null) { // no filter: DrillSideways leaves the plain counting to the caller
      FacetsCollector collector = searcher.search(query, searcher.facetCollectors());
      facets = new SortedSetDocValuesFacetCounts(searcher.facetState(), collector);
    }
    return new Execution(result.hits.totalHits.value(), result.hits.scoreDocs, facets);
  }

  /**
   * One facet's counts as the sidebar counts it: over the plan's query within every other filter,
   * its own left out, so each value's count is what ticking it would add. Null when the index has
   * no facet values yet.
   */
  Facets countFacet(SiteSearcher searcher, SearchPlan plan, String facet) throws IOException {
    if (searcher.facetState() == null) return null;
    FacetsCollector collector =
        searcher.search(
            plan.filters().applyExcept(plan.scored(), facet), searcher.facetCollectors());
    return new SortedSetDocValuesFacetCounts(searcher.facetState(), collector);
  }
}
