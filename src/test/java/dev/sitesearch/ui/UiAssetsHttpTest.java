package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the server serves the page and its files: types, caching, security headers, and nothing
 * beyond them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiAssetsHttpTest {
  private UiServer server;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    server = UiServer.start(workDir, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  @Test
  void the_page_is_html_under_a_strict_csp_and_has_no_inline_code() {
    HttpResponse<String> page = server.get("/");

    assertEquals(200, page.statusCode());
    assertEquals(
        "text/html; charset=utf-8",
        header(page, "Content-Type").toLowerCase().replace(";charset", "; charset"));
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    assertEquals("no-cache", header(page, "Cache-Control"));
    String csp = header(page, "Content-Security-Policy");
    for (String directive :
        List.of(
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'")) {
      assertTrue(csp.contains(directive), csp);
    }
    assertFalse(csp.contains("unsafe"), csp);

    String html = page.body();
    assertNotFound("<script(?![^>]*\\bsrc=)", html, "every script is a file");
    assertNotFound("\\son[a-z]+\\s*=", html, "no handlers");
    assertNotFound("<style|\\sstyle\\s*=", html, "no inline css");
    assertNotFound("(src|href)=\"(https?:)?//", html, "no assets from other hosts");
  }

  private static void assertNotFound(String regex, String html, String message) {
    assertFalse(Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(html).find(), message);
  }

  @Test
  void the_pages_files_are_versioned_and_cached_for_a_year_unversioned_ones_for_minutes() {
    String html = server.get("/").body();
    Matcher script = Pattern.compile("src=\"(search\\.js\\?v=[\\w-]+)\"").matcher(html);
    Matcher css = Pattern.compile("href=\"(search\\.css\\?v=[\\w-]+)\"").matcher(html);
    assertTrue(script.find() && css.find(), html);

    HttpResponse<String> js = server.get("/" + script.group(1));
    assertEquals(200, js.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(js, "Content-Type"));
    assertEquals("public, max-age=31536000, immutable", header(js, "Cache-Control"));
    assertEquals("nosniff", header(js, "X-Content-Type-Options"));
    assertTrue(
        js.body().contains("from './api.js?v="), "the page's module imports the others by version");
    assertEquals("text/css; charset=utf-8", header(server.get("/" + css.group(1)), "Content-Type"));

    HttpResponse<String> stale = server.get("/search.js?v=old");
    assertEquals(
        "public, max-age=300",
        header(stale, "Cache-Control"),
        "an old version is not pinned for a year");
    assertEquals("public, max-age=300", header(server.get("/search.js"), "Cache-Control"));
  }

  @Test
  void widget_js_is_javascript_any_site_may_load_and_revalidates_with_its_etag() {
    HttpResponse<String> widget = server.get("/widget.js");

    assertEquals(200, widget.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(widget, "Content-Type"));
    assertEquals("nosniff", header(widget, "X-Content-Type-Options"));
    assertEquals(
        "no-cache",
        header(widget, "Cache-Control"),
        "revalidated, so it never loads an old deploy's modules");
    assertEquals("cross-origin", header(widget, "Cross-Origin-Resource-Policy"));
    assertTrue(
        Pattern.compile("'\\./widget-box\\.js\\?v=[\\w-]+'").matcher(widget.body()).find(),
        widget.body());
    assertTrue(widget.body().contains("SiteSearchWidget"));
    String etag = header(widget, "ETag");
    assertNotNull(etag);

    HttpResponse<String> again = server.get("/widget.js", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    // A cache merges a 304's headers into the stored answer: any other type there would stop the
    // script (nosniff).
    assertEquals("text/javascript; charset=utf-8", header(again, "Content-Type"));
    HttpResponse<String> page = server.get("/", "If-None-Match", header(server.get("/"), "ETag"));
    assertEquals(304, page.statusCode());
    assertEquals(
        "text/html; charset=utf-8",
        header(page, "Content-Type").toLowerCase().replace(";charset", "; charset"));
    assertEquals(200, server.get("/widget.js", "If-None-Match", "\"something-else\"").statusCode());
    assertNotEquals(etag, header(server.get("/"), "ETag"));
  }

  @Test
  void every_import_names_its_module_by_the_hash_of_the_bytes_served() {
    var seen = new TreeSet<String>();
    var todo = new ArrayDeque<String>();
    Matcher links =
        Pattern.compile("(?:src|href)=\"([\\w-]+\\.js\\?v=[\\w-]+)\"")
            .matcher(server.get("/").body());
    while (links.find()) todo.add("/" + links.group(1));
    todo.add("/widget.js");
    while (!todo.isEmpty()) {
      String url = todo.poll();
      if (!seen.add(url)) continue;
      HttpResponse<String> js = server.get(url);
      assertEquals(200, js.statusCode(), url);
      assertEquals("text/javascript; charset=utf-8", header(js, "Content-Type"), url);
      if (url.contains("?v=")) {
        String version = url.substring(url.indexOf("?v=") + 3);
        assertEquals(
            version,
            hash(js.body()),
            url + " is named by the hash of what it serves, imports included");
        assertEquals("\"" + version + "\"", header(js, "ETag"), url);
        assertEquals("public, max-age=31536000, immutable", header(js, "Cache-Control"), url);
      }
      assertFalse(
          Pattern.compile("['\"]\\./[\\w-]+\\.js['\"]").matcher(js.body()).find(),
          url + " has an unversioned import");
      Matcher imports =
          Pattern.compile("['\"]\\./([\\w-]+\\.js\\?v=[\\w-]+)['\"]").matcher(js.body());
      while (imports.find()) todo.add("/" + imports.group(1));
    }
    var modules =
        seen.stream()
            .map(u -> u.replaceAll("^/|\\?.*$", ""))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            List.of(
                "api.js",
                "click-beacon.js",
                "dom.js",
                "facet-model.js",
                "facets-view.js",
                "highlight.js",
                "related-list.js",
                "results-model.js",
                "results-view.js",
                "safe-url.js",
                "search.js",
                "sections-model.js",
                "sections-view.js",
                "suggest-box.js",
                "url-state.js",
                "widget-box.js",
                "widget-scope.js",
                "widget.js")),
        modules);
  }

  @Test
  void scripts_load_from_any_origin_but_the_api_keeps_its_cors_rules() {
    String widgetBox = "/widget-box.js";
    HttpResponse<String> module = server.get(widgetBox, "Origin", "https://elsewhere.example");
    assertEquals(200, module.statusCode());
    assertEquals(
        "*", header(module, "Access-Control-Allow-Origin"), "module scripts are fetched with CORS");
    assertEquals("cross-origin", header(module, "Cross-Origin-Resource-Policy"));
    assertEquals(
        null,
        header(
            server.get("/", "Origin", "https://elsewhere.example"), "Access-Control-Allow-Origin"));

    HttpResponse<String> api =
        server.get("/api/search?q=care", "Origin", "https://elsewhere.example");
    assertEquals(
        null,
        header(api, "Access-Control-Allow-Origin"),
        "no server.cors here: the API allows no other origin");
  }

  private static String hash(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/index.html",
        "/public/index.html",
        "/public/search.js",
        "/simplelogger.properties",
        "/..%2fsimplelogger.properties",
        "/%2e%2e/%2e%2e/pom.xml",
        "/search.js%2f..%2f..%2fsimplelogger.properties",
        "/..%5c..%5csimplelogger.properties",
        "/dev/sitesearch/http/UiRoutes.class",
        "/search.js/",
        "/search.jsx",
        "/widget.js/../../pom.xml",
        "/./simplelogger.properties",
        "/%252e%252e/pom.xml",
        "/WIDGET.JS",
        "/dom.js/../../pom.xml",
        "/widget-box.js%2f..%2f..%2fpom.xml",
        "/highlight.js%00",
        "/API.JS",
        "/public/dom.js",
        "/search.js?v=../../pom.xml&x=/simplelogger.properties"
      })
  void nothing_outside_the_bundled_files_is_served(String path) throws IOException {
    String raw = server.rawGet(path);
    String status = raw.substring(0, raw.indexOf("\r\n"));
    // "/search.js/" is the same route with a trailing slash, and a "v" that is no version is just a
    // stale one; everything else must be refused.
    if (path.equals("/search.js/") || path.startsWith("/search.js?v=")) {
      assertTrue(status.contains(" 200 "), status);
      assertFalse(
          raw.contains("org.slf4j") || raw.contains("<project"), path + " leaked a file: " + raw);
      return;
    }
    assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), path + " answered " + status);
    assertFalse(
        raw.contains("org.slf4j")
            || raw.contains("<project")
            || raw.contains("'use strict'")
            || raw.contains("import ")
            || raw.contains("export ")
            || raw.contains("<!doctype"),
        path + " leaked a file: " + raw);
  }

  @Test
  void api_routes_and_unknown_paths_keep_their_problem_answers() {
    HttpResponse<String> missing = server.get("/no-such-page");
    assertEquals(404, missing.statusCode());
    assertTrue(header(missing, "Content-Type").startsWith("application/problem+json"));
    assertEquals(200, server.get("/api/health").statusCode());
  }

  private static String header(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }
}
