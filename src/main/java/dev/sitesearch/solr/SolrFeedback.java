package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.search.FeedbackTerms;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The local feedback stage on Solr: for a query of {@value FeedbackTerms#MIN_WORDS} or more content
 * words, the first results are fetched (the same query, bonuses and filters), their words chosen by
 * the local rules ({@link FeedbackTerms}) with the site's page counts asked of the collection
 * (Solr's terms component), and the chosen words added to the query at their weights: two requests
 * before the search itself, only for such queries.
 */
final class SolrFeedback {
  /** Sends a request to the collection: {@code /select} parameters, then a form body or null. */
  @FunctionalInterface
  interface Select {
    JsonNode send(Map<String, Object> params, String form) throws IOException;
  }

  private final SolrFields fields;
  private final float weight;
  private final Analyzer analyzer;

  SolrFeedback(SolrFields fields, RankingSettings ranking, Analyzer analyzer) {
    this.fields = fields;
    this.weight = ranking.feedbackWeight();
    this.analyzer = analyzer;
  }

  /** Whether a query of these content terms is expanded. */
  boolean applies(Set<String> contentTerms) {
    return weight > 0
        && contentTerms.size() >= FeedbackTerms.MIN_WORDS
        && fields.text(Fields.BODY) != null;
  }

  /**
   * The words to add to the query as edismax clauses ({@code term^weight …}), or "" for none.
   *
   * @param first the search's parameters (query, bonuses, filters), to find the first results with
   */
  String expansion(Map<String, Object> first, Set<String> contentTerms, Select select)
      throws IOException {
    String title = fields.text(Fields.TITLE);
    String body = fields.text(Fields.BODY);
    var params = new HashMap<>(first);
    params.put("rows", String.valueOf(FeedbackTerms.FEEDBACK_DOCS));
    params.put("start", "0");
    params.put("sort", "score desc, id asc");
    params.put("fl", SolrFields.ID + ",score," + body + (title == null ? "" : "," + title));
    JsonNode docs = select.send(params, null).path("response").path("docs");
    if (docs.size() < FeedbackTerms.MIN_PAGES) return "";
    var pages = new ArrayList<FeedbackTerms.Page>();
    for (JsonNode doc : docs) {
      String text =
          (title == null ? "" : doc.path(title).asText("")) + "\n" + doc.path(body).asText("");
      pages.add(new FeedbackTerms.Page((float) doc.path("score").asDouble(), text));
    }
    Map<String, Double> candidates =
        FeedbackTerms.candidates(
            pages, analyzer, "", contentTerms, term -> Languages.ENGLISH_STOP_WORDS.contains(term));
    if (candidates.isEmpty()) return "";
    var counts = new HashMap<String, Object>();
    counts.put("q", "*:*");
    counts.put("rows", "0");
    counts.put("terms", "true");
    counts.put("terms.fl", body);
    counts.put("terms.limit", "-1");
    counts.put("json.nl", "map");
    JsonNode answer =
        select.send(
            counts,
            "terms.list="
                + URLEncoder.encode(String.join(",", candidates.keySet()), StandardCharsets.UTF_8));
    int numDocs = (int) answer.path("response").path("numFound").asLong();
    JsonNode df = answer.path("terms").path(body);
    List<Map.Entry<String, Double>> best =
        FeedbackTerms.best(candidates, term -> df.path(term).asInt(0), numDocs);
    if (best.isEmpty()) return "";
    double max = best.get(0).getValue();
    var out = new StringBuilder();
    for (var e : best) {
      float boost = FeedbackTerms.boost(weight, e.getValue(), max);
      out.append(' ')
          .append(SolrQueryBuilder.escape(e.getKey()))
          .append('^')
          .append(new BigDecimal(Float.toString(boost)).toPlainString());
    }
    return out.toString().strip();
  }
}
