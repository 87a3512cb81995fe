package dev.sitesearch.search;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/**
 * Of the pages holding all of a short query's words, those whose title or description holds each of
 * them come first: a page that names every word of the query where it says what it is about (its
 * title, its one-line summary) is about the query; a page that has them only in its body may merely
 * mention them. For "slack notifications" on the Flux site, the page described as "Configure
 * alerting for Slack, Teams, Discord…" was 5th under pages whose bodies say "Slack notifications"
 * in passing; for "collector configuration" on OpenTelemetry's, the Collector's "Configuration"
 * page, described as "Learn how to configure the Collector", was 4th. Meilisearch's "attribute"
 * rule and Algolia's attribute ranking make the same call.
 *
 * <p>Only for a search box's queries ({@value TierBonus#MAX_WORDS} words at most, like the tiers)
 * of plain known words (a phrase, a prefix, a synonym group or a typo leaves the query out of it):
 * a long question's words are never all in a title or description, and "most of them" would count a
 * common word like a rare one, as tiers did. The bonus sits above the exact-heading bonus, below
 * the exact title: a page about the query comes before a page with a section on it, and a page
 * titled as the query before both.
 */
record SummaryTierBonus(FieldQueries fields, float boost) implements Bonus {
  @Override
  public List<Query> clauses(MatchedWords words, UserQuery typed) {
    List<String> terms = words.pairTerms();
    if (boost <= 0 || terms.size() < 2 || terms.size() > TierBonus.MAX_WORDS) return List.of();
    if (terms.contains(null) || fields.summaryFields().isEmpty()) return List.of();
    var all = new BooleanQuery.Builder();
    for (String term : terms) all.add(fields.inSummary(term), Occur.MUST);
    return List.of(new BoostQuery(new ConstantScoreQuery(all.build()), boost));
  }
}
