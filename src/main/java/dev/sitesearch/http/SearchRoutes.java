package dev.sitesearch.http;

import static dev.sitesearch.search.InvalidRequestException.shorten;

import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.Excerpts;
import dev.sitesearch.search.Health;
import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.RelatedRequest;
import dev.sitesearch.search.RelatedRequest.PageKey;
import dev.sitesearch.search.RelatedResponse;
import dev.sitesearch.search.SearchCost;
import dev.sitesearch.search.SearchEngine;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SortOrder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public, read-only API: search, suggestions, facets and their values, documents and health.
 */
final class SearchRoutes {
  /** Short, so a CDN or browser cache never hides a reindex for long. */
  static final String CACHE_SHORT = "public, max-age=5";

  static final String CACHE_DOCUMENT = "public, max-age=60";
  static final String NO_STORE = "no-store";
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 20;

  private final SearchEngine search;
  private final SearchGate gate;
  private final Analytics analytics;

  SearchRoutes(SearchEngine search, Duration maxQueueWait) {
    this(search, maxQueueWait, Analytics.off());
  }

  SearchRoutes(SearchEngine search, Duration maxQueueWait, Analytics analytics) {
    this.search = search;
    this.gate = new SearchGate(Runtime.getRuntime().availableProcessors() + 1, maxQueueWait);
    this.analytics = analytics;
  }

  void register(RoutesConfig routes) {
    HttpServer.getAndHead(routes, "/api/search", this::search);
    HttpServer.getAndHead(routes, "/api/suggest", this::suggest);
    HttpServer.getAndHead(routes, "/api/facets", this::facets);
    HttpServer.getAndHead(routes, "/api/facets/{facet}", this::facetValues);
    // Before the document route, whose <id> would take ".../related" as part of an id.
    HttpServer.getAndHead(routes, "/api/documents/<id>/related", this::relatedById);
    HttpServer.getAndHead(routes, "/api/related", this::relatedByQuery);
    HttpServer.getAndHead(routes, "/api/documents/<id>", this::document);
    HttpServer.getAndHead(routes, "/api/health", this::health);
  }

  /**
   * The parameters a search and a facet's values share, read in this order: which pages ({@code q},
   * {@code f.*}, {@code from}, {@code to}, {@code lang}) and in which order ({@code sort}).
   */
  private record Selection(
      String q,
      Map<String, List<String>> filters,
      LocalDate from,
      LocalDate to,
      String lang,
      SortOrder sort) {
    static Selection read(Context ctx) {
      return new Selection(
          Params.string(ctx, "q"),
          Params.filters(ctx),
          Params.date(ctx, Part.FROM),
          Params.date(ctx, Part.TO),
          ctx.queryParam("lang"),
          SortOrder.parse(ctx.queryParam("sort")));
    }

    SearchRequest request(int page, int size, List<String> facets, int facetSize) {
      return new SearchRequest(q, filters, from, to, sort, page, size, facets, facetSize, lang);
    }
  }

  private void search(Context ctx) throws Exception {
    long start = System.nanoTime();
    Selection selection = Selection.read(ctx);
    var request =
        selection
            .request(
                Params.page(ctx),
                Params.integer(ctx, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE),
                Params.list(ctx, "facets"),
                Params.integer(
                    ctx,
                    "facetSize",
                    SearchRequest.DEFAULT_FACET_SIZE,
                    1,
                    SearchRequest.MAX_FACET_SIZE))
            .withExcerpts(
                new Excerpts(
                    Params.integer(ctx, "snippets", 1, 1, Excerpts.MAX_SNIPPETS),
                    Params.integer(
                        ctx, "sections", Excerpts.MAX_SECTIONS, 0, Excerpts.MAX_SECTIONS)));
    String supersedes = AnalyticsRoutes.searchId(ctx, "prev");
    SearchResponse response =
        gate.run(
            SearchCost.of(request), turn(ctx), waitingSince(ctx), () -> search.search(request));
    ctx.attribute(HttpMeters.SEARCH_TOTAL, response.total());
    ctx.header("Cache-Control", CACHE_SHORT)
        .json(SearchAnswer.of(response, analytics, request, start, supersedes, ctx.method()));
  }

  /** Searches from a connection that pipelines take only spare capacity ({@link Pipelining}). */
  private static SearchGate.Turn turn(Context ctx) {
    return Pipelining.seen(ctx) ? SearchGate.Turn.SPARE : SearchGate.Turn.QUEUE;
  }

  /** Since when the request has waited for a slot ({@link RequestLimits}), else now. */
  private static long waitingSince(Context ctx) {
    return ctx.attribute(RequestLimits.WAITING_SINCE) instanceof Long since
        ? since
        : System.nanoTime();
  }

  private void suggest(Context ctx) throws IOException {
    long start = System.nanoTime();
    String q = SearchRequest.checkQuery(Params.string(ctx, "q"));
    int size = Params.integer(ctx, "size", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    String lang = ctx.queryParam("lang");
    var suggestions = search.suggest(q, size, lang);
    if (ctx.method() == HandlerType.GET)
      analytics.recordSuggest(q, suggestions.size(), SearchAnswer.millisSince(start));
    ctx.header("Cache-Control", CACHE_SHORT).json(Map.of("query", q, "suggestions", suggestions));
  }

  /** The facets in the order a page shows them, with the names a visitor sees (from the schema). */
  private void facets(Context ctx) {
    Schema schema = search.schema();
    var facets = new ArrayList<FacetInfo>();
    for (String name : schema.facets()) facets.add(new FacetInfo(name, schema.label(name)));
    ctx.header("Cache-Control", CACHE_SHORT).json(Map.of("facets", facets));
  }

  /** One facet of {@code GET /api/facets}: its name in the API and its label. */
  record FacetInfo(String name, String label) {}

  /**
   * A facet's values as the search with the same {@code q}, filters, dates and sort counts them in
   * its sidebar, narrowed by {@code prefix} or the typo-tolerant {@code search}, ordered by {@code
   * order}, a page of {@code size} from {@code offset}.
   */
  private void facetValues(Context ctx) throws Exception {
    String facet = ctx.pathParam("facet");
    var query = FacetValueParams.read(ctx);
    var request = Selection.read(ctx).request(1, 1, List.of(facet), 1);
    var values =
        gate.run(
            SearchCost.of(request),
            turn(ctx),
            waitingSince(ctx),
            () -> search.facetValues(facet, query, request));
    ctx.header("Cache-Control", CACHE_SHORT).json(values);
  }

  private void document(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var page = search.document(id);
    if (page.isEmpty())
      throw new ProblemException(
          404, "Document not found", "no page with id '" + shorten(id) + "'");
    ctx.header("Cache-Control", CACHE_DOCUMENT).json(page.get());
  }

  private void relatedById(Context ctx) throws Exception {
    String id = checkKey(ctx.pathParam("id"), "id");
    var related = related(ctx, new PageKey.Id(id));
    if (related.isPresent()) {
      ctx.header("Cache-Control", CACHE_DOCUMENT).json(related.get());
      return;
    }
    // A page whose own id ends in "/related" is still served as a document, as before this route.
    var document = search.document(id + "/related");
    if (document.isEmpty()) throw notFound("with id '" + shorten(id) + "'");
    ctx.header("Cache-Control", CACHE_DOCUMENT).json(document.get());
  }

  /** The related pages of a page named by {@code url} (an address or alias) or by {@code id}. */
  private void relatedByQuery(Context ctx) throws Exception {
    String url = ctx.queryParam("url");
    String id = ctx.queryParam("id");
    boolean byUrl = url != null && !url.isBlank();
    if (byUrl == (id != null && !id.isBlank())) {
      throw ProblemException.badParameter(
          "url", "name the page by url (its address, such as /docs/intro/) or by id, not both");
    }
    PageKey page =
        byUrl ? new PageKey.Url(checkKey(url, "url")) : new PageKey.Id(checkKey(id, "id"));
    var related = related(ctx, page);
    if (related.isEmpty()) {
      throw notFound(byUrl ? "at '" + shorten(url) + "'" : "with id '" + shorten(id) + "'");
    }
    ctx.header("Cache-Control", CACHE_DOCUMENT).json(related.get());
  }

  private static String checkKey(String value, String parameter) {
    if (value.isBlank()) throw ProblemException.badParameter(parameter, parameter + " is empty");
    if (value.length() > PageKey.MAX_CHARS) {
      throw ProblemException.badParameter(
          parameter, parameter + " is limited to " + PageKey.MAX_CHARS + " characters");
    }
    return value;
  }

  /** Related pages are ordinary searches: a handful of hits, no snippets. Empty: no such page. */
  private Optional<RelatedResponse> related(Context ctx, PageKey page) throws Exception {
    var request =
        new RelatedRequest(
            page,
            Params.filters(ctx),
            Params.date(ctx, Part.FROM),
            Params.date(ctx, Part.TO),
            Params.integer(ctx, "size", RelatedRequest.DEFAULT_SIZE, 1, RelatedRequest.MAX_SIZE));
    return gate.run(
        SearchCost.ORDINARY, turn(ctx), waitingSince(ctx), () -> search.related(request));
  }

  private static ProblemException notFound(String which) {
    return new ProblemException(404, "Document not found", "no page " + which);
  }

  /** 503 while a background task is failing, so a load balancer or monitor notices. */
  private void health(Context ctx) throws IOException {
    Health health = search.health();
    ctx.status(health.healthy() ? 200 : 503).header("Cache-Control", NO_STORE).json(health);
  }
}
