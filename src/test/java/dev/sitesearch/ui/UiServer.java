package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.app.Assembly;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.config.SitesearchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real sitesearch server, wired as {@code serve} wires it, on a random port over the HTTP
 * tests' fixture site plus {@code ui-content/} (a page with markup and script in every field), with
 * the given CORS origins (or fields).
 */
final class UiServer implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final RunningServer running;

  private UiServer(Path workDir, List<String> corsOrigins, FieldSettings fields)
      throws IOException {
    Path content = workDir.resolve("content");
    copy(resource("/fixture-content"), content);
    copy(resource("/ui-content"), content);
    var config =
        SitesearchConfig.defaults()
            .withServer(ServerSettings.ephemeral(corsOrigins, null))
            .withFields(fields);
    this.running =
        new Assembly(config, content, workDir.resolve("index"), Clock.systemUTC(), 2)
            .serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0));
  }

  static UiServer start(Path workDir, List<String> corsOrigins) throws IOException {
    return new UiServer(workDir, corsOrigins, FieldSettings.DEFAULTS);
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

  String origin() {
    return "http://127.0.0.1:" + port();
  }

  /** GET over HTTP (not through the browser), answering status, headers and body. */
  HttpResponse<String> get(String pathAndQuery, String... headerPairs) {
    var request =
        HttpRequest.newBuilder(URI.create(origin() + pathAndQuery)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headerPairs.length; i += 2)
      request.header(headerPairs[i], headerPairs[i + 1]);
    try {
      return CLIENT.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON API answer, which must be 200. */
  JsonNode api(String pathAndQuery) {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), () -> pathAndQuery + " answered " + r.body());
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** GET /api/search with these key/value pairs (URL-encoded here). */
  JsonNode search(String... keyValues) {
    return api("/api/search?" + query(keyValues));
  }

  static String query(String... keyValues) {
    var parts = new ArrayList<String>();
    for (int i = 0; i < keyValues.length; i += 2) {
      parts.add(enc(keyValues[i]) + "=" + enc(keyValues[i + 1]));
    }
    return String.join("&", parts);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) Files.createDirectories(to);
        else Files.copy(from, to);
      }
    }
  }

  @Override
  public void close() throws IOException {
    running.close();
  }
}
