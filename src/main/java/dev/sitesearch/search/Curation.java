package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.TitleKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Editors' choices for given queries: pinned pages first, in the order given, and hidden pages never shown. The
 * query is matched ignoring case, accents and punctuation; filters still apply (a pin outside the selected topic
 * stays out). Only the relevance order is curated.
 */
final class Curation implements RankingStage {
  static final int MAX_IDS_PER_QUERY = RankingSettings.MAX_CURATED_IDS;
  /** Far above any relevance score, so pins lead in their order. */
  private static final float PIN_BOOST = 1_000_000f;

  private final Map<String, List<String>> pins = new HashMap<>();
  private final Map<String, List<String>> hides = new HashMap<>();

  Curation(Map<String, List<String>> pins, Map<String, List<String>> hides) {
    pins.forEach((q, ids) -> this.pins.put(TitleKey.of(q), List.copyOf(ids)));
    hides.forEach((q, ids) -> this.hides.put(TitleKey.of(q), List.copyOf(ids)));
  }

  @Override
  public Query apply(Query query, Context context) {
    if (context.request().sort() != SortOrder.RELEVANCE) return query;
    String key = TitleKey.of(context.request().q());
    List<String> pinned = pins.getOrDefault(key, List.of());
    List<String> hidden = hides.getOrDefault(key, List.of());
    if (pinned.isEmpty() && hidden.isEmpty()) return query;
    var builder = new BooleanQuery.Builder().add(query, Occur.SHOULD);
    for (int i = 0; i < pinned.size(); i++) {
      Query pin = new ConstantScoreQuery(new TermQuery(new Term(Fields.ID, pinned.get(i))));
      builder.add(new BoostQuery(pin, PIN_BOOST * (pinned.size() - i)), Occur.SHOULD);
    }
    builder.setMinimumNumberShouldMatch(1);
    hidden.forEach(id -> builder.add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT));
    return builder.build();
  }
}
