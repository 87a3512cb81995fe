package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The only code that turns a {@link SearchRequest} into Lucene queries: it parses the text, expands
 * synonyms, matches words (typos included), adds the ranking bonuses and stages, and applies the
 * filters, for every endpoint that ranks or counts. The steps, in order:
 *
 * <ol>
 *   <li>parse the forgiving syntax ({@link UserQueryParser}) and expand synonyms ({@link
 *       SynonymExpander});
 *   <li>match the clauses ({@link WordMatcher}, {@link TypoMatcher}): a page needs one of them;
 *   <li>add the {@link Bonus}es: tiers, proximity, exact title;
 *   <li>apply the {@link RankingStage}s: recency, feedback, curation;
 *   <li>attach the filters and the sort.
 * </ol>
 *
 * Thread-safe: it keeps no per-request state.
 */
final class QueryPlanner {
  private final Schema schema;
  private final FacetsConfig facetsConfig;
  private final SynonymExpander synonyms;
  private final WordMatcher matcher;
  private final List<Bonus> bonuses;
  private final List<RankingStage> stages;

  QueryPlanner(Schema schema, Analyzer analyzer, RankingSettings ranking) {
    this.schema = schema;
    this.facetsConfig = schema.facetsConfig();
    this.synonyms = SynonymExpander.of(ranking.synonyms());
    var fields = new FieldQueries(analyzer, schema, ranking.bm25f());
    this.matcher =
        new WordMatcher(
            fields,
            ranking.typos() ? new TypoMatcher(fields) : null,
            ranking.splitCompounds(),
            ranking.proximity().weight());
    this.bonuses =
        List.of(
            new TierBonus(ranking.tierBoost()),
            new ProximityBonus(fields, ranking.proximity().weight(), ranking.proximity().slop()),
            new ExactTitleBonus(ranking.exactTitleBoost()));
    this.stages =
        List.of(
            new RecencyBoost(ranking.recency().halfLifeDays(), ranking.recency().weight()),
            new FeedbackExpansion(analyzer, fields, ranking.feedbackWeight()),
            new Curation(ranking.pins(), ranking.hides()));
  }

  /**
   * Plans {@code request} against the commit {@code searcher} reads (word statistics and feedback
   * need it).
   */
  SearchPlan plan(SearchRequest request, SiteSearcher searcher, long nowMillis) throws IOException {
    List<String> facets = checkFacets(request);
    var filters =
        new Filters(
            facetsConfig, request.filters(), schema.primaryDate(), request.from(), request.to());
    UserQuery typed = UserQueryParser.parse(request.q());
    if (typed.isEmpty()) {
      return new SearchPlan(
          request,
          new MatchAllDocsQuery(),
          new MatchAllDocsQuery(),
          List.of(),
          filters,
          sort(request, true),
          facets,
          true);
    }
    MatchedWords words = matcher.match(synonyms.expand(typed), searcher.getIndexReader());
    // No word to rank by ("-garden", "?"): every page but the excluded, browsed as an empty query
    // is.
    boolean browsing = !words.hadWords();
    Query query = withBonuses(words, typed);
    // Lucene refuses a query of more leaf clauses than its limit (1,024 by default). The parser's
    // caps keep the
    // default fields well below it, but many text fields, prefixes and synonyms multiply: past the
    // limit the query
    // keeps its first clauses, as the parser keeps its first terms. The stages and filters come on
    // top.
    int budget = IndexSearcher.getMaxClauseCount() - filters.clauseCount() - STAGE_CLAUSES;
    while (leafClauses(query) > budget && words.size() > 1) {
      words = words.firstClauses(words.size() / 2);
      query = withBonuses(words, typed);
    }
    var context =
        new RankingStage.Context(
            request, words, matcher.contentTerms(typed), searcher, filters, nowMillis);
    for (RankingStage stage : stages) query = stage.apply(query, context);
    return new SearchPlan(
        request,
        query,
        highlight(words),
        words.typoMatched(),
        filters,
        sort(request, browsing),
        facets,
        browsing);
  }

  /** Room left for the stages: the feedback words and an editor's pins and hides. */
  private static final int STAGE_CLAUSES =
      FeedbackExpansion.EXPANSION_TERMS + Curation.MAX_IDS_PER_QUERY * 2;

  /**
   * Leaf clauses as Lucene counts them against its limit (each term, term set, phrase or leaf query
   * once).
   */
  static int leafClauses(Query query) {
    var counter =
        new QueryVisitor() {
          int leaves;

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }

          @Override
          public void visitLeaf(Query q) {
            leaves++;
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            leaves++;
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            leaves++;
          }
        };
    query.visit(counter);
    return counter.leaves;
  }

  /** Any matching clause, plus the bonuses; excluded clauses never match. */
  private Query withBonuses(MatchedWords words, UserQuery typed) {
    var builder = new BooleanQuery.Builder();
    if (words.isEmpty()) {
      builder.add(
          words.hadWords()
              ? new MatchNoDocsQuery("no page has these words")
              : new MatchAllDocsQuery(),
          Occur.MUST);
    } else {
      builder.add(highlight(words), Occur.MUST);
      for (Bonus bonus : bonuses)
        bonus.clauses(words, typed).forEach(q -> builder.add(q, Occur.SHOULD));
    }
    words.exclude().forEach(q -> builder.add(q, Occur.MUST_NOT));
    return builder.build();
  }

  /** The matching clauses alone: a page needs one. */
  private static Query highlight(MatchedWords words) {
    if (words.isEmpty()) return new MatchNoDocsQuery();
    var any = new BooleanQuery.Builder();
    words.matching().forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  private List<String> checkFacets(SearchRequest request) {
    for (String dim : request.filters().keySet()) {
      if (!schema.isFacet(dim)) throw unknownFacet(InvalidRequestException.Part.FILTER, dim);
    }
    if (request.facets() == null) return schema.facets();
    for (String dim : request.facets()) {
      if (!schema.isFacet(dim)) throw unknownFacet(InvalidRequestException.Part.FACETS, dim);
    }
    return request.facets();
  }

  /** Checks that {@code facet} is one of the schema's facets. */
  void checkFacet(String facet) {
    if (!schema.isFacet(facet)) throw unknownFacet(InvalidRequestException.Part.FACET, facet);
  }

  private InvalidRequestException unknownFacet(InvalidRequestException.Part part, String facet) {
    return new InvalidRequestException(
        part,
        facet,
        "unknown facet '"
            + InvalidRequestException.shorten(facet)
            + "'; facets are: "
            + String.join(", ", schema.facets()));
  }

  /** Null means by score; browsing has no scores, so relevance then means newest first. */
  private Sort sort(SearchRequest request, boolean browsing) {
    String date = schema.primaryDate();
    SortOrder order = request.sort();
    if (order == SortOrder.RELEVANCE && browsing) order = SortOrder.NEWEST;
    if (date == null && (order == SortOrder.NEWEST || order == SortOrder.OLDEST))
      order = SortOrder.TITLE;
    var byTitle = new SortField(Fields.TITLE_SORT, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST -> new Sort(dateSort(date, true), byTitle);
      case OLDEST -> new Sort(dateSort(date, false), byTitle);
      case TITLE -> new Sort(byTitle, dateSort(date, true));
    };
  }

  private static SortField dateSort(String field, boolean newestFirst) {
    var sort =
        new SortedNumericSortField(
            field == null ? "_none" : field, SortField.Type.LONG, newestFirst);
    sort.setMissingValue(
        newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated pages last either way
    return sort;
  }
}
