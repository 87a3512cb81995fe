package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A page with a heading that is the query, ignoring case, accents and punctuation, ranks high: who
 * types a heading wants that section (the hit then shows it first, {@link SectionPicker}). Only for
 * queries of plain words and phrases, as typed, as {@link ExactTitleBonus}.
 */
record ExactHeadingBonus(float boost) implements Bonus {
  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    return boost <= 0 ? List.of() : ExactTitleBonus.exactly(Fields.HEADING_EXACT, typed, boost);
  }
}
