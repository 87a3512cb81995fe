package dev.sitesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Which words feedback adds, apart from the engine that found the first results and counts the
 * pages holding a word: the local {@link FeedbackExpansion} reads both from the index it searches,
 * the SolrCloud engine asks its collection. Both then choose the same words at the same weights.
 * The rules are {@link FeedbackExpansion}'s (its Javadoc says why).
 */
public final class FeedbackTerms {
  /** Content words (not stop words) a query needs before feedback applies. */
  public static final int MIN_WORDS = 6;

  /** How many first results feedback reads. */
  public static final int FEEDBACK_DOCS = 10;

  /** How many words it adds at most. */
  public static final int EXPANSION_TERMS = 10;

  /** How many of the first results must hold a word for it to be added. */
  public static final int AGREEING_PAGES = 2;

  /** Fewer first results than this and nothing is added. */
  public static final int MIN_PAGES = 3;

  private FeedbackTerms() {}

  /** One of the first results: its score and its searched title and body. */
  public record Page(float score, String text) {}

  /** How many pages of the whole site hold an analysed term in the body. */
  @FunctionalInterface
  public interface DocFreq {
    int of(String term) throws IOException;
  }

  /**
   * The words of the first results that may be added, each with its weight there (its share of each
   * page's words, each page counting by its score): on {@value #AGREEING_PAGES} or more pages, not
   * one of the query's, letters only, three or more, not a stop word. In the order the words' idf
   * is then applied by {@link #best}.
   *
   * @param field the field whose analysis {@code analyzer} applies
   */
  public static Map<String, Double> candidates(
      List<Page> top,
      Analyzer analyzer,
      String field,
      Set<String> queryTerms,
      Predicate<String> isStopWord)
      throws IOException {
    var scores = new HashMap<String, Double>();
    var pagesWith = new HashMap<String, Integer>();
    double scoreSum = 0;
    for (Page page : top) scoreSum += page.score();
    for (Page page : top) {
      Map<String, Integer> tf = termCounts(analyzer, field, page.text());
      int length = Math.max(1, tf.values().stream().mapToInt(Integer::intValue).sum());
      double pageWeight = page.score() / scoreSum * top.size(); // 1 for a page of average score
      tf.forEach((term, count) -> scores.merge(term, pageWeight * count / length, Double::sum));
      tf.keySet().forEach(term -> pagesWith.merge(term, 1, Integer::sum));
    }
    var out = new LinkedHashMap<String, Double>();
    for (var e : scores.entrySet()) {
      String term = e.getKey();
      if (pagesWith.get(term) < AGREEING_PAGES
          || queryTerms.contains(term)
          || term.length() < 3
          || !term.chars().allMatch(Character::isLetter)
          || isStopWord.test(term)) {
        continue;
      }
      out.put(term, e.getValue());
    }
    return out;
  }

  /**
   * The best {@value #EXPANSION_TERMS} candidates by weight times idf, best first; none when no
   * candidate tells pages apart. A word of one page says nothing about the others; one on every
   * page tells no page apart (its idf is 0).
   *
   * @param numDocs the pages of the site
   */
  public static List<Map.Entry<String, Double>> best(
      Map<String, Double> candidates, DocFreq docFreq, int numDocs) throws IOException {
    var ranked = new ArrayList<Map.Entry<String, Double>>();
    for (var e : candidates.entrySet()) {
      int df = docFreq.of(e.getKey());
      if (df < 2 || df >= numDocs) continue;
      ranked.add(Map.entry(e.getKey(), e.getValue() * Math.log((double) numDocs / df)));
    }
    if (ranked.isEmpty()) return List.of();
    ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    return ranked.subList(0, Math.min(EXPANSION_TERMS, ranked.size()));
  }

  /** A chosen word's weight in the query: {@code weight} for the best, in proportion for others. */
  public static float boost(float weight, double value, double best) {
    return (float) (weight * value / best);
  }

  private static Map<String, Integer> termCounts(Analyzer analyzer, String field, String text)
      throws IOException {
    var counts = new HashMap<String, Integer>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) counts.merge(term.toString(), 1, Integer::sum);
      stream.end();
    }
    return counts;
  }
}
