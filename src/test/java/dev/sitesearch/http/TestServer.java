package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.solr.SolrCloudHarness;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real sitesearch server on a random port over a copy of {@code fixture-content}, wired as
 * {@code serve} wires it, plus the HTTP calls the tests make against it.
 */
final class TestServer implements AutoCloseable {
  static final String TOKEN = "s3cret";
  static final String SITE_ORIGIN = "https://www.example.org";

  private final Path content;
  private final Path index;
  private final RunningServer running;

  /** Adds files to the content folder before the first index run. */
  interface ContentSetup {
    void addTo(Path content) throws IOException;
  }

  private TestServer(Path workDir, ServerSettings settings, boolean watch, ContentSetup setup)
      throws IOException {
    this(workDir, Seed.config().withServer(settings), watch, setup);
  }

  private TestServer(Path workDir, SitesearchConfig config, boolean watch, ContentSetup setup)
      throws IOException {
    this.content = workDir.resolve("content");
    if (Files.notExists(content)) { // else a restart over the same folders
      ContentFiles.copyTree(fixtureDir(), content);
      setup.addTo(content);
    }
    this.index = workDir.resolve("index");
    var options =
        RunningServer.Options.DEFAULTS
            .on("127.0.0.1", 0)
            .watching(watch)
            .refreshingEvery(Duration.ofMillis(100));
    this.running = TestAssembly.of(content, index).withConfig(config).serve(options);
  }

  private static ServerSettings settings(String adminToken) {
    return ServerSettings.ephemeral(List.of(SITE_ORIGIN), adminToken);
  }

  /** A server with the admin token {@value #TOKEN} and no content watcher. */
  static TestServer start(Path workDir) throws IOException {
    return new TestServer(workDir, settings(TOKEN), false, content -> {});
  }

  /** A server with the admin token {@value #TOKEN} and these limits. */
  static TestServer startWithLimits(Path workDir, ServerLimits limits) throws IOException {
    return new TestServer(workDir, settings(TOKEN).withLimits(limits), false, content -> {});
  }

  /** A server with the admin token {@value #TOKEN}, these limits, and what {@code setup} adds. */
  static TestServer startWithLimits(Path workDir, ServerLimits limits, ContentSetup setup)
      throws IOException {
    return new TestServer(workDir, settings(TOKEN).withLimits(limits), false, setup);
  }

  /**
   * A server with the admin token {@value #TOKEN} over the fixture plus what {@code setup} adds.
   */
  static TestServer startWith(Path workDir, ContentSetup setup) throws IOException {
    return new TestServer(workDir, settings(TOKEN), false, setup);
  }

  /** A server with the admin token {@value #TOKEN} whose {@code /metrics} is {@code metrics}. */
  static TestServer startWithMetrics(Path workDir, ServerSettings.Metrics metrics)
      throws IOException {
    return new TestServer(workDir, settings(TOKEN).withMetrics(metrics), false, content -> {});
  }

  /**
   * A server with the admin token {@value #TOKEN} whose index is a collection of its own on the
   * test run's SolrCloud (two nodes; two shards of one replica each).
   */
  static TestServer startOnSolrCloud(Path workDir) throws IOException {
    var engine =
        EngineSettings.solrCloud(
            SolrCloudHarness.shared().nodes(),
            "fixture_" + Long.toHexString(System.nanoTime()),
            2,
            1);
    // The cluster shares the test machine's two cores with the test JVM: under a full test run a
    // Solr search can pass the default 500 ms and answer partial (no facet counts), which these
    // contract tests, written for whole answers, do not expect.
    var settings =
        settings(TOKEN)
            .withLimits(ServerLimits.defaults().withSearchTimeout(Duration.ofSeconds(10)));
    return new TestServer(
        workDir, Seed.config().withServer(settings).withEngine(engine), false, c -> {});
  }

  static TestServer startWithoutAdminToken(Path workDir) throws IOException {
    return new TestServer(workDir, settings(null), false, content -> {});
  }

  static TestServer startWatching(Path workDir) throws IOException {
    return new TestServer(workDir, settings(TOKEN), true, content -> {});
  }

  /**
   * An indexer as {@code serve} builds it, over any content and index folders (another process's,
   * say).
   */
  static Indexer indexer(Path content, Path index) {
    return TestAssembly.of(content, index).indexer(false);
  }

  static Path fixtureDir() {
    try {
      return Path.of(TestServer.class.getResource("/fixture-content").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The routes the server answers, as {@code "GET /api/search"}. */
  java.util.List<String> routes() {
    return running.routes();
  }

  Path content() {
    return content;
  }

  Path index() {
    return index;
  }

  Schema schema() {
    return running.engine().schema();
  }

  int port() {
    return running.port();
  }

  Response get(String pathAndQuery, String... headerPairs) {
    return send(request(pathAndQuery, headerPairs).GET());
  }

  Response head(String pathAndQuery, String... headerPairs) {
    return send(request(pathAndQuery, headerPairs).HEAD());
  }

  Response post(String pathAndQuery, String... headerPairs) {
    return send(request(pathAndQuery, headerPairs).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** GET of a JSON endpoint, which must answer 200. */
  JsonNode getJson(String pathAndQuery) {
    Response r = get(pathAndQuery);
    assertEquals(200, r.status(), () -> pathAndQuery + " answered " + r.body());
    return r.json();
  }

  /** GET /api/search with the given parameters, which must answer 200. */
  JsonNode search(String... keyValues) {
    Response r = get("/api/search?" + TestHttp.query(keyValues));
    assertEquals(200, r.status(), () -> "search " + List.of(keyValues) + " answered " + r.body());
    return r.json();
  }

  /** The ids of the hits, in order. */
  static List<String> ids(JsonNode response) {
    var ids = new ArrayList<String>();
    response.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  HttpRequest.Builder request(String pathAndQuery, String... headerPairs) {
    return TestHttp.request("http://127.0.0.1:" + port() + pathAndQuery, headerPairs);
  }

  static Response send(HttpRequest.Builder request) {
    HttpResponse<String> r = TestHttp.send(request);
    return new Response(r.statusCode(), r.headers(), r.body());
  }

  /** Polls until {@code condition} holds or {@code deadline} passes; returns whether it held. */
  static boolean eventually(Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      if (condition.getAsBoolean()) return true;
      if (System.nanoTime() > end) return false;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Asserts an RFC 9457 problem answer with this status (and, for 400s, this parameter), free of
   * internals.
   */
  static void assertProblem(Response r, int status, String parameter) {
    assertEquals(status, r.status(), () -> "status of " + r.body());
    assertTrue(
        r.contentType().startsWith("application/problem+json"),
        () -> "content type " + r.contentType());
    JsonNode problem = r.json();
    assertEquals(status, problem.path("status").asInt(), "status in the body");
    assertFalse(problem.path("title").asText().isBlank(), "a title");
    assertFalse(problem.path("detail").asText().isBlank(), "a detail");
    if (parameter != null)
      assertEquals(parameter, problem.path("parameter").asText(null), "the parameter at fault");
    assertEquals("no-store", r.header("Cache-Control"), "errors are not cached");
    assertNoInternals(r);
  }

  static void assertNoInternals(Response r) {
    assertFalse(r.body().contains("Exception"), () -> "an exception name leaked: " + r.body());
    assertFalse(
        r.body().contains("\tat ") || r.body().contains("at dev.sitesearch"),
        () -> "a stack trace leaked: " + r.body());
  }

  /**
   * Sends {@code request} as raw bytes (what the JDK client would refuse to build) and reads the
   * whole answer.
   */
  RawResponse raw(String request) {
    return RawResponse.parse(TestHttp.raw(port(), request));
  }

  /** {@code GET target} over a raw socket, with these extra header lines. */
  RawResponse rawGet(String target, String... headerLines) {
    return RawResponse.parse(TestHttp.rawGet(port(), target, headerLines));
  }

  /** What every answer has, however it was read. */
  interface Answer {
    int status();

    String header(String name);

    String body();
  }

  /** An answer read off a socket: status, headers (names lower-cased, first value) and body. */
  record RawResponse(int status, Map<String, String> headers, String body, String text)
      implements Answer {
    static RawResponse parse(String text) {
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String[] lines = head.split("\r\n");
      int status =
          lines[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
      var headers = new LinkedHashMap<String, String>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0)
          headers.putIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip());
      }
      return new RawResponse(status, headers, end < 0 ? "" : text.substring(end + 4), text);
    }

    @Override
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void close() throws IOException {
    running.close();
  }

  /** One HTTP answer. */
  record Response(int status, HttpHeaders headers, String body) implements Answer {
    JsonNode json() {
      return TestHttp.json(status, body);
    }

    @Override
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      String type = header("Content-Type");
      assertNotNull(type, "a Content-Type header");
      return type;
    }
  }
}
