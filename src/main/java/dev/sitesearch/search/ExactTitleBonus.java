package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Word;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A page whose title is the query, ignoring case, accents and punctuation, comes first: someone who
 * types a title wants that page. Only for queries of plain words and phrases, as typed (not their
 * synonyms).
 */
record ExactTitleBonus(float boost) implements Bonus {
  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    return boost <= 0 ? List.of() : exactly(Fields.TITLE_EXACT, typed, boost);
  }

  /**
   * A constant {@code boost} for pages whose {@code field} holds the typed query as one term
   * ({@link TitleKey}); none for a query with exclusions or anything but plain words and phrases.
   */
  static List<Query> exactly(String field, UserQuery typed, float boost) {
    if (!typed.exclude().isEmpty()) return List.of();
    var text = new ArrayList<String>();
    for (Clause c : typed.include()) {
      switch (c) {
        case Word w -> text.add(w.text());
        case Phrase p -> text.add(p.text());
        default -> {
          return List.of();
        }
      }
    }
    String key = TitleKey.of(String.join(" ", text));
    if (key.isEmpty()) return List.of();
    return List.of(
        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, key))), boost));
  }
}
