package dev.sitesearch.search;

import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;

/**
 * A request turned into what Lucene runs, built once by the {@link QueryPlanner} and not changed
 * after: every endpoint that ranks or counts executes a plan, so the hits, the sidebar's counts and
 * a facet's value list all see the same query.
 *
 * @param request the request planned
 * @param scored the ranked query with every ranking feature, without the filters
 * @param highlight the query's words alone, without the bonuses, for the highlighter
 * @param typoMatched the query's words that matched only with a typo allowed
 * @param filters the request's facet and date filters
 * @param sort the hit order, or null for by score
 * @param facets the facets to count
 * @param browsing the query has no words: every page (within the filters), unscored
 * @param languages the languages searched, as analyses ({@link dev.sitesearch.index.Languages#key})
 */
record SearchPlan(
    SearchRequest request,
    Query scored,
    Query highlight,
    List<String> typoMatched,
    Filters filters,
    Sort sort,
    List<String> facets,
    boolean browsing,
    List<String> languages) {
  SearchPlan {
    typoMatched = List.copyOf(typoMatched);
    facets = List.copyOf(facets);
    languages = List.copyOf(languages);
  }

  /** The scored query within every filter: what the hits are drawn from. */
  Query filtered() {
    return filters.apply(scored);
  }

  /** Whether hits carry scores: ordered by relevance, for a query that has words. */
  boolean showsScores() {
    return sort == null && !browsing;
  }
}
