package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words of a query as one language's pages are searched: analysed as that language is (stemmer,
 * stop words), expanded with synonyms (English only: the list is English), matched with typos
 * against that language's words, with recency as a tie-break of the words' relevance, the bonuses
 * and feedback. The {@link QueryPlanner} asks one of these per language in scope and combines their
 * queries. Thread-safe: it keeps no per-request state.
 */
final class LanguagePlanner {
  private static final Logger LOG = LoggerFactory.getLogger(LanguagePlanner.class);

  private final RankingSettings.Synonyms synonymSource;
  private final SynonymExpander synonyms;
  private final WordMatcher matcher;
  private final List<Bonus> bonuses;
  private final RecencyBoost recency;
  private final List<RankingStage> stages;

  /** The synonyms with the editors' groups, and the groups they were built for. */
  private record Edited(List<List<String>> groups, SynonymExpander expander) {}

  private volatile Edited edited = new Edited(List.of(), null);

  /**
   * @param configured the config's synonyms, built once for every language that uses them
   */
  LanguagePlanner(
      Languages.Language language,
      Schema schema,
      RankingSettings ranking,
      SynonymExpander configured) {
    this.synonymSource = language.english() ? ranking.synonyms() : RankingSettings.Synonyms.NONE;
    this.synonyms = language.english() ? configured : SynonymExpander.NONE;
    var fields = new FieldQueries(language, schema, ranking.bm25f());
    this.matcher =
        new WordMatcher(
            fields,
            ranking.typos() ? new TypoMatcher(fields) : null,
            ranking.splitCompounds(),
            ranking.proximity().weight());
    this.bonuses =
        List.of(
            new TierBonus(ranking.tierBoost()),
            new SummaryTierBonus(fields, ranking.summaryTierBoost()),
            new TitleWordsBonus(fields, ranking.titleWordsWeight()),
            new ProximityBonus(fields, ranking.proximity().weight(), ranking.proximity().slop()),
            new ExactTitleBonus(ranking.exactTitleBoost()),
            new ExactHeadingBonus(ranking.exactHeadingBoost()));
    this.recency = new RecencyBoost(ranking.recency().halfLifeDays(), ranking.recency().weight());
    this.stages =
        List.of(new FeedbackExpansion(language.queryAnalyzer(), fields, ranking.feedbackWeight()));
  }

  /**
   * What one language contributes to a plan.
   *
   * @param query its pages' scored query, bonuses and stages included
   * @param highlight its words alone, for the highlighter
   * @param words how the clauses matched
   * @param browsing the query had no word to rank by in this language
   */
  record Part(Query query, Query highlight, MatchedWords words, boolean browsing) {
    List<String> typoMatched() {
      return words.typoMatched();
    }
  }

  /**
   * The query {@code typed} as this language's pages are searched, within {@code budget} leaf
   * clauses.
   */
  Part plan(
      UserQuery typed,
      SearchRequest request,
      SiteSearcher searcher,
      Filters filters,
      long nowMillis,
      int budget,
      CurationRules rules)
      throws IOException {
    MatchedWords words = matcher.match(synonyms(rules).expand(typed), searcher.getIndexReader());
    // No word to rank by ("-garden", "?"): every page but the excluded, browsed as an empty query
    // is.
    boolean browsing = !words.hadWords();
    Query query = withBonuses(words, typed, nowMillis);
    // Lucene refuses a query of more leaf clauses than its limit (1,024 by default). The parser's
    // caps keep the default fields well below it, but many text fields, prefixes and synonyms
    // multiply: past the limit the query keeps its first clauses, as the parser keeps its first
    // terms. The stages and filters come on top.
    while (QueryPlanner.leafClauses(query) > budget && words.size() > 1) {
      words = words.firstClauses(words.size() / 2);
      query = withBonuses(words, typed, nowMillis);
    }
    var context =
        new RankingStage.Context(
            request, words, matcher.contentTerms(typed), searcher, filters, nowMillis);
    for (RankingStage stage : stages) query = stage.apply(query, context);
    return new Part(query, highlight(words), words, browsing);
  }

  /**
   * The config's synonyms plus the editors' groups in {@code rules} (in every language: they are
   * the site's own words), built again only when the groups change.
   */
  private SynonymExpander synonyms(CurationRules rules) {
    List<List<String>> groups = rules.editedSynonyms();
    if (groups.isEmpty()) return synonyms;
    Edited now = edited;
    if (now.groups() != groups && !now.groups().equals(groups)) {
      SynonymExpander expander;
      try {
        expander = SynonymExpander.of(synonymSource, groups);
      } catch (RuntimeException e) {
        // The groups were checked when edited; should the list still not build, search without
        // them rather than fail every search.
        LOG.error("cannot build the synonyms with the editors' groups; searching without them", e);
        expander = synonyms;
      }
      now = new Edited(groups, expander);
      edited = now;
    }
    return now.expander();
  }

  /**
   * Any matching clause, their relevance with recency's tie-break, plus the bonuses; excluded
   * clauses never match.
   */
  private Query withBonuses(MatchedWords words, UserQuery typed, long nowMillis) {
    var builder = new BooleanQuery.Builder();
    if (words.isEmpty()) {
      builder.add(
          words.hadWords()
              ? new MatchNoDocsQuery("no page has these words")
              : new MatchAllDocsQuery(),
          Occur.MUST);
    } else {
      builder.add(recency.around(highlight(words), nowMillis), Occur.MUST);
      for (Bonus bonus : bonuses)
        bonus.clauses(words, typed).forEach(q -> builder.add(q, Occur.SHOULD));
    }
    words.exclude().forEach(q -> builder.add(q, Occur.MUST_NOT));
    return builder.build();
  }

  /** The matching clauses alone: a page needs one. */
  static Query highlight(MatchedWords words) {
    if (words.isEmpty()) return new MatchNoDocsQuery();
    var any = new BooleanQuery.Builder();
    words.matching().forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }
}
