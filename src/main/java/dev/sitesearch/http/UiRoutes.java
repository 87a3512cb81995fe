package dev.sitesearch.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search page ({@code GET /}) with its script and styles, and the drop-in box ({@code GET /widget.js}), read once
 * from the classpath folder {@code public/}.
 *
 * <p>Only the files named in {@link #FILES} are served, each on its own fixed route: no part of a request path is
 * ever turned into a resource name, so nothing outside the bundled UI can be reached ({@code /..%2f…}, {@code
 * /public/index.html} and the like are unknown routes, answered 404 by the API's error handler).
 *
 * <p>Caching: the page names its script and stylesheet with a content hash ({@code search.js?v=…}), so they can be
 * cached for a year while the page itself is revalidated on every load; a deploy never mixes an old script with a
 * new page. {@code widget.js} is linked from other sites without a hash, so it is cached for five minutes only. Every
 * file has an ETag and answers {@code If-None-Match} with 304.
 */
final class UiRoutes {
  /** The page: scripts, styles and API calls only from this server, no inline code, no plugins, no framing. */
  static final String PAGE_CSP = String.join("; ",
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

  /** The files under {@code public/}, each served at {@code /<name>}; the page is served at {@code /}. */
  static final String PAGE = "index.html";
  static final String[] FILES = {"search.js", "search.css", "widget.js", "favicon.svg"};

  private final Map<String, Asset> routes = new LinkedHashMap<>();

  UiRoutes() {
    String page = new String(read(PAGE), StandardCharsets.UTF_8);
    for (String file : FILES) {
      Asset asset = asset(read(file), contentType(file), false);
      routes.put("/" + file, asset);
      // The page refers to its files as "name"; make that "name?v=<hash>".
      page = page.replace("\"" + file + "\"", "\"" + file + "?v=" + asset.version() + "\"");
    }
    routes.put("/", asset(page.getBytes(StandardCharsets.UTF_8), contentType(PAGE), true));
  }

  void register(RoutesConfig config) {
    routes.forEach((route, asset) -> {
      config.get(route, ctx -> serve(ctx, asset));
      config.head(route, ctx -> serve(ctx, asset));
    });
  }

  private static void serve(Context ctx, Asset asset) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("ETag", asset.etag());
    if (asset.page()) {
      ctx.header("Cache-Control", CACHE_PAGE);
      ctx.header("Content-Security-Policy", PAGE_CSP);
      ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    } else {
      boolean versioned = asset.version().equals(ctx.queryParam("v"));
      ctx.header("Cache-Control", versioned ? CACHE_VERSIONED : CACHE_UNVERSIONED);
      // Lets a site that isolates itself (Cross-Origin-Embedder-Policy) still load widget.js from this origin.
      ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    }
    // Also on a 304: a cache merges its headers into the stored ones, and a default text/plain there would turn the
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
      if (in == null) throw new IllegalStateException("the UI file " + resource + " is missing from the classpath");
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

  private static Asset asset(byte[] bytes, String contentType, boolean page) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String version = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
      return new Asset(bytes, contentType, version, page);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One file, read at start; {@code version} is a hash of its bytes; {@code page} for the HTML page. */
  private record Asset(byte[] bytes, String contentType, String version, boolean page) {
    String etag() {
      return '"' + version + '"';
    }
  }
}
