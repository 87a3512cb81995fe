package dev.sitesearch.search;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A ranking feature that reshapes the whole scored query once it is built: a multiplier (recency),
 * an expansion learned from the first results (feedback), or the editors' pins and hides
 * (curation). The planner applies them in that order.
 */
interface RankingStage {
  /** The query with this feature applied; {@code query} itself when it does not apply. */
  Query apply(Query query, Context context) throws IOException;

  /**
   * What a stage may look at.
   *
   * @param request the request being planned
   * @param words how its clauses matched
   * @param contentTerms the analysed terms of its loose words that are not stop words
   * @param searcher the commit being searched
   * @param filters the request's filters, to apply to a query the stage runs itself
   * @param nowMillis the time of the search
   */
  record Context(
      SearchRequest request,
      MatchedWords words,
      Set<String> contentTerms,
      SiteSearcher searcher,
      Filters filters,
      long nowMillis) {}
}
