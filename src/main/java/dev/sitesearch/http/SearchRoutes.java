package dev.sitesearch.http;

import dev.sitesearch.search.InvalidRequestException;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchService;
import dev.sitesearch.search.SortOrder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The public, read-only API: search, suggestions, facet values, documents and health. */
final class SearchRoutes {
  /** Short, so a CDN or browser cache never hides a reindex for long. */
  static final String CACHE_SHORT = "public, max-age=5";
  static final String CACHE_DOCUMENT = "public, max-age=60";
  static final String NO_STORE = "no-store";
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 20;
  static final int DEFAULT_FACET_VALUES = 100;
  static final int MAX_FACET_VALUES = 1000;

  private final SearchService search;
  private final SearchGate gate = new SearchGate(Runtime.getRuntime().availableProcessors() + 1);

  SearchRoutes(SearchService search) {
    this.search = search;
  }

  void register(RoutesConfig routes) {
    getAndHead(routes, "/api/search", this::search);
    getAndHead(routes, "/api/suggest", this::suggest);
    getAndHead(routes, "/api/facets/{facet}", this::facetValues);
    getAndHead(routes, "/api/documents/<id>", this::document);
    getAndHead(routes, "/api/health", this::health);
  }

  /** HEAD answers what GET would, headers and status alike, without the body (the server drops it). */
  private static void getAndHead(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private void search(Context ctx) throws Exception {
    var request = new SearchRequest(
        queryText(ctx),
        Params.filters(ctx),
        Params.date(ctx, "from"),
        Params.date(ctx, "to"),
        SortOrder.parse(ctx.queryParam("sort")),
        Params.page(ctx),
        Params.integer(ctx, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE),
        Params.list(ctx, "facets"),
        Params.integer(ctx, "facetSize", SearchRequest.DEFAULT_FACET_SIZE, 1, SearchRequest.MAX_FACET_SIZE));
    ctx.header("Cache-Control", CACHE_SHORT).json(gate.run(() -> search.search(request)));
  }

  private void suggest(Context ctx) throws IOException {
    String q = queryText(ctx);
    int size = Params.integer(ctx, "size", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    ctx.header("Cache-Control", CACHE_SHORT).json(Map.of("query", q, "suggestions", search.suggest(q, size)));
  }

  private void facetValues(Context ctx) throws Exception {
    String facet = ctx.pathParam("facet");
    String prefix = Params.string(ctx, "prefix");
    if (prefix.length() > 200) throw new InvalidRequestException("prefix", "prefix is limited to 200 characters");
    int size = Params.integer(ctx, "size", DEFAULT_FACET_VALUES, 1, MAX_FACET_VALUES);
    var request = new SearchRequest(queryText(ctx), Params.filters(ctx), Params.date(ctx, "from"),
        Params.date(ctx, "to"), SortOrder.RELEVANCE, 1, 1, List.of(facet), 1);
    var values = gate.run(() -> search.facetValues(facet, prefix, request, size));
    ctx.header("Cache-Control", CACHE_SHORT).json(Map.of("facet", facet, "values", values));
  }

  private void document(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var page = search.document(id);
    if (page.isEmpty()) {
      throw new ProblemException(404, "Document not found", "no page with id '" + Params.shorten(id) + "'");
    }
    ctx.header("Cache-Control", CACHE_DOCUMENT).json(page.get());
  }

  private void health(Context ctx) throws IOException {
    ctx.header("Cache-Control", NO_STORE).json(search.health());
  }

  private static String queryText(Context ctx) {
    String q = Params.string(ctx, "q");
    if (q.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new InvalidRequestException("q", "q is " + q.length() + " characters; the limit is "
          + SearchRequest.MAX_QUERY_CHARS);
    }
    return q;
  }
}
