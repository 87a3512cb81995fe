package dev.sitesearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;

/**
 * The query's clauses as they will match, in the order typed, and what the ranking features need to
 * know about them. A page needs one matching clause.
 *
 * @param clauses each clause searched (stop words and punctuation left out), matching or not
 * @param hadWords whether the query had words at all (none matching then means no page, not every
 *     page)
 * @param exclude a query per excluded clause
 */
record MatchedWords(List<Searched> clauses, boolean hadWords, List<Query> exclude) {
  MatchedWords {
    clauses = List.copyOf(clauses);
    exclude = List.copyOf(exclude);
  }

  /**
   * One clause searched.
   *
   * @param match what matches it (directly or through a typo), or null when nothing does
   * @param pairTerm its single analysed term when it is one known word, else null (which breaks a
   *     run: runs of such terms are what proximity looks at)
   * @param typo the word as typed when it matched only with a typo allowed, else null
   */
  record Searched(Query match, String pairTerm, String typo) {}

  /** A query per matching clause. */
  List<Query> matching() {
    return clauses.stream().map(Searched::match).filter(Objects::nonNull).toList();
  }

  /** Per clause searched, its single term or null. */
  List<String> pairTerms() {
    return clauses.stream().map(Searched::pairTerm).toList(); // Stream.toList keeps nulls
  }

  /** The words that matched only with a typo allowed. */
  List<String> typoMatched() {
    return clauses.stream().map(Searched::typo).filter(Objects::nonNull).toList();
  }

  boolean isEmpty() {
    return clauses.stream().allMatch(c -> c.match() == null);
  }

  /** The first {@code n} clauses and exclusions, for a query too large for Lucene. */
  MatchedWords firstClauses(int n) {
    return new MatchedWords(
        clauses.subList(0, Math.min(n, clauses.size())),
        hadWords,
        exclude.subList(0, Math.min(n, exclude.size())));
  }

  /**
   * The clauses of several languages' matches together (what a stage that looks past languages
   * sees): a page needs one of any language's.
   */
  static MatchedWords union(List<MatchedWords> each) {
    if (each.size() == 1) return each.get(0);
    var clauses = new ArrayList<Searched>();
    var exclude = new ArrayList<Query>();
    boolean hadWords = false;
    for (MatchedWords words : each) {
      clauses.addAll(words.clauses());
      exclude.addAll(words.exclude());
      hadWords |= words.hadWords();
    }
    return new MatchedWords(clauses, hadWords, exclude);
  }

  /** How many clauses and exclusions there are. */
  int size() {
    return Math.max(clauses.size(), exclude.size());
  }
}
