package dev.sitesearch.search;

import dev.sitesearch.index.Schema;
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
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How text is searched over the schema's full-text fields with their weights: the analysis of query
 * text, and the Lucene query for one term, a phrase or a prefix across all fields. Every part of
 * the planner that searches words (matching, typos, feedback, proximity) goes through here, so they
 * all score a word alike.
 */
final class FieldQueries {
  /**
   * Small, so a page matching a word in two fields gets a little more than one matching it in one.
   */
  static final float TIE_BREAKER = 0.1f;

  private final Analyzer analyzer;
  private final Map<String, Float> fields;
  private final String firstField;
  private final boolean bm25f;

  FieldQueries(Analyzer analyzer, Schema schema, boolean bm25f) {
    this.analyzer = analyzer;
    this.fields = schema.textFields();
    this.firstField = fields.keySet().iterator().next();
    this.bm25f = bm25f;
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

  /** A normalised prefix, in the field that matches best. */
  Query prefix(String normalized) {
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      perField.add(
          new BoostQuery(new PrefixQuery(new Term(field.getKey(), normalized)), field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
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
