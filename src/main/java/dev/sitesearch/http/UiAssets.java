package dev.sitesearch.http;

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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search page and its files as {@link UiRoutes} serves them, read once from the classpath
 * folder {@code public/} and versioned by content hash: the page names its files as {@code
 * "search.js?v=…"}, and each script's imports of another bundled file ({@code './dom.js'}) become
 * {@code './dom.js?v=…'}. A file's hash is taken after its own imports are rewritten, so it changes
 * whenever anything it imports changes (modules must not import each other in a cycle: building the
 * assets fails, and the tests, which build them, with it).
 */
final class UiAssets {
  /**
   * The files under {@code public/}, each served at {@code /<name>}; the page is served at {@code
   * /}.
   */
  static final String PAGE = "index.html";

  /**
   * The pages, by route: the search page, the analytics admin page and the curation page (their
   * data needs the token). A page below {@code /} names the files as {@code "../name"}, so it works
   * under whatever path prefix a proxy serves it at.
   */
  static final Map<String, String> PAGES =
      Map.of("/", PAGE, "/admin", "admin.html", "/admin/curation", "curation.html");

  static final List<String> FILES =
      List.of(
          "search.js",
          "url-state.js",
          "api.js",
          "facet-model.js",
          "results-model.js",
          "results-view.js",
          "sections-model.js",
          "sections-view.js",
          "facets-view.js",
          "suggest-box.js",
          "dom.js",
          "highlight.js",
          "safe-url.js",
          "click-beacon.js",
          "admin.js",
          "admin-charts.js",
          "admin-model.js",
          "admin.css",
          "widget.js",
          "widget-box.js",
          "widget-scope.js",
          "related-list.js",
          "search.css",
          "favicon.svg",
          "curation.js",
          "curation-model.js",
          "curation.css");

  /** Files other sites link to by their plain name: revalidated on every load, as the page is. */
  static final Set<String> ENTRIES = Set.of("widget.js");

  /**
   * In a script, a string naming a bundled file beside it: {@code './name.js'} (single or double
   * quotes).
   */
  static final Pattern IMPORT = Pattern.compile("(['\"])\\./([A-Za-z0-9-]+\\.js)\\1");

  private UiAssets() {}

  /**
   * How a file is cached: the page and the entries revalidate, the other files are pinned by their
   * hash.
   */
  enum Kind {
    PAGE,
    ENTRY,
    FILE
  }

  /** One file, as served; {@code version} is a hash of its bytes as served. */
  record Asset(byte[] bytes, String contentType, String version, Kind kind) {
    String etag() {
      return '"' + version + '"';
    }
  }

  /** The routes {@link #byRoute()} has, in the same order. */
  static List<String> routes() {
    var routes = new ArrayList<String>();
    for (String file : FILES) routes.add("/" + file);
    routes.addAll(new TreeMap<>(PAGES).keySet());
    return routes;
  }

  /** Every file as served, by its route: {@code /<name>} for the files, {@code /} for the page. */
  static Map<String, Asset> byRoute() {
    var sources = new LinkedHashMap<String, byte[]>();
    for (String file : FILES) sources.put(file, read(file));
    var routes = new LinkedHashMap<String, Asset>();
    var built = new HashMap<String, Asset>();
    for (String file : FILES)
      routes.put("/" + file, build(file, sources, built, new ArrayList<>()));
    new TreeMap<>(PAGES).forEach((route, file) -> routes.put(route, page(file, built)));
    return routes;
  }

  private static Asset page(String name, Map<String, Asset> built) {
    String page = new String(read(name), StandardCharsets.UTF_8);
    for (String file : FILES) {
      // The page refers to its files as "name" (or "../name"); make that "name?v=<hash>".
      String versioned = file + "?v=" + built.get(file).version() + "\"";
      page = page.replace("\"" + file + "\"", "\"" + versioned);
      page = page.replace("\"../" + file + "\"", "\"../" + versioned);
    }
    return asset(page.getBytes(StandardCharsets.UTF_8), name, Kind.PAGE);
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
              "the UI file " + file + " imports ./" + name + ", which is not in UiAssets.FILES");
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

  private static byte[] read(String file) {
    String resource = "/public/" + file;
    try (InputStream in = UiAssets.class.getResourceAsStream(resource)) {
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
}
