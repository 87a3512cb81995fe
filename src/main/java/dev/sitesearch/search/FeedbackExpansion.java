package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Pseudo-relevance feedback for long, question-like queries (RM3's idea, kept small): the words
 * that best characterise the first few results, within the visitor's filters, are added, lightly
 * weighted, to the query. A visitor who types a whole question rarely uses the words the best pages
 * use; the first results tell which those are. Short queries, the usual search-box case, are left
 * alone.
 *
 * <p>Feedback drifts when the first results disagree (a question with two readings, a page that
 * matched one rare word), so it keeps to what they agree on: a word must be on {@value
 * #AGREEING_PAGES} or more of them (a word of one page is that page's topic, not the question's),
 * and each page counts by its score, the best matches most, as RM3 weighs pages by their query
 * likelihood. When no word is shared, nothing is added. On the four test collections the two rules
 * together gained nDCG@10 on each (MED +0.010, CISI +0.006, CACM +0.007, ADI +0.010 at weight 0.3,
 * docs/relevance.md).
 */
record FeedbackExpansion(Analyzer analyzer, FieldQueries fields, float weight)
    implements RankingStage {
  /** Content words (not stop words) a query needs before feedback applies. */
  static final int MIN_WORDS = FeedbackTerms.MIN_WORDS;

  static final int FEEDBACK_DOCS = FeedbackTerms.FEEDBACK_DOCS;
  static final int EXPANSION_TERMS = FeedbackTerms.EXPANSION_TERMS;

  /** How many of the first results must hold a word for it to be added. */
  static final int AGREEING_PAGES = FeedbackTerms.AGREEING_PAGES;

  @Override
  public Query apply(Query query, Context context) throws IOException {
    if (weight <= 0 || context.contentTerms().size() < MIN_WORDS) return query;
    Query expansion =
        expansion(context.searcher(), context.filters().apply(query), context.contentTerms());
    if (expansion == null) return query;
    // The expansion may find pages the words did not; the visitor's exclusions still keep theirs
    // out.
    var expanded = new BooleanQuery.Builder().add(query, Occur.SHOULD).add(expansion, Occur.SHOULD);
    context.words().exclude().forEach(q -> expanded.add(q, Occur.MUST_NOT));
    return expanded.build();
  }

  /**
   * The words of the first results, weighted by how much more they occur there than in the site; or
   * null. Which words, at which weights: {@link FeedbackTerms}.
   */
  private Query expansion(IndexSearcher searcher, Query query, Set<String> queryTerms)
      throws IOException {
    ScoreDoc[] top = searcher.search(query, FEEDBACK_DOCS).scoreDocs;
    if (top.length < FeedbackTerms.MIN_PAGES) return null;
    int n = searcher.getIndexReader().numDocs();
    var stored = searcher.storedFields();
    String title = fields.field(Fields.TITLE);
    String body = fields.field(Fields.BODY);
    var pages = new ArrayList<FeedbackTerms.Page>();
    for (ScoreDoc sd : top) {
      Document d = stored.document(sd.doc, Set.of(title, body));
      pages.add(new FeedbackTerms.Page(sd.score, text(d, title) + "\n" + text(d, body)));
    }
    Map<String, Double> candidates =
        FeedbackTerms.candidates(pages, analyzer, body, queryTerms, fields::isStopWord);
    List<Map.Entry<String, Double>> best =
        FeedbackTerms.best(
            candidates, term -> searcher.getIndexReader().docFreq(new Term(body, term)), n);
    if (best.isEmpty()) return null;
    double max = best.get(0).getValue();
    var expansion = new BooleanQuery.Builder();
    for (var e : best) {
      expansion.add(
          new BoostQuery(fields.term(e.getKey()), FeedbackTerms.boost(weight, e.getValue(), max)),
          Occur.SHOULD);
    }
    return expansion.build();
  }

  private static String text(Document d, String field) {
    String value = d.get(field);
    return value == null ? "" : value;
  }
}
