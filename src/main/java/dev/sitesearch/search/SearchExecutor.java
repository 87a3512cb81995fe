package dev.sitesearch.search;

import java.io.IOException;
import java.util.HashMap;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
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
   * @param facets the disjunctive counts (each facet with every filter but its own), or null when
   *     the index has no facet values yet
   * @param within the counts among the results themselves (every filter applied); the same object
   *     as {@code facets} when no facet is filtered, so no second count is made
   */
  record Execution(long total, ScoreDoc[] docs, Facets facets, Facets within) {
    /** The counts that tell, per value, what ticking it would do ({@link FacetCounts}). */
    FacetCounts counts(java.util.Map<String, java.util.List<String>> selected) {
      return new FacetCounts(facets, within, total, selected);
    }
  }

  Execution execute(SiteSearcher searcher, SearchPlan plan) throws IOException {
    DrillDownQuery query = plan.filters().apply(plan.scored());
    SearchRequest request = plan.request();
    int topN = request.page() * request.size();
    if (searcher.facetState() == null) {
      TopDocs top =
          plan.sort() == null
              ? searcher.search(query, topN)
              : searcher.search(query, topN, plan.sort());
      return new Execution(searcher.count(query), top.scoreDocs, null, null);
    }
    // The searcher's own facet collectors, so the counting of near misses stops at its deadline.
    FacetsCollectorManager collectors = searcher.facetCollectors();
    FacetOrdinals ordinals = searcher.facetOrdinals();
    Facets[] within = new Facets[1];
    var sideways =
        new DrillSideways(searcher, facetsConfig, searcher.facetState()) {
          /**
           * As Lucene builds it (the filtered facets from their sideways counts, the others from
           * the results'), keeping the results' own counts: with the sideways ones they give
           * "results if added" without another pass.
           */
          @Override
          protected Facets buildFacetsResult(
              FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims)
              throws IOException {
            var sidewaysCounts = new HashMap<String, Facets>();
            for (int i = 0; drillSideways != null && i < drillSideways.length; i++)
              sidewaysCounts.put(dims[i], ordinals.count(drillSideways[i]));
            within[0] = drillDowns == null ? null : ordinals.count(drillDowns);
            return sidewaysCounts.isEmpty()
                ? within[0]
                : new MultiFacets(sidewaysCounts, within[0]);
          }

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
    // Lucene 10.6 counts through buildFacetsResult above whether or not a facet is filtered.
    return new Execution(
        result.hits.totalHits.value(),
        result.hits.scoreDocs,
        result.facets,
        within[0] == null ? result.facets : within[0]);
  }

  /**
   * One facet's counts as the sidebar counts it: over the plan's query within every other filter,
   * its own left out, so each value's count is what it finds alone. When the facet is filtered, the
   * results themselves are counted too (a second pass), for "results if added". Null facets when
   * the index has no facet values yet.
   */
  FacetCounts countFacet(SiteSearcher searcher, SearchPlan plan, String facet) throws IOException {
    var selected = plan.request().filters();
    if (searcher.facetState() == null) return new FacetCounts(null, null, 0, selected);
    FacetsCollector others =
        searcher.search(
            plan.filters().applyExcept(plan.scored(), facet), searcher.facetCollectors());
    FacetOrdinals ordinals = searcher.facetOrdinals();
    Facets alone = ordinals.count(others);
    if (selected.getOrDefault(facet, java.util.List.of()).isEmpty())
      return new FacetCounts(alone, alone, hits(others), selected);
    FacetsCollector results =
        searcher.search(plan.filters().apply(plan.scored()), searcher.facetCollectors());
    return new FacetCounts(alone, ordinals.count(results), hits(results), selected);
  }

  private static long hits(FacetsCollector collector) {
    long total = 0;
    for (var docs : collector.getMatchingDocs()) total += docs.totalHits();
    return total;
  }
}
