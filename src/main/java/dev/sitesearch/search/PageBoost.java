package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;

/**
 * The editors' per-page weight, front matter {@code search.boost} (0.1 to 10, checked when the page
 * is read): the page's whole score is multiplied by it, so a boosted guide passes pages of similar
 * relevance and a demoted changelog (0.2) falls below them. Pages without one score as they are; an
 * index without any boosted page gets the query unchanged.
 */
record PageBoost() implements RankingStage {
  @Override
  public Query apply(Query query, Context context) {
    if (!context.searcher().hasField(Fields.BOOST)) return query;
    // A page without the field keeps its score: boostByValue defaults a missing value to 1.
    return FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromFloatField(Fields.BOOST));
  }
}
