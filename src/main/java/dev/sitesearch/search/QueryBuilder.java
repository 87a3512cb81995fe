package dev.sitesearch.search;

import dev.sitesearch.index.TextFolding;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.UserQuery.AllOf;
import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into one Lucene query that ranks as a visitor expects:
 *
 * <ul>
 *   <li>every word is scored by BM25 over the text fields with their boosts; a page needs one word to match, so a
 *       query is never emptied by a word no page has (Meilisearch's "last" matching strategy);
 *   <li>pages with enough of the words (all of up to three, then three quarters) come first: a tier bonus;
 *   <li>query words found near each other earn a proximity bonus; a page whose title is the query comes first;
 *   <li>a word of 5+ letters that no page has matches within one edit (two from 9 letters), never in phrases;
 *   <li>newer pages get a gentle multiplier.
 * </ul>
 */
final class QueryBuilder {
  /** Small, so a page matching a word in two fields gets a little more than one matching it in one. */
  private static final float TIE_BREAKER = 0.1f;
  private static final int MIN_PREFIX_CHARS = 2;
  private static final int MIN_TYPO_CHARS = 5;
  private static final int TWO_TYPOS_CHARS = 9;
  private static final int TYPO_CANDIDATES = 3;
  /** Words matched with typos per query; more unknown words are ignored (each costs a dictionary walk). */
  static final int MAX_TYPO_WORDS = 32;
  private final DirectSpellChecker oneEdit = checker(1);
  private final DirectSpellChecker twoEdits = checker(2);

  private final Analyzer analyzer;
  private final Map<String, Float> fields;
  private final RankingSettings ranking;

  QueryBuilder(Analyzer analyzer, Schema schema, RankingSettings ranking) {
    this.analyzer = analyzer;
    this.fields = schema.textFields();
    this.ranking = ranking;
  }

  /**
   * The query and how the words were understood.
   *
   * @param approximateWords words that matched only with a typo allowed
   * @param highlight        the words alone, without the ranking bonuses, for the highlighter
   */
  record Built(Query query, List<String> approximateWords, Query highlight) {}

  /** {@code user} may carry synonyms; {@code typed} is the query as typed, for the exact-title bonus. */
  /** The analysed terms of the loose words that are not stop words, and whether there are enough for feedback. */
  java.util.Set<String> contentTerms(UserQuery typed) {
    var terms = new java.util.LinkedHashSet<String>();
    for (Clause c : typed.include()) {
      if (c instanceof Word w && !isStopWord(c)) analyze(w.text()).forEach(t -> terms.add(t.text()));
    }
    return terms;
  }

  RankingSettings ranking() {
    return ranking;
  }

  Built build(UserQuery user, UserQuery typed, IndexReader reader, long nowMillis) {
    if (user.isEmpty()) return new Built(new MatchAllDocsQuery(), List.of(), new MatchAllDocsQuery());
    var matching = new ArrayList<Query>();
    var ignored = new ArrayList<String>();
    var approximate = new ArrayList<String>();
    var pairTerms = new ArrayList<String>(); // consecutive single known words, for proximity; null breaks a run
    boolean dropStopWords = user.include().stream().anyMatch(c -> !isStopWord(c));
    for (Clause clause : user.include()) {
      if (dropStopWords && isStopWord(clause)) continue;
      Query q = clause(clause);
      if (q == null) continue; // punctuation only
      if (matchesSomething(clause, reader)) {
        matching.add(q);
        pairTerms.add(singleTerm(clause));
      } else if (clause instanceof Word w && ranking.typos() && typoEligible(w.text())
          && approximate.size() < MAX_TYPO_WORDS) {
        Query fuzzy = fuzzy(w.text(), reader);
        if (fuzzy != null) {
          matching.add(fuzzy);
          approximate.add(w.text());
        } else {
          ignored.add(w.text());
        }
        pairTerms.add(null);
      } else {
        ignored.add(describe(clause));
        pairTerms.add(null);
      }
    }

    var builder = new BooleanQuery.Builder();
    Query highlight = new MatchNoDocsQuery();
    if (matching.isEmpty()) {
      boolean hadWords = !ignored.isEmpty();
      builder.add(hadWords ? new MatchNoDocsQuery("no page has these words") : new MatchAllDocsQuery(), Occur.MUST);
    } else {
      var any = new BooleanQuery.Builder();
      matching.forEach(q -> any.add(q, Occur.SHOULD));
      highlight = any.build();
      builder.add(highlight, Occur.MUST);
      addTier(builder, matching);
      addProximity(builder, pairTerms);
      addExactTitle(builder, typed);
    }
    for (Clause clause : user.exclude()) {
      Query q = clause(clause);
      if (q != null) builder.add(q, Occur.MUST_NOT);
    }
    Query query = builder.build();
    if (ranking.recencyHalfLifeDays() > 0 && ranking.recencyWeight() > 0 && !matching.isEmpty()) {
      query = FunctionScoreQuery.boostByValue(query,
          new RecencyBoost(nowMillis, ranking.recencyHalfLifeDays(), ranking.recencyWeight()));
    }
    return new Built(query, approximate, highlight);
  }

  /**
   * "the", "of", "and"…: in a query with other words they only add noise to the ranking (Lucene's English analyzer
   * drops them everywhere). Here they are dropped from loose words only, so a quoted phrase, or a query made of them
   * alone ("to be or not to be"), still matches exactly.
   */
  private static boolean isStopWord(Clause clause) {
    return clause instanceof Word w
        && StopWords.contains(w.text());
  }

  /** How many words a page needs for the first tier: all of up to three, then three quarters. */
  static int required(int words) {
    return words <= 3 ? words : (int) Math.ceil(words * 0.75);
  }

  private void addTier(BooleanQuery.Builder builder, List<Query> matching) {
    if (ranking.tierBoost() <= 0 || matching.size() < 2) return;
    var tier = new BooleanQuery.Builder();
    matching.forEach(q -> tier.add(q, Occur.SHOULD));
    tier.setMinimumNumberShouldMatch(required(matching.size()));
    builder.add(new BoostQuery(new ConstantScoreQuery(tier.build()), ranking.tierBoost()), Occur.SHOULD);
  }

  /**
   * Proximity pays for the short queries of a search box; over long natural-language questions it rewards chance
   * neighbours (the CISI collection lost 6% nDCG@10 with it), so it applies up to this many words.
   */
  static final int MAX_PROXIMITY_WORDS = 5;

  private void addProximity(BooleanQuery.Builder builder, List<String> terms) {
    if (ranking.proximityWeight() <= 0 || terms.size() > MAX_PROXIMITY_WORDS) return;
    for (int i = 0; i + 1 < terms.size(); i++) {
      String a = terms.get(i);
      String b = terms.get(i + 1);
      if (a == null || b == null) continue;
      var perField = new ArrayList<Query>();
      for (var field : fields.entrySet()) {
        var phrase = new PhraseQuery(ranking.proximitySlop(), field.getKey(), a, b);
        perField.add(new BoostQuery(phrase, field.getValue()));
      }
      builder.add(new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), ranking.proximityWeight()),
          Occur.SHOULD);
    }
  }

  private void addExactTitle(BooleanQuery.Builder builder, UserQuery user) {
    if (ranking.exactTitleBoost() <= 0 || !user.exclude().isEmpty()) return;
    var words = new ArrayList<String>();
    for (Clause c : user.include()) {
      switch (c) {
        case Word w -> words.add(w.text());
        case Phrase p -> words.add(p.text());
        default -> {
          return;
        }
      }
    }
    String key = TitleKey.of(String.join(" ", words));
    if (key.isEmpty()) return;
    builder.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TITLE_EXACT, key))),
        ranking.exactTitleBoost()), Occur.SHOULD);
  }

  private Query clause(Clause clause) {
    return switch (clause) {
      case Word w -> analyzed(w.text());
      case Phrase p -> analyzed(p.text());
      case Prefix p -> prefix(p.text());
      case AllOf all -> {
        var b = new BooleanQuery.Builder();
        for (Clause part : all.parts()) {
          Query q = clause(part);
          if (q == null) continue;
          b.add(q, Occur.MUST);
        }
        yield b.build().clauses().isEmpty() ? null : b.build();
      }
      case AnyOf any -> {
        var b = new BooleanQuery.Builder();
        int n = 0;
        for (Clause option : any.options()) {
          Query q = clause(option);
          if (q != null) {
            b.add(q, Occur.SHOULD);
            n++;
          }
        }
        yield n == 0 ? null : b.build();
      }
    };
  }

  /** One word or a phrase; a "word" the analyzer splits (covid-19) becomes a phrase of its parts. */
  private Query analyzed(String text) {
    List<AnalyzedTerm> terms = analyze(text);
    if (terms.isEmpty()) return null;
    if (terms.size() == 1) return termAcrossFields(terms.get(0).text());
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      var phrase = new PhraseQuery.Builder();
      for (AnalyzedTerm t : terms) phrase.add(new Term(field.getKey(), t.text()), t.position());
      perField.add(new BoostQuery(phrase.build(), field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  Query termAcrossFields(String term) {
    if (ranking.bm25f()) {
      var combined = new CombinedFieldQuery.Builder(term);
      fields.forEach(combined::addField);
      return combined.build();
    }
    var perField = new ArrayList<Query>();
    fields.forEach((field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, term)), boost)));
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  private Query prefix(String text) {
    String normalized = analyzer.normalize(fields.keySet().iterator().next(), text).utf8ToString();
    if (normalized.codePointCount(0, normalized.length()) < MIN_PREFIX_CHARS
        || !normalized.matches("[\\p{L}\\p{N}]+")) {
      return analyzed(text);
    }
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      perField.add(new BoostQuery(new PrefixQuery(new Term(field.getKey(), normalized)), field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /** Meilisearch's rule: no typo under 5 letters, one from 5, two from 9; letters only (never numbers or codes). */
  static boolean typoEligible(String word) {
    return word.length() >= MIN_TYPO_CHARS && word.chars().allMatch(Character::isLetter);
  }

  /**
   * The words the site uses within the allowed edits of the typed one (transpositions count as one), looked up
   * among words as written (a stemmer mangles misspellings: "interoperabilty" stems far from "interoper"), then
   * searched as usual, each scored as the word it stands for.
   */
  private Query fuzzy(String word, IndexReader reader) {
    String folded = TextFolding.fold(word);
    DirectSpellChecker checker = word.length() >= TWO_TYPOS_CHARS ? twoEdits : oneEdit;
    SuggestWord[] candidates;
    try {
      candidates = checker.suggestSimilar(new Term(Fields.SPELL, folded), TYPO_CANDIDATES, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var any = new BooleanQuery.Builder();
    var seen = new java.util.HashSet<String>();
    for (SuggestWord candidate : candidates) {
      List<AnalyzedTerm> terms = analyze(candidate.string);
      if (terms.size() == 1 && seen.add(terms.get(0).text())) {
        any.add(termAcrossFields(terms.get(0).text()), Occur.SHOULD);
      }
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

  private String singleTerm(Clause clause) {
    if (!(clause instanceof Word w)) return null;
    List<AnalyzedTerm> terms = analyze(w.text());
    return terms.size() == 1 ? terms.get(0).text() : null;
  }

  private boolean matchesSomething(Clause clause, IndexReader reader) {
    return switch (clause) {
      case Word w -> allTermsKnown(w.text(), reader);
      case Phrase p -> allTermsKnown(p.text(), reader);
      case Prefix p -> true;
      case AllOf all -> all.parts().stream().allMatch(o -> matchesSomething(o, reader));
      case AnyOf any -> any.options().stream().anyMatch(o -> matchesSomething(o, reader));
    };
  }

  private boolean allTermsKnown(String text, IndexReader reader) {
    try {
      for (AnalyzedTerm t : analyze(text)) {
        boolean found = false;
        for (String field : fields.keySet()) {
          if (reader.docFreq(new Term(field, t.text())) > 0) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Clause clause) {
    return switch (clause) {
      case Word w -> w.text();
      case Phrase p -> "\"" + p.text() + "\"";
      case Prefix p -> p.text() + "*";
      case AllOf all -> String.join(" ", all.parts().stream().map(QueryBuilder::describe).toList());
      case AnyOf any -> String.join(" OR ", any.options().stream().map(QueryBuilder::describe).toList());
    };
  }

  record AnalyzedTerm(String text, int position) {}

  List<AnalyzedTerm> analyze(String text) {
    var out = new ArrayList<AnalyzedTerm>();
    try (TokenStream stream = analyzer.tokenStream(fields.keySet().iterator().next(), text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new AnalyzedTerm(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
