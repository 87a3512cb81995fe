package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The search core as the HTTP API and the CLI use it: search, facet values, documents, suggestions
 * and health. A thin facade: each call leases a searcher from the {@link LiveIndex}, asks the
 * {@link QueryPlanner} for a plan, runs it with the {@link SearchExecutor} and shapes the answer
 * with the {@link HitAssembler}. Thread-safe. The local engine behind {@link SearchEngine}.
 */
public final class SearchService implements SearchEngine {
  /**
   * BM25 length normalisation: Lucene's default, which the relevance benchmark kept (k1 is a
   * ranking setting).
   */
  private static final float BM25_B = 0.75f;

  private final Schema schema;
  private final LiveIndex index;
  private final QueryPlanner planner;
  private final SearchExecutor executor;
  private final HitAssembler assembler;
  private final RelatedPages related;
  private final DidYouMean didYouMean = new DidYouMean();
  private final Clock clock;
  private final Duration timeLimit;

  /**
   * @param timeLimit how long one request's searches may run before they stop and answer what they
   *     found, marked partial
   */
  public SearchService(
      Schema schema, LiveIndex index, RankingSettings ranking, Clock clock, Duration timeLimit) {
    this(schema, index, ranking, CurationEditor.fixed(ranking), clock, timeLimit);
  }

  /**
   * A search service whose synonyms, pins and hides are {@code curation}'s current rules (the
   * config's plus the editors' changes).
   */
  public SearchService(
      Schema schema,
      LiveIndex index,
      RankingSettings ranking,
      CurationEditor curation,
      Clock clock,
      Duration timeLimit) {
    var languages = new Languages(schema.stemmer());
    this.schema = schema;
    this.index = index;
    this.planner = new QueryPlanner(schema, languages, ranking, curation::rules);
    this.executor = new SearchExecutor(schema.facetsConfig());
    this.assembler = new HitAssembler(schema, languages.indexAnalyzer());
    this.related = new RelatedPages(schema, languages);
    this.clock = clock;
    this.timeLimit = timeLimit;
  }

  /** How the index scores words under these settings: BM25 with the settings' k1. */
  public static Similarity similarity(RankingSettings ranking) {
    return new BM25Similarity(ranking.bm25K1(), BM25_B);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * The hits, counts and corrections for {@code request}; partial when its searches ran out of
   * time.
   */
  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    SearchDeadline deadline = SearchDeadline.after(timeLimit);
    SearchResponse response = searchOnce(request, deadline);
    if (response.partial() || response.total() >= DidYouMean.FEW_RESULTS || request.q().isEmpty()) {
      return response;
    }
    String corrected;
    try (var lease = index.acquire()) {
      SiteSearcher searcher = lease.searcher();
      corrected =
          didYouMean.correct(
              request.q(), searcher.getIndexReader(), planner.spellFields(request, searcher));
    }
    if (corrected == null) return response;
    // Offered only when it finds pages under the same filters, and no fewer than the query as
    // typed.
    SearchResponse checked = searchOnce(request.forCount(corrected), deadline);
    long total = checked.total();
    if (checked.partial() || total == 0 || total < response.total()) return response;
    return response.withDidYouMean(new SearchResponse.Suggestion(corrected, total));
  }

  private SearchResponse searchOnce(SearchRequest request, SearchDeadline deadline)
      throws IOException {
    long start = System.nanoTime();
    try (var lease = index.acquire()) {
      SiteSearcher searcher = lease.searcher().within(deadline);
      SearchPlan plan = planner.plan(request, searcher, clock.millis());
      SearchExecutor.Execution found = executor.execute(searcher, plan);
      var hits = assembler.hits(searcher, plan, found.docs());
      var facets =
          FacetCounter.shape(
              found.counts(request.filters()),
              plan.facets(),
              request.facetSize(),
              schema::separator);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          request.q(),
          found.total(),
          request.page(),
          request.size(),
          tookMs,
          hits,
          facets,
          null,
          plan.typoMatched(),
          searcher.timedOut());
    }
  }

  /**
   * Every value of {@code facet} with its count, counted as the search with the same request counts
   * it in the sidebar (same plan: query, synonyms, typos, feedback, curation, dates, the other
   * facets' filters), narrowed to values with a word starting with {@code prefix}; the request's
   * own values of this facet are marked selected. Partial when the counting ran out of time.
   */
  public FacetValues facetValues(String facet, String prefix, SearchRequest request, int size)
      throws IOException {
    return facetValues(facet, ValueQuery.prefix(prefix, size), request);
  }

  /**
   * A page of {@code facet}'s values as {@code query} finds and orders them, counted as the search
   * with the same request counts its sidebar; each with its count alone and its "results if added".
   */
  @Override
  public FacetValues facetValues(String facet, ValueQuery query, SearchRequest request)
      throws IOException {
    planner.checkFacet(facet);
    try (var lease = index.acquire()) {
      SiteSearcher searcher = lease.searcher().within(SearchDeadline.after(timeLimit));
      SearchPlan plan = planner.plan(request, searcher, clock.millis());
      FacetValues found =
          FacetValueFinder.find(
              executor.countFacet(searcher, plan, facet), facet, schema.separator(facet), query);
      return new FacetValues(
          facet, found.values(), found.total(), found.offset(), searcher.timedOut());
    }
  }

  /** The stored page with this id, if the index has it. */
  @Override
  public Optional<StoredPage> document(String id) throws IOException {
    try (var lease = index.acquire()) {
      SiteSearcher searcher = lease.searcher();
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(
          assembler.storedPage(searcher.storedFields().document(top.scoreDocs[0].doc)));
    }
  }

  /**
   * The pages related to the page {@code request} names ({@link RelatedPages}), if the index has
   * that page; partial when the search ran out of time.
   */
  @Override
  public Optional<RelatedResponse> related(RelatedRequest request) throws IOException {
    long start = System.nanoTime();
    planner.checkFacets(request.selection());
    try (var lease = index.acquire()) {
      SiteSearcher searcher = lease.searcher().within(SearchDeadline.after(timeLimit));
      var found = PageFinder.find(searcher, request.page());
      if (found.isEmpty()) return Optional.empty();
      var page = searcher.storedFields().document(found.getAsInt());
      var hits = assembler.plainHits(searcher, related.find(searcher, page, request));
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return Optional.of(
          new RelatedResponse(
              page.get(Fields.ID), page.get(Fields.URL), tookMs, hits, searcher.timedOut()));
    }
  }

  /** Title completions for what the visitor has typed so far. */
  public List<TitleSuggester.Suggestion> suggest(String q, int size) throws IOException {
    return suggest(q, size, null);
  }

  /**
   * Title completions from the pages in {@code lang}, read as a search reads it (any case, {@code
   * en-US} for a site's {@code en}, ignored on a site whose pages have no language; a language the
   * site lacks is an error naming {@code lang}); null: every language.
   */
  @Override
  public List<TitleSuggester.Suggestion> suggest(String q, int size, String lang)
      throws IOException {
    if (lang == null) return index.suggest(q, size, null);
    String code;
    try (var lease = index.acquire()) {
      code = planner.scope(SearchRequest.of("").withLang(lang), lease.searcher()).lang();
    }
    return index.suggest(q, size, code);
  }

  @Override
  public Health health() throws IOException {
    return index.health();
  }

  @Override
  public String name() {
    return "lucene";
  }
}
