package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TextAnalyzer;
import dev.sitesearch.search.SearchResponse.FacetValue;
import dev.sitesearch.search.SearchResponse.Hit;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search core shared by the HTTP API and the CLI. Holds a {@link SearcherManager} over the index folder and, once
 * {@link #followCommits} is called, picks up every new commit (from this process or another) within a fraction of a
 * second. Queries never wait on indexing: they run on the last opened commit. Thread-safe.
 */
public final class SearchService implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

  /** BM25 length normalisation: Lucene's default, which the relevance benchmark kept (k1 is a ranking setting). */
  private static final float BM25_B = 0.75f;

  static {
    // The parser caps a query at 128 terms and the builder at 32 typo'd words; each term is searched in every text
    // field, again for the tier bonus, and a typo'd word in up to three spellings. Lucene's default of 1024 leaf
    // clauses could be reached with a few configured text fields, which would fail a query a visitor may type.
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
  }

  private final Schema schema;
  private final FacetsConfig facetsConfig;
  private final Analyzer analyzer;
  private final QueryBuilder queryBuilder;
  private final SynonymExpander synonyms;
  private final Curation curation;
  private final DidYouMean didYouMean = new DidYouMean();
  private final FeedbackExpansion feedback;
  private final Snippets snippets;
  private final Directory directory;
  private final SearcherManager manager;
  private final TitleSuggester suggester;
  private volatile ScheduledExecutorService refresher;

  public SearchService(Path indexDir, Schema schema) throws IOException {
    this(indexDir, schema, SearchTuning.DEFAULTS);
  }

  public SearchService(Path indexDir, Schema schema, RankingSettings ranking) throws IOException {
    this(indexDir, schema, SearchTuning.of(ranking));
  }

  public SearchService(Path indexDir, Schema schema, SearchTuning tuning) throws IOException {
    this.schema = schema;
    this.analyzer = new TextAnalyzer(schema.stemmer());
    this.feedback = new FeedbackExpansion(analyzer);
    this.facetsConfig = schema.facetsConfig();
    this.queryBuilder = new QueryBuilder(analyzer, schema, tuning.settings());
    this.synonyms = tuning.synonyms();
    this.curation = tuning.curation();
    this.snippets = new Snippets(analyzer);
    this.directory = FSDirectory.open(indexDir);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IndexMissingException("no index in " + indexDir + ": run 'sitesearch index' first");
    }
    this.manager = new SearcherManager(directory, new SiteSearcher.Factory(facetsConfig,
        new BM25Similarity(tuning.settings().bm25K1(), BM25_B)));
    this.suggester = new TitleSuggester(schema.primaryDate());
    if (health().documents() <= TitleSuggester.SYNC_BUILD_LIMIT) rebuildSuggester(); // else the refresher builds it
  }

  /** Checks for a new commit every {@code millis} and rebuilds what depends on it. */
  public synchronized void followCommits(long millis) {
    if (refresher != null) return;
    refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sitesearch-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the newest commit now, if there is one, so a reindex is searchable when this returns. The title suggester
   * follows at once on a small site; on a large one (seconds to rebuild) the refresh thread rebuilds it just after,
   * when commits are followed.
   */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
    if (refresher == null || health().documents() <= TitleSuggester.SYNC_BUILD_LIMIT) rebuildSuggester();
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefreshBlocking();
      rebuildSuggester();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not open the newest index commit: {}", e.toString());
    }
  }

  private void rebuildSuggester() throws IOException {
    SiteSearcher searcher = acquire();
    try {
      suggester.rebuildIfChanged(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  private SiteSearcher acquire() throws IOException {
    return (SiteSearcher) manager.acquire();
  }

  public Schema schema() {
    return schema;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    SearchResponse response = searchOnce(request);
    if (response.total() >= DidYouMean.FEW_RESULTS || request.q().isEmpty()) return response;
    SiteSearcher searcher = acquire();
    String corrected;
    try {
      corrected = didYouMean.correct(request.q(), searcher.getIndexReader());
    } finally {
      manager.release(searcher);
    }
    if (corrected == null) return response;
    // Offered only when it finds pages under the same filters, and no fewer than the query as typed.
    var check = new SearchRequest(corrected, request.filters(), request.from(), request.to(), request.sort(), 1, 1,
        List.of(), 1);
    long total = searchOnce(check).total();
    if (total == 0 || total < response.total()) return response;
    return new SearchResponse(response.query(), response.total(), response.page(), response.size(),
        response.tookMs(), response.hits(), response.facets(), new SearchResponse.Suggestion(corrected, total),
        response.typoMatched());
  }

  private SearchResponse searchOnce(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    List<String> dims = checkFacets(request);
    SiteSearcher searcher = acquire();
    try {
      UserQuery user = UserQueryParser.parse(request.q());
      QueryBuilder.Built built = queryBuilder.build(synonyms.expand(user), user, searcher.getIndexReader(),
          System.currentTimeMillis());
      Query query = withFeedback(searcher, request, user, built.query());
      if (request.sort() == SortOrder.RELEVANCE) query = curation.apply(request.q(), query);
      Hits hits = run(searcher, request, query);
      // Typo expansions rewritten once into their terms, so the highlighter reads offsets from the postings.
      Query highlight = searcher.rewrite(built.highlight());
      List<Hit> page = loadHits(searcher, request, highlight, hits, user.isEmpty());
      var facets = FacetCounter.shape(hits.facets, dims, request.facetSize(), request.filters());
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(request.q(), hits.total, request.page(), request.size(), tookMs, page, facets, null,
          built.approximateWords());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Long, question-like queries also look for the words their first results share (see FeedbackExpansion); the
   * first results within the visitor's filters, so the words come from the pages being browsed.
   */
  private Query withFeedback(SiteSearcher searcher, SearchRequest request, UserQuery typed, Query query)
      throws IOException {
    float weight = queryBuilder.ranking().feedbackWeight();
    var terms = queryBuilder.contentTerms(typed);
    if (weight <= 0 || terms.size() < FeedbackExpansion.MIN_WORDS) return query;
    Query expansion = feedback.expansion(searcher, filtered(request, query, null), terms, weight,
        queryBuilder::termAcrossFields);
    if (expansion == null) return query;
    return new BooleanQuery.Builder().add(query, Occur.SHOULD).add(expansion, Occur.SHOULD).build();
  }

  private record Hits(long total, ScoreDoc[] docs, org.apache.lucene.facet.Facets facets, boolean scored) {}

  /** {@code query} within the request's dates and facet filters, but for {@code exceptFacet}'s own (null: none). */
  private DrillDownQuery filtered(SearchRequest request, Query query, String exceptFacet) {
    var base = new BooleanQuery.Builder().add(query, Occur.MUST);
    Query dateRange = dateRange(request);
    if (dateRange != null) base.add(dateRange, Occur.FILTER);
    var drillDown = new DrillDownQuery(facetsConfig, base.build());
    request.filters().forEach((dim, values) -> {
      if (!dim.equals(exceptFacet)) values.forEach(v -> drillDown.add(dim, v));
    });
    return drillDown;
  }

  private Hits run(SiteSearcher searcher, SearchRequest request, Query userQuery) throws IOException {
    var drillDown = filtered(request, userQuery, null);

    int topN = request.page() * request.size();
    Sort sort = sort(request);
    boolean scored = sort == null;
    if (searcher.facetState() == null) {
      TopDocs top = sort == null ? searcher.search(drillDown, topN) : searcher.search(drillDown, topN, sort);
      long total = searcher.count(drillDown);
      return new Hits(total, top.scoreDocs, null, scored);
    }
    var sideways = new DrillSideways(searcher, facetsConfig, searcher.facetState());
    DrillSideways.DrillSidewaysResult result = sideways.search(drillDown, null, null, topN, sort, scored);
    org.apache.lucene.facet.Facets facets = result.facets;
    if (facets == null) {
      FacetsCollector fc = searcher.search(drillDown, new FacetsCollectorManager());
      facets = new SortedSetDocValuesFacetCounts(searcher.facetState(), fc);
    }
    return new Hits(result.hits.totalHits.value(), result.hits.scoreDocs, facets, scored);
  }

  private Query dateRange(SearchRequest request) {
    String date = schema.primaryDate();
    if (date == null || (request.from() == null && request.to() == null)) return null;
    long from = request.from() == null ? Long.MIN_VALUE
        : request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long to = request.to() == null ? Long.MAX_VALUE
        : request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongField.newRangeQuery(date, from, to);
  }

  /** Null means by score; an empty query has no scores, so relevance then means newest first. */
  private Sort sort(SearchRequest request) {
    String date = schema.primaryDate();
    SortOrder order = request.sort();
    if (order == SortOrder.RELEVANCE && request.q().isEmpty()) order = SortOrder.NEWEST;
    if (date == null && (order == SortOrder.NEWEST || order == SortOrder.OLDEST)) order = SortOrder.TITLE;
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST -> new Sort(dateSort(date, true), new SortField(Fields.TITLE_SORT, SortField.Type.STRING));
      case OLDEST -> new Sort(dateSort(date, false), new SortField(Fields.TITLE_SORT, SortField.Type.STRING));
      case TITLE -> new Sort(new SortField(Fields.TITLE_SORT, SortField.Type.STRING), dateSort(date, true));
    };
  }

  private static SortField dateSort(String field, boolean newestFirst) {
    var sort = new SortedNumericSortField(field == null ? "_none" : field, SortField.Type.LONG, newestFirst);
    sort.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated pages last either way
    return sort;
  }

  private List<Hit> loadHits(SiteSearcher searcher, SearchRequest request, Query query, Hits hits, boolean browsing)
      throws IOException {
    int from = (request.page() - 1) * request.size();
    if (from >= hits.docs.length) return List.of();
    int n = hits.docs.length - from;
    int[] docIds = new int[n];
    var docs = new HashMap<Integer, Document>();
    var text = new HashMap<Integer, String[]>();
    var storedFields = searcher.storedFields();
    for (int i = 0; i < n; i++) {
      docIds[i] = hits.docs[from + i].doc;
      Document d = storedFields.document(docIds[i]);
      docs.put(docIds[i], d);
      text.put(docIds[i], new String[] {value(d, Fields.TITLE), value(d, Fields.DESCRIPTION_SHOWN), value(d, Fields.BODY)});
    }
    Snippets.Highlighted marks = snippets.highlight(searcher, query, docIds, text);
    var out = new ArrayList<Hit>(n);
    for (int i = 0; i < n; i++) {
      Document d = docs.get(docIds[i]);
      Float score = hits.scored && !browsing ? hits.docs[from + i].score : null;
      String date = schema.primaryDate() == null ? null : d.get(Fields.STORED_DATE_PREFIX + schema.primaryDate());
      out.add(new Hit(d.get(Fields.ID), value(d, Fields.TITLE), value(d, Fields.DESCRIPTION_SHOWN), d.get(Fields.URL), date,
          score, marks.snippets()[i], Map.of("title", marks.titles()[i]), fields(d)));
    }
    return out;
  }

  private Map<String, List<String>> fields(Document d) {
    var fields = new LinkedHashMap<String, List<String>>();
    for (String facet : schema.facets()) {
      String[] values = d.getValues(Fields.STORED_FACET_PREFIX + facet);
      if (values.length > 0) fields.put(facet, List.of(values));
    }
    for (String stored : schema.storedFields()) {
      String[] values = d.getValues(Fields.STORED_EXTRA_PREFIX + stored);
      if (values.length > 0) fields.put(stored, List.of(values));
    }
    return fields;
  }

  private static String value(Document d, String field) {
    String v = d.get(field);
    return v == null ? "" : v;
  }

  private List<String> checkFacets(SearchRequest request) {
    for (String dim : request.filters().keySet()) {
      if (!schema.isFacet(dim)) {
        throw new InvalidRequestException("f." + dim, "unknown facet '" + SortOrder.shorten(dim) + "'; facets are: "
            + String.join(", ", schema.facets()));
      }
    }
    if (request.facets() == null) return schema.facets();
    for (String dim : request.facets()) {
      if (!schema.isFacet(dim)) {
        throw new InvalidRequestException("facets", "unknown facet '" + SortOrder.shorten(dim) + "'; facets are: "
            + String.join(", ", schema.facets()));
      }
    }
    return request.facets();
  }

  /**
   * Every value of {@code facet} with its count over the pages matching the request's query, date range and other
   * filters, narrowed by a value prefix; the request's own values of this facet are marked selected.
   */
  public List<FacetValue> facetValues(String facet, String prefix, SearchRequest request, int size)
      throws IOException {
    if (!schema.isFacet(facet)) {
      throw new InvalidRequestException("facet", "unknown facet '" + SortOrder.shorten(facet) + "'; facets are: "
          + String.join(", ", schema.facets()));
    }
    checkFacets(request);
    List<String> selected = request.filters().getOrDefault(facet, List.of());
    SiteSearcher searcher = acquire();
    try {
      if (searcher.facetState() == null) return FacetCounter.all(null, facet, prefix, size, selected);
      UserQuery user = UserQueryParser.parse(request.q());
      Query query = queryBuilder.build(synonyms.expand(user), user, searcher.getIndexReader(),
          System.currentTimeMillis()).query();
      // Counted as the search page's sidebar counts this facet: every other filter applies, its own does not, so
      // each value's count is what ticking it would add.
      FacetsCollector fc = searcher.search(filtered(request, query, facet), new FacetsCollectorManager());
      var counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), fc);
      return FacetCounter.all(counts, facet, prefix, size, selected);
    } finally {
      manager.release(searcher);
    }
  }

  /** The stored page with this id, if the index has it. */
  public Optional<StoredPage> document(String id) throws IOException {
    SiteSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
      var dates = new LinkedHashMap<String, String>();
      for (String date : schema.dateFields()) {
        String v = d.get(Fields.STORED_DATE_PREFIX + date);
        if (v != null) dates.put(date, v);
      }
      return Optional.of(new StoredPage(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.URL), value(d, Fields.TITLE),
          value(d, Fields.DESCRIPTION_SHOWN), value(d, Fields.BODY), dates, fields(d)));
    } finally {
      manager.release(searcher);
    }
  }

  /** Title completions for what the visitor has typed so far. */
  public List<TitleSuggester.Suggestion> suggest(String q, int size) throws IOException {
    return suggester.suggest(q, size);
  }

  public Health health() throws IOException {
    SiteSearcher searcher = acquire();
    try {
      return new Health("ok", searcher.getIndexReader().numDocs(),
          searcher.commitData().get(Fields.COMMIT_INDEXED_AT), searcher.generation());
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (refresher != null) {
      refresher.shutdownNow();
      try {
        refresher.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    suggester.close();
    manager.close();
    directory.close();
  }
}
