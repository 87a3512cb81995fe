package dev.sitesearch.search;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/**
 * Pages holding enough of the words come first: all of up to three words, then three quarters, earn
 * a constant bonus large enough to lift them over pages with fewer words (Meilisearch's "words"
 * ranking rule, made soft).
 */
record TierBonus(float boost) implements Bonus {
  /** How many words a page needs for the first tier: all of up to three, then three quarters. */
  static int required(int words) {
    return words <= 3 ? words : (int) Math.ceil(words * 0.75);
  }

  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    if (boost <= 0 || words.matching().size() < 2) return List.of();
    var tier = new BooleanQuery.Builder();
    words.matching().forEach(q -> tier.add(q, Occur.SHOULD));
    tier.setMinimumNumberShouldMatch(required(words.matching().size()));
    return List.of(new BoostQuery(new ConstantScoreQuery(tier.build()), boost));
  }
}
