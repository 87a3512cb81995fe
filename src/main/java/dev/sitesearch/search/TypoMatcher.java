package dev.sitesearch.search;

import dev.sitesearch.index.TextFolding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Typo tolerance: a word no page has matches the words the site does use within one edit (two from
 * 9 letters), Meilisearch's rule. Candidates are looked up among words as written (folded, not
 * stemmed: a stemmer mangles misspellings, "interoperabilty" stems far from "interoper"), then each
 * is searched as the word it stands for.
 */
final class TypoMatcher {
  private static final int MIN_TYPO_CHARS = 5;
  private static final int TWO_TYPOS_CHARS = 9;
  private static final int CANDIDATES = 3;

  /**
   * Words matched with typos per query; more unknown words are ignored (each costs a dictionary
   * walk).
   */
  static final int MAX_WORDS = 32;

  private final DirectSpellChecker oneEdit = checker(1);
  private final DirectSpellChecker twoEdits = checker(2);
  private final FieldQueries fields;

  TypoMatcher(FieldQueries fields) {
    this.fields = fields;
  }

  /** No typo under 5 letters; letters only (never numbers or codes). */
  static boolean eligible(String word) {
    return word.length() >= MIN_TYPO_CHARS && word.chars().allMatch(Character::isLetter);
  }

  /** The site's words close to {@code word}, any of them matching; null when there are none. */
  Query closeWords(String word, IndexReader reader) {
    DirectSpellChecker checker = word.length() >= TWO_TYPOS_CHARS ? twoEdits : oneEdit;
    SuggestWord[] candidates;
    try {
      candidates =
          checker.suggestSimilar(
              new Term(fields.spellField(), TextFolding.fold(word)),
              CANDIDATES,
              reader,
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var any = new BooleanQuery.Builder();
    var seen = new HashSet<String>();
    for (SuggestWord candidate : candidates) {
      List<FieldQueries.AnalyzedTerm> terms = fields.analyze(candidate.string);
      if (terms.size() == 1 && seen.add(terms.get(0).text()))
        any.add(fields.term(terms.get(0).text()), Occur.SHOULD);
    }
    return seen.isEmpty() ? null : any.build();
  }

  private static DirectSpellChecker checker(int edits) {
    var checker = new DirectSpellChecker();
    checker.setMaxEdits(edits);
    checker.setMinPrefix(1);
    checker.setAccuracy(0.5f);
    return checker;
  }
}
