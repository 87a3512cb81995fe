package dev.sitesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Adjacent query words found near each other (within {@code slop} positions) earn a bonus per pair.
 * For a search box's queries (up to {@value TierBonus#MAX_WORDS} words) the pair counts as much as
 * the field it is found in: two words side by side in a title are the best evidence a short query
 * gets (unweighted, OpenTelemetry lost "collector configuration" and "python auto instrumentation"
 * from its top 3). For longer ones it counts alike in every field: the words' own scores already
 * weigh where they are, and weighting the phrase again made titles count twice (on CACM, whose
 * pages are half titles alone, that cost 0.01 nDCG@10). It pays for the short queries of a search
 * box; over long natural-language questions it rewards chance neighbours (the CISI collection lost
 * 6% nDCG@10 with it), so it applies to queries of up to {@link #MAX_WORDS} words.
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
      Query near =
          terms.size() <= TierBonus.MAX_WORDS
              ? fields.phrase(pair, slop)
              : fields.unweightedPhrase(pair, slop);
      clauses.add(new BoostQuery(near, weight));
    }
    return clauses;
  }
}
