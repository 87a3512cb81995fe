package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * How text is searched over the schema's full-text fields of one language with their weights: the
 * analysis of query text, the language's stop words, and the Lucene query for one term, a phrase or
 * a prefix across all fields. Every part of the planner that searches words (matching, typos,
 * feedback, proximity) goes through here, so they all score a word alike. Each language's pages
 * have their own fields ({@link Languages}); the planner makes one of these per language searched.
 */
final class FieldQueries {
  /**
   * Small, so a page matching a word in two fields gets a little more than one matching it in one.
   */
  static final float TIE_BREAKER = 0.1f;

  private final Analyzer analyzer;
  private final String key;
  private final CharArraySet stopWords;
  private final Map<String, Float> fields;
  private final String firstField;
  private final boolean bm25f;

  /** The English (or unknown-language) fields, analysed by {@code analyzer}. */
  FieldQueries(Analyzer analyzer, Schema schema, boolean bm25f) {
    this(analyzer, Languages.DEFAULT_KEY, Languages.ENGLISH_STOP_WORDS, schema, bm25f);
  }

  /** The fields of {@code language}. */
  FieldQueries(Languages.Language language, Schema schema, boolean bm25f) {
    this(language.queryAnalyzer(), language.key(), language.stopWords(), schema, bm25f);
  }

  private FieldQueries(
      Analyzer analyzer, String key, CharArraySet stopWords, Schema schema, boolean bm25f) {
    this.analyzer = analyzer;
    this.key = key;
    this.stopWords = stopWords;
    var named = new LinkedHashMap<String, Float>();
    schema.textFields().forEach((field, boost) -> named.put(Languages.field(field, key), boost));
    this.fields = named;
    this.firstField = fields.keySet().iterator().next();
    this.bm25f = bm25f;
  }

  /** The name of {@code base} (a text field such as {@code body}) in this language. */
  String field(String base) {
    return Languages.field(base, key);
  }

  /** The words as written in this language's pages: where typos find their candidates. */
  String spellField() {
    return field(Fields.SPELL);
  }

  /**
   * Whether a word is one of this language's stop words ("the", "of"; "le", "des"), which only add
   * noise to a query that has other words.
   */
  boolean isStopWord(String word) {
    return stopWords.contains(word.toLowerCase(Locale.ROOT));
  }

  /** One analysed term and its position (a word the analyzer splits gives several). */
  record AnalyzedTerm(String text, int position) {}

  List<AnalyzedTerm> analyze(String text) {
    var out = new ArrayList<AnalyzedTerm>();
    try (TokenStream stream = analyzer.tokenStream(firstField, text)) {
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

  /** Lower-cased and folded, not stemmed: the form a prefix is matched in. */
  String normalize(String text) {
    return analyzer.normalize(firstField, text).utf8ToString();
  }

  /** One analysed term: BM25F over every field (or the best field's BM25 when BM25F is off). */
  Query term(String term) {
    if (bm25f) {
      var combined = new CombinedFieldQuery.Builder(term);
      fields.forEach(combined::addField);
      return combined.build();
    }
    var perField = new ArrayList<Query>();
    fields.forEach(
        (field, boost) ->
            perField.add(new BoostQuery(new TermQuery(new Term(field, term)), boost)));
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /**
   * Analysed terms at their positions, as a phrase within {@code slop}, in the field that matches
   * best.
   */
  Query phrase(List<AnalyzedTerm> terms, int slop) {
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      var phrase = new PhraseQuery.Builder().setSlop(slop);
      for (AnalyzedTerm t : terms) phrase.add(new Term(field.getKey(), t.text()), t.position());
      perField.add(new BoostQuery(phrase.build(), field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /**
   * Analysed terms as a phrase within {@code slop} in any field, every field weighted alike: for
   * bonuses on words that are already scored, whose field weights the words' own scores carry.
   */
  Query unweightedPhrase(List<AnalyzedTerm> terms, int slop) {
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      var phrase = new PhraseQuery.Builder().setSlop(slop);
      for (AnalyzedTerm t : terms) phrase.add(new Term(field.getKey(), t.text()), t.position());
      perField.add(phrase.build());
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /**
   * A normalised prefix as the {@code max} words starting with it that the most pages have, in the
   * field that matches best, each field scoring its boost whichever of the words it has (as a
   * prefix always scored). A top-terms rewrite chosen by how many pages have a word, not by
   * spelling ({@code car*} keeps "care", not "carabid"): the cost of a prefix is then bounded by
   * {@code max} words' postings, however many words the site has that start with it. Matches
   * nothing when no word starts with it.
   */
  Query prefix(String normalized, IndexReader reader, int max) {
    List<BytesRef> words = mostFrequentWords(new BytesRef(normalized), reader, max);
    if (words.isEmpty()) return new MatchNoDocsQuery("no word starts with " + normalized);
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      var anyWord = new ConstantScoreQuery(new TermInSetQuery(field.getKey(), words));
      perField.add(new BoostQuery(anyWord, field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /**
   * The {@code max} words starting with {@code prefix} in any text field with the most pages (a
   * word's pages counted in each field it is in), ties in spelling order. Walks the words of the
   * term dictionaries only, never their postings.
   */
  private List<BytesRef> mostFrequentWords(BytesRef prefix, IndexReader reader, int max) {
    var pages = new HashMap<BytesRef, Integer>();
    try {
      for (String field : fields.keySet()) {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) continue;
        TermsEnum words = terms.iterator();
        if (words.seekCeil(prefix) == TermsEnum.SeekStatus.END) continue;
        for (BytesRef word = words.term();
            word != null && StringHelper.startsWith(word, prefix);
            word = words.next()) {
          pages.merge(BytesRef.deepCopyOf(word), words.docFreq(), Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Comparator<Map.Entry<BytesRef, Integer>> byPages = Map.Entry.comparingByValue();
    return pages.entrySet().stream()
        .sorted(byPages.reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The text fields that say what a page is about, its title and description, of those the schema
   * searches.
   */
  List<String> summaryFields() {
    return Stream.of(field(Fields.TITLE), field(Fields.DESCRIPTION))
        .filter(fields::containsKey)
        .toList();
  }

  /** The term's BM25 score in the title field alone, or null when the schema searches no title. */
  Query inTitle(String term) {
    String title = field(Fields.TITLE);
    return fields.containsKey(title) ? new TermQuery(new Term(title, term)) : null;
  }

  /** Pages with the analysed term in their title or description, unscored. */
  Query inSummary(String term) {
    var any = new BooleanQuery.Builder();
    for (String field : summaryFields())
      any.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
    return any.build();
  }

  /** Whether some page has this analysed term in some text field. */
  boolean known(String term, IndexReader reader) {
    try {
      for (String field : fields.keySet()) {
        if (reader.docFreq(new Term(field, term)) > 0) return true;
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
