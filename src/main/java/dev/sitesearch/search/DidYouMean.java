package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes a corrected query when one finds nothing or very little: each loose word that no page
 * has is replaced by the closest word the site does use (within two edits, the most frequent
 * first), among the words of the languages searched. The caller checks that the correction really
 * finds pages under the same filters before offering it.
 */
final class DidYouMean {
  /** Fewer results than this and a correction is looked for. */
  static final int FEW_RESULTS = 3;

  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The corrected query text in English, or null when no word needs or has a correction. */
  String correct(String q, IndexReader reader) throws IOException {
    return correct(q, reader, List.of(Fields.SPELL));
  }

  /**
   * The corrected query text, or null when no word needs or has a correction; {@code spellFields}
   * hold the words of the languages searched.
   */
  String correct(String q, IndexReader reader, List<String> spellFields) throws IOException {
    var words = new ArrayList<String>();
    boolean changed = false;
    String[] tokens = q.strip().split("\\s+");
    if (tokens.length > UserQueryParser.MAX_TERMS)
      return null; // not a query with a typo; each word costs a lookup
    for (String token : tokens) {
      String replacement = token;
      Clause clause = UserQueryParser.parse(token).include().stream().findFirst().orElse(null);
      if (clause instanceof Word w && w.text().chars().allMatch(Character::isLetter)) {
        String word = TextFolding.fold(w.text()).toLowerCase(Locale.ROOT);
        if (!known(word, reader, spellFields)) {
          SuggestWord best = null;
          for (String field : spellFields) {
            for (SuggestWord s :
                checker.suggestSimilar(
                    new Term(field, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
              if (best == null || BETTER.compare(s, best) < 0) best = s;
            }
          }
          if (best != null) {
            replacement = best.string;
            changed = true;
          }
        }
      }
      words.add(replacement);
    }
    String corrected = String.join(" ", words);
    // A correction longer than a query may be would be refused as one (corrections can add
    // letters).
    return changed && corrected.length() <= SearchRequest.MAX_QUERY_CHARS ? corrected : null;
  }

  /** The closer candidate first, then the more frequent (as the spell checker ranks its own). */
  private static final Comparator<SuggestWord> BETTER =
      Comparator.comparingDouble((SuggestWord s) -> -s.score).thenComparingInt(s -> -s.freq);

  private static boolean known(String word, IndexReader reader, List<String> spellFields)
      throws IOException {
    for (String field : spellFields) {
      if (reader.docFreq(new Term(field, word)) > 0) return true;
    }
    return false;
  }
}
