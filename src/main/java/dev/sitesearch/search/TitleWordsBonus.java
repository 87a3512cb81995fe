package dev.sitesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Each word of a search box's query that is in a page's title earns that word's title score again,
 * on top of its BM25F score: a title saturates at once. BM25F adds the title's weight to the word's
 * count before saturating, so on a page whose body repeats the word eighty times the title adds
 * nothing; yet the title is where a page says what it is about. For "histogram instrument" on
 * OpenTelemetry's site, the post titled "Exponential Histograms" fell under pages whose bodies
 * wrote "histogram instrument" in passing. The bonus is the word's BM25 score in the title field
 * alone (its rarity, with a title's length), so a rare word in a title counts for more than a
 * common one.
 *
 * <p>Only for queries of up to {@value TierBonus#MAX_WORDS} known words (as the tiers): a long
 * question's words are scored by BM25F alone.
 */
record TitleWordsBonus(FieldQueries fields, float weight) implements Bonus {
  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    List<String> terms = words.pairTerms();
    if (weight <= 0 || terms.isEmpty() || terms.size() > TierBonus.MAX_WORDS) return List.of();
    var clauses = new ArrayList<Query>();
    for (String term : terms) {
      if (term == null) continue;
      Query inTitle = fields.inTitle(term);
      if (inTitle != null) clauses.add(new BoostQuery(inTitle, weight));
    }
    return clauses;
  }
}
