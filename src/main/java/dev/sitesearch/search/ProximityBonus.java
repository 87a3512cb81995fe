package dev.sitesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Adjacent query words found near each other (within {@code slop} positions) earn a bonus per pair,
 * alike in every field: the words' own scores already weigh where they are, and a title's words
 * earn their own bonuses for short queries ({@link TitleWordsBonus}, {@link SummaryTierBonus}).
 * Weighting the pair by its field again counted titles twice: on CACM, whose pages are half titles
 * alone, it cost 0.009 nDCG@10 ("portable operating systems" fell from 0.55 to 0.34 under titles
 * saying "operating systems"); for queries of up to three words it had been kept for the real
 * sites' two-word title matches, which the title bonuses now keep (docs/relevance.md). It pays for
 * the short queries of a search box; over long natural-language questions it rewards chance
 * neighbours (the CISI collection lost 6% nDCG@10 with it), so it applies to queries of up to
 * {@link #MAX_WORDS} words.
 */
record ProximityBonus(FieldQueries fields, float weight, int slop) implements Bonus {
  static final int MAX_WORDS = 5;

  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    List<String> terms = words.pairTerms();
    if (weight <= 0 || terms.size() > MAX_WORDS) return List.of();
    var clauses = new ArrayList<Query>();
    for (int i = 0; i + 1 < terms.size(); i++) {
      String a = terms.get(i);
      String b = terms.get(i + 1);
      if (a == null || b == null) continue;
      var pair = List.of(new FieldQueries.AnalyzedTerm(a, 0), new FieldQueries.AnalyzedTerm(b, 1));
      clauses.add(new BoostQuery(fields.unweightedPhrase(pair, slop), weight));
    }
    return clauses;
  }
}
