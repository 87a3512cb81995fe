package dev.sitesearch.search;

import dev.sitesearch.search.FieldQueries.AnalyzedTerm;
import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.TypedWords;
import dev.sitesearch.search.UserQuery.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Turns the clauses of a {@link UserQuery} into the queries that match them: words through the
 * analyzer (so "running" finds "runs"), a code the analyzer splits ({@code covid-19}) as a phrase
 * of its parts, a compound of letters ({@code two-dimensional}) as its parts, prefixes of 3+
 * letters (the first {@value #MAX_PREFIXES} of a query, each standing for its {@value
 * #TERMS_PER_PREFIX} most frequent completions), OR-groups. A page needs one matching clause
 * (Meilisearch's "last" strategy), so a word no page has never empties the results; such a word is
 * matched through {@link TypoMatcher} when typos are on. The language's stop words are dropped from
 * loose words when the query has other words (see {@link FieldQueries#isStopWord}).
 */
final class WordMatcher {
  /**
   * Letters a prefix needs: two letters start a large share of a site's words ({@code co*}), and
   * 128 such prefixes took 1.8 s on 100,000 pages (QueryCostBenchmark). A shorter one is searched
   * as the word it is.
   */
  static final int MIN_PREFIX_CHARS = 3;

  /**
   * Prefixes per query: a search box sees one at a time (the word being typed); later ones are
   * searched as the words they are.
   */
  static final int MAX_PREFIXES = 8;

  /** Words a prefix stands for: those the most pages have (see {@link FieldQueries#prefix}). */
  static final int TERMS_PER_PREFIX = 32;

  private final FieldQueries fields;
  private final TypoMatcher typos;
  private final CompoundWord compounds;

  /**
   * @param typos null when typo tolerance is off
   * @param splitCompounds whether a word of letters the analyzer splits matches its parts as words
   *     ({@link CompoundWord}) rather than as a phrase
   * @param phraseWeight the bonus of a split compound's parts written together: the proximity
   *     bonus's weight
   */
  WordMatcher(FieldQueries fields, TypoMatcher typos, boolean splitCompounds, float phraseWeight) {
    this.fields = fields;
    this.typos = typos;
    this.compounds = splitCompounds ? new CompoundWord(fields, phraseWeight) : null;
  }

  MatchedWords match(UserQuery query, IndexReader reader) {
    var prefixes = new Prefixes(reader);
    var searched = new ArrayList<MatchedWords.Searched>();
    int typoWords = 0;
    // Clauses of punctuation alone search nothing and are not words: they neither count nor keep
    // stop words out.
    var clauses = new ArrayList<Map.Entry<Clause, Query>>();
    for (Clause clause : query.include()) {
      Query q = clause(clause, prefixes);
      if (q != null) clauses.add(Map.entry(clause, q));
    }
    boolean dropStopWords = clauses.stream().anyMatch(c -> !isStopWord(c.getKey()));
    for (var entry : clauses) {
      Clause clause = entry.getKey();
      Query q = entry.getValue();
      if (dropStopWords && isStopWord(clause)) continue;
      if (matchesSomething(clause, reader)) {
        searched.add(new MatchedWords.Searched(q, singleTerm(clause), null));
      } else if (typos != null
          && clause instanceof Word w
          && TypoMatcher.eligible(w.text())
          && typoWords < TypoMatcher.MAX_WORDS) {
        Query close = typos.closeWords(w.text(), reader);
        if (close != null) typoWords++;
        searched.add(new MatchedWords.Searched(close, null, close == null ? null : w.text()));
      } else {
        searched.add(new MatchedWords.Searched(null, null, null));
      }
    }
    var exclude = new ArrayList<Query>();
    for (Clause clause : query.exclude()) {
      Query q =
          clause instanceof Word w && isCompound(w.text())
              ? compounds.exact(w.text())
              : clause(clause, prefixes);
      if (q != null) exclude.add(q);
    }
    return new MatchedWords(searched, !searched.isEmpty(), exclude);
  }

  /**
   * The analysed terms of the loose words that are not stop words (what feedback counts as content
   * words).
   */
  Set<String> contentTerms(UserQuery typed) {
    var terms = new LinkedHashSet<String>();
    for (Clause c : typed.include()) {
      if (c instanceof Word w && !isStopWord(c))
        fields.analyze(w.text()).forEach(t -> terms.add(t.text()));
    }
    return terms;
  }

  /**
   * "the", "of", "and"…: in a query with other words they only add noise to the ranking. They are
   * dropped from loose words only, so a quoted phrase, or a query made of them alone ("to be or not
   * to be"), still matches exactly.
   */
  private boolean isStopWord(Clause clause) {
    return clause instanceof Word w && fields.isStopWord(w.text());
  }

  /** What one query's prefixes may still cost: how many are left, over which reader. */
  private static final class Prefixes {
    final IndexReader reader;
    int left = MAX_PREFIXES;

    Prefixes(IndexReader reader) {
      this.reader = reader;
    }
  }

  private Query clause(Clause clause, Prefixes prefixes) {
    return switch (clause) {
      case Word w -> isCompound(w.text()) ? compounds.query(w.text()) : analyzed(w.text());
      case Phrase p -> analyzed(p.text());
      case Prefix p -> prefix(p.text(), prefixes);
      case TypedWords words -> anyOf(words.parts(), prefixes);
      case AnyOf any -> anyOf(any.options(), prefixes);
    };
  }

  /** A page needs one of the clauses that match anything; null when none does. */
  private Query anyOf(List<Clause> clauses, Prefixes prefixes) {
    var b = new BooleanQuery.Builder();
    for (Clause c : clauses) {
      Query q = clause(c, prefixes);
      if (q != null) b.add(q, Occur.SHOULD);
    }
    BooleanQuery built = b.build();
    return built.clauses().isEmpty() ? null : built;
  }

  /**
   * One word or a phrase; a "word" the analyzer splits (covid-19) becomes a phrase of its parts.
   */
  private Query analyzed(String text) {
    List<AnalyzedTerm> terms = fields.analyze(text);
    if (terms.isEmpty()) return null;
    return terms.size() == 1 ? fields.term(terms.get(0).text()) : fields.phrase(terms, 0);
  }

  private boolean isCompound(String text) {
    return compounds != null && compounds.isCompound(text);
  }

  private Query prefix(String text, Prefixes prefixes) {
    String normalized = fields.normalize(text);
    if (normalized.codePointCount(0, normalized.length()) < MIN_PREFIX_CHARS
        || !normalized.matches("[\\p{L}\\p{N}]+")
        || prefixes.left == 0) {
      return analyzed(text);
    }
    prefixes.left--;
    return fields.prefix(normalized, prefixes.reader, TERMS_PER_PREFIX);
  }

  private String singleTerm(Clause clause) {
    if (!(clause instanceof Word w)) return null;
    List<AnalyzedTerm> terms = fields.analyze(w.text());
    return terms.size() == 1 ? terms.get(0).text() : null;
  }

  private boolean matchesSomething(Clause clause, IndexReader reader) {
    return switch (clause) {
      case Word w ->
          isCompound(w.text())
              ? compounds.known(w.text(), reader)
              : allTermsKnown(w.text(), reader);
      case Phrase p -> allTermsKnown(p.text(), reader);
      case Prefix p -> true;
      case TypedWords words -> words.parts().stream().anyMatch(o -> matchesSomething(o, reader));
      case AnyOf any -> any.options().stream().anyMatch(o -> matchesSomething(o, reader));
    };
  }

  private boolean allTermsKnown(String text, IndexReader reader) {
    for (AnalyzedTerm t : fields.analyze(text)) {
      if (!fields.known(t.text(), reader)) return false;
    }
    return true;
  }
}
