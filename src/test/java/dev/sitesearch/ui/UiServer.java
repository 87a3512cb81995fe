package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.ContentSettings;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real sitesearch server, wired as {@code serve} wires it, on a random port over the HTTP
 * tests' fixture site plus {@code ui-content/} (a page with markup and script in every field), with
 * the given CORS origins (or fields).
 */
final class UiServer implements AutoCloseable {
  private final RunningServer running;

  /** Pages a test adds to the content folder before the server indexes it. */
  interface ContentSetup {
    void addTo(Path content) throws IOException;
  }

  private UiServer(Path workDir, List<String> corsOrigins, FieldSettings fields)
      throws IOException {
    this(workDir, corsOrigins, fields, null, content -> {});
  }

  private UiServer(
      Path workDir,
      List<String> corsOrigins,
      FieldSettings fields,
      String adminToken,
      ContentSetup setup)
      throws IOException {
    Path content = workDir.resolve("content");
    ContentFiles.copyTree(resource("/fixture-content"), content);
    ContentFiles.copyTree(resource("/ui-content"), content);
    setup.addTo(content);
    var config =
        Seed.config()
            .withServer(ServerSettings.ephemeral(corsOrigins, adminToken))
            .withFields(fields)
            // The hostile page's URL is its rawUrl as written; the others' are Hugo's.
            .withContent(
                new ContentSettings(
                    ContentSettings.DEFAULT_MAX_FILE_BYTES, null, "{rawUrl}", null));
    this.running =
        TestAssembly.of(content, workDir.resolve("index"))
            .withConfig(config)
            .serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0));
  }

  static UiServer start(Path workDir, List<String> corsOrigins) throws IOException {
    return new UiServer(workDir, corsOrigins, Seed.FIELDS);
  }

  /** A server with the admin API on, behind {@code adminToken} (the analytics page's tests). */
  static UiServer startWithAdminToken(Path workDir, String adminToken) throws IOException {
    return new UiServer(workDir, List.of(), Seed.FIELDS, adminToken, content -> {});
  }

  /** A server allowing these origins over the fixture plus what {@code setup} adds. */
  static UiServer start(Path workDir, List<String> corsOrigins, ContentSetup setup)
      throws IOException {
    return new UiServer(workDir, corsOrigins, Seed.FIELDS, null, setup);
  }

  /**
   * A server whose schema has these fields (facet order and labels, say) instead of the defaults.
   */
  static UiServer start(Path workDir, FieldSettings fields) throws IOException {
    return new UiServer(workDir, List.of(), fields);
  }

  int port() {
    return running.port();
  }

  /** What the server counts: its analytics, read without the admin API. */
  dev.sitesearch.analytics.Analytics analytics() {
    return running.analytics();
  }

  String origin() {
    return "http://127.0.0.1:" + port();
  }

  /** GET over HTTP (not through the browser), answering status, headers and body. */
  HttpResponse<String> get(String pathAndQuery, String... headerPairs) {
    return TestHttp.send(TestHttp.request(origin() + pathAndQuery, headerPairs));
  }

  /** A JSON API answer, which must be 200. */
  JsonNode api(String pathAndQuery) {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), () -> pathAndQuery + " answered " + r.body());
    return TestHttp.json(r.statusCode(), r.body());
  }

  /** GET /api/search with these key/value pairs (URL-encoded here). */
  JsonNode search(String... keyValues) {
    return api("/api/search?" + TestHttp.query(keyValues));
  }

  /** {@code GET path} sent exactly as given (no client-side normalisation): the raw answer. */
  String rawGet(String path) {
    return TestHttp.rawGet(port(), path);
  }

  static List<String> titles(JsonNode response) {
    var titles = new ArrayList<String>();
    response.get("hits").forEach(hit -> titles.add(hit.get("title").asText()));
    return titles;
  }

  private static Path resource(String name) {
    try {
      return Path.of(UiServer.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    running.close();
  }
}
