package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.TypedWords;
import dev.sitesearch.search.UserQuery.Word;
import java.util.ArrayList;
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
 * Editors' choices for given queries: pinned pages first, in the order given, and hidden pages
 * never shown. The query is matched ignoring case, accents and punctuation; filters still apply (a
 * pin outside the selected topic stays out). Only the relevance order is curated.
 */
final class Curation implements RankingStage {
  static final int MAX_IDS_PER_QUERY = RankingSettings.MAX_CURATED_IDS;

  /** Far above any relevance score, so pins lead in their order. */
  private static final float PIN_BOOST = 1_000_000f;

  private final Map<String, List<String>> pins = new HashMap<>();
  private final Map<String, List<String>> hides = new HashMap<>();

  Curation(Map<String, List<String>> pins, Map<String, List<String>> hides) {
    pins.forEach((q, ids) -> this.pins.put(key(q), List.copyOf(ids)));
    hides.forEach((q, ids) -> this.hides.put(key(q), List.copyOf(ids)));
  }

  private Curation() {}

  /** Curation by maps whose queries are already keys ({@link #key}): nothing is parsed again. */
  static Curation keyed(Map<String, List<String>> pinsByKey, Map<String, List<String>> hidesByKey) {
    var c = new Curation();
    c.pins.putAll(pinsByKey);
    c.hides.putAll(hidesByKey);
    return c;
  }

  /**
   * A query as curation matches it: its clauses as parsed, each ignoring case, accents and
   * punctuation, but keeping what is syntax ("ccm -checklist" is not "ccm checklist", "tele*" not
   * "tele").
   */
  static String key(String q) {
    UserQuery parsed = UserQueryParser.parse(q);
    var parts = new ArrayList<String>();
    parsed.include().forEach(c -> parts.add(key(c)));
    parsed.exclude().forEach(c -> parts.add("-" + key(c)));
    parts.removeIf(part -> part.isEmpty() || part.equals("-"));
    return String.join(" ", parts);
  }

  private static String key(Clause clause) {
    return switch (clause) {
      case Word w -> TitleKey.of(w.text());
      case Phrase p -> "\"" + TitleKey.of(p.text()) + "\"";
      case Prefix p -> TitleKey.of(p.text()) + "*";
      case AnyOf any -> String.join(" OR ", any.options().stream().map(Curation::key).toList());
      case TypedWords words -> String.join(" ", words.parts().stream().map(Curation::key).toList());
    };
  }

  @Override
  public Query apply(Query query, Context context) {
    if (context.request().sort() != SortOrder.RELEVANCE) return query;
    String key = key(context.request().q());
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
