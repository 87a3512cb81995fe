package dev.sitesearch.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search page ({@code GET /}) with its modules and styles, and the drop-in box ({@code GET
 * /widget.js}) with its module, read once from the classpath folder {@code public/}.
 *
 * <p>Only the files named in {@link #FILES} are served, each on its own fixed route: no part of a
 * request path is ever turned into a resource name, so nothing outside the bundled UI can be
 * reached ({@code /..%2f…}, {@code /public/index.html} and the like are unknown routes, answered
 * 404 by the API's error handler).
 *
 * <p>Caching: every reference between the files carries a content hash. The page names its files as
 * {@code "search.js?v=…"}, and each script's imports of another bundled file ({@code './dom.js'})
 * become {@code './dom.js?v=…'}. A file's hash is taken after its own imports are rewritten, so it
 * changes whenever anything it imports changes (modules must not import each other in a cycle; the
 * server refuses to start). Versioned files are cached for a year while the page and {@code
 * widget.js}, the two entries other pages link to without a hash, are revalidated on every load: a
 * deploy never mixes an old module with a new page or widget. A file asked without its current hash
 * is cached for five minutes only. Every file has an ETag and answers {@code If-None-Match} with
 * 304.
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
   * The files under {@code public/}, each served at {@code /<name>}; the page is served at {@code
   * /}.
   */
  static final String PAGE = "index.html";

  static final List<String> FILES =
      List.of(
          "search.js",
          "url-state.js",
          "api.js",
          "facet-model.js",
          "results-model.js",
          "results-view.js",
          "facets-view.js",
          "suggest-box.js",
          "dom.js",
          "highlight.js",
          "safe-url.js",
          "widget.js",
          "widget-box.js",
          "search.css",
          "favicon.svg");

  /** Files other sites link to by their plain name: revalidated on every load, as the page is. */
  static final Set<String> ENTRIES = Set.of("widget.js");

  /**
   * In a script, a string naming a bundled file beside it: {@code './name.js'} (single or double
   * quotes).
   */
  static final Pattern IMPORT = Pattern.compile("(['\"])\\./([A-Za-z0-9-]+\\.js)\\1");

  private final Map<String, Asset> routes = new LinkedHashMap<>();

  UiRoutes() {
    var sources = new LinkedHashMap<String, byte[]>();
    for (String file : FILES) sources.put(file, read(file));
    var built = new HashMap<String, Asset>();
    for (String file : FILES)
      routes.put("/" + file, build(file, sources, built, new ArrayList<>()));
    String page = new String(read(PAGE), StandardCharsets.UTF_8);
    for (String file : FILES) {
      // The page refers to its files as "name"; make that "name?v=<hash>".
      page =
          page.replace("\"" + file + "\"", "\"" + file + "?v=" + built.get(file).version() + "\"");
    }
    routes.put("/", asset(page.getBytes(StandardCharsets.UTF_8), PAGE, Kind.PAGE));
  }

  /**
   * The file as served: a script's imports versioned (its dependencies built first), its hash taken
   * after.
   */
  private static Asset build(
      String file, Map<String, byte[]> sources, Map<String, Asset> built, List<String> importing) {
    Asset done = built.get(file);
    if (done != null) return done;
    if (importing.contains(file)) {
      throw new IllegalStateException(
          "the UI scripts import each other in a cycle: "
              + String.join(" -> ", importing)
              + " -> "
              + file);
    }
    byte[] bytes = sources.get(file);
    if (file.endsWith(".js")) {
      importing.add(file);
      Matcher m = IMPORT.matcher(new String(bytes, StandardCharsets.UTF_8));
      var out = new StringBuilder();
      while (m.find()) {
        String name = m.group(2);
        if (!sources.containsKey(name)) {
          throw new IllegalStateException(
              "the UI file " + file + " imports ./" + name + ", which is not in UiRoutes.FILES");
        }
        String version = build(name, sources, built, importing).version();
        m.appendReplacement(
            out, Matcher.quoteReplacement(m.group(1) + "./" + name + "?v=" + version + m.group(1)));
      }
      m.appendTail(out);
      bytes = out.toString().getBytes(StandardCharsets.UTF_8);
      importing.remove(importing.size() - 1);
    }
    Asset asset = asset(bytes, file, ENTRIES.contains(file) ? Kind.ENTRY : Kind.FILE);
    built.put(file, asset);
    return asset;
  }

  void register(RoutesConfig config) {
    routes.forEach(
        (route, asset) -> {
          config.get(route, ctx -> serve(ctx, asset));
          config.head(route, ctx -> serve(ctx, asset));
        });
  }

  private static void serve(Context ctx, Asset asset) {
    ctx.status(
        200); // whatever the Origin: the API's CORS rules refuse unknown origins, but these files
    // are public
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
    // there would turn the
    // cached script into one the browser refuses to run (nosniff).
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

  private static byte[] read(String file) {
    String resource = "/public/" + file;
    try (InputStream in = UiRoutes.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException(
            "the UI file " + resource + " is missing from the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the UI file " + resource, e);
    }
  }

  static String contentType(String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      default -> throw new IllegalArgumentException("no content type known for " + file);
    };
  }

  private static Asset asset(byte[] bytes, String file, Kind kind) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String version =
          Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
      return new Asset(bytes, contentType(file), version, kind);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How a file is cached: the page and the entries revalidate, the other files are pinned by their
   * hash.
   */
  private enum Kind {
    PAGE,
    ENTRY,
    FILE
  }

  /** One file, read at start; {@code version} is a hash of its bytes as served. */
  private record Asset(byte[] bytes, String contentType, String version, Kind kind) {
    String etag() {
      return '"' + version + '"';
    }
  }
}
