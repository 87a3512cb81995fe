package dev.sitesearch.search;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A ranking feature that adds to the score of pages matching in a way a visitor values (enough of
 * the words, the words close together, the title itself). Its clauses are optional: they never
 * decide whether a page matches, only how high it ranks.
 */
interface Bonus {
  /** The scoring clauses to add for this query; empty when the feature does not apply. */
  List<Query> clauses(MatchedWords words, UserQuery typed);
}
