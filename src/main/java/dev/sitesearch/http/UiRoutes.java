package dev.sitesearch.http;

import dev.sitesearch.http.UiAssets.Asset;
import dev.sitesearch.http.UiAssets.Kind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The search page ({@code GET /}) with its modules and styles, and the drop-in box ({@code GET
 * /widget.js}) with its module, as {@link UiAssets} builds them.
 *
 * <p>Only the files named in {@link UiAssets#FILES} are served, each on its own fixed route: no
 * part of a request path is ever turned into a resource name, so nothing outside the bundled UI can
 * be reached ({@code /..%2f…}, {@code /public/index.html} and the like are unknown routes, answered
 * 404 by the API's error handler).
 *
 * <p>Caching: every reference between the files carries a content hash ({@link UiAssets}).
 * Versioned files are cached for a year while the page and {@code widget.js}, the two entries other
 * pages link to without a hash, are revalidated on every load: a deploy never mixes an old module
 * with a new page or widget. A file asked without its current hash is cached for five minutes only.
 * Every file has an ETag and answers {@code If-None-Match} with 304.
 *
 * <p>Scripts are public, credential-free files: they carry {@code Access-Control-Allow-Origin: *},
 * so another site's page can import the widget's modules (module scripts are fetched with CORS).
 * The API keeps its own CORS rules.
 */
final class UiRoutes {
  /**
   * The page: scripts, styles and API calls only from this server, no inline code, no plugins, no
   * framing.
   */
  static final String PAGE_CSP =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self'",
          "connect-src 'self'",
          "form-action 'self'",
          "base-uri 'none'",
          "frame-ancestors 'none'");

  static final String CACHE_PAGE = "no-cache";
  static final String CACHE_VERSIONED = "public, max-age=31536000, immutable";
  static final String CACHE_UNVERSIONED = "public, max-age=300";

  /**
   * The files as served, built on the first request for one (about 50 ms: each file read and
   * hashed) rather than at every start; the JVM runs a holder's initialiser once, for all threads.
   */
  private static final class Built {
    static final Map<String, Asset> ROUTES = UiAssets.byRoute();
  }

  void register(RoutesConfig config) {
    for (String route : UiAssets.routes()) {
      config.get(route, ctx -> serve(ctx, Built.ROUTES.get(route)));
      config.head(route, ctx -> serve(ctx, Built.ROUTES.get(route)));
    }
  }

  private static void serve(Context ctx, Asset asset) {
    if (asset.kind() == Kind.PAGE && ctx.path().length() > 1 && ctx.path().endsWith("/")) {
      // A page below the root names its files relative to its own address, which has no slash.
      // Relative, so it holds under a proxy's path prefix: /admin/curation/ → ../curation.
      String path = ctx.path().replaceAll("/+$", "");
      String query = ctx.queryString();
      ctx.header("Cache-Control", CACHE_PAGE);
      ctx.redirect(
          "../" + path.substring(path.lastIndexOf('/') + 1) + (query == null ? "" : "?" + query),
          io.javalin.http.HttpStatus.PERMANENT_REDIRECT);
      return;
    }
    // Whatever the Origin: the API's CORS rules refuse unknown origins, but these files are public.
    ctx.status(200);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("ETag", asset.etag());
    switch (asset.kind()) {
      case PAGE -> {
        ctx.header("Cache-Control", CACHE_PAGE);
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
      }
      case ENTRY -> ctx.header("Cache-Control", CACHE_PAGE);
      case FILE ->
          ctx.header(
              "Cache-Control",
              asset.version().equals(ctx.queryParam("v")) ? CACHE_VERSIONED : CACHE_UNVERSIONED);
    }
    if (asset.kind() != Kind.PAGE) {
      // Lets a site that isolates itself (Cross-Origin-Embedder-Policy) still load the widget from
      // this origin.
      ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    }
    if (asset.contentType().startsWith("text/javascript")) {
      // Module scripts are fetched with CORS: the widget's modules are imported by other sites'
      // pages.
      ctx.header("Access-Control-Allow-Origin", "*");
    }
    // Also on a 304: a cache merges its headers into the stored ones, and a default text/plain
    // there would turn the cached script into one the browser refuses to run (nosniff).
    ctx.contentType(asset.contentType());
    if (matches(ctx.header("If-None-Match"), asset.etag())) {
      ctx.status(304);
      return;
    }
    ctx.result(asset.bytes());
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
    }
    return false;
  }
}
