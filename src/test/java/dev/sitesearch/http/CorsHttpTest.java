package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.http.TestServer.Response;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls from other sites' pages: the configured origin ({@code server.cors}) may call the API with
 * the methods and headers the API uses, and nothing more; other origins get no permission; every
 * API answer says it varies by {@code Origin}, so a shared cache never hands one origin's answer to
 * another.
 */
class CorsHttpTest extends FixtureServerTest {
  @Test
  void configured_site_origin_may_call_the_api_from_a_browser() {
    Response r = server.get("/api/search?q=care", "Origin", TestServer.SITE_ORIGIN);

    assertEquals(200, r.status());
    assertEquals(TestServer.SITE_ORIGIN, r.header("Access-Control-Allow-Origin"));
  }

  @Test
  void configured_site_origin_can_read_error_answers_too() {
    Response r = server.get("/api/search?size=0", "Origin", TestServer.SITE_ORIGIN);

    TestServer.assertProblem(r, 400, "size");
    assertEquals(TestServer.SITE_ORIGIN, r.header("Access-Control-Allow-Origin"));
  }

  @Test
  void configured_site_origin_passes_the_browser_preflight() {
    Response r =
        TestServer.send(
            server
                .request(
                    "/api/search?q=care",
                    "Origin",
                    TestServer.SITE_ORIGIN,
                    "Access-Control-Request-Method",
                    "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertTrue(r.status() < 300, () -> r.status() + " " + r.body());
    assertEquals(TestServer.SITE_ORIGIN, r.header("Access-Control-Allow-Origin"));
  }

  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(
      strings = {
        "https://evil.example",
        "http://www.example.org",
        "https://www.example.org.evil.example",
        "null"
      })
  void other_origins_get_no_cors_permission(String origin) {
    Response r = server.get("/api/search?q=care", "Origin", origin);

    assertNull(r.header("Access-Control-Allow-Origin"), () -> origin + " was allowed");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          DELETE | -
          POST   | -
          PUT    | -
          GET    | Authorization
          GET    | X-Custom
          GET    | Accept, Authorization
          """)
  void preflight_for_a_method_or_header_the_api_does_not_use_is_refused(
      String method, String headers) {
    Response r = preflight(TestServer.SITE_ORIGIN, method, headers);

    TestServer.assertProblem(r, 403, null);
    assertNull(r.header("Access-Control-Allow-Origin"), r::toString);
    assertNull(r.header("Access-Control-Allow-Methods"), r::toString);
    assertNull(r.header("Access-Control-Allow-Headers"), r::toString);
  }

  @Test
  void approved_preflight_names_only_get_and_head_and_the_headers_asked_for() {
    Response r = preflight(TestServer.SITE_ORIGIN, "GET", "accept");

    assertEquals(204, r.status(), r::body);
    assertEquals(TestServer.SITE_ORIGIN, r.header("Access-Control-Allow-Origin"));
    assertEquals("GET, HEAD", r.header("Access-Control-Allow-Methods"));
    assertEquals("accept", r.header("Access-Control-Allow-Headers"));
    assertTrue(varies(r), () -> "Vary: " + r.headers().allValues("Vary"));
  }

  @Test
  void preflight_from_another_origin_is_refused() {
    Response r = preflight("https://evil.example", "GET", null);

    TestServer.assertProblem(r, 403, null);
    assertNull(r.header("Access-Control-Allow-Origin"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/search?q=care",
        "/api/search?size=0",
        "/api/suggest?q=chr",
        "/api/facets",
        "/api/facets/tags",
        "/api/documents/3118",
        "/api/documents/999999",
        "/api/health",
        "/api/nope"
      })
  void every_api_answer_varies_by_origin_whatever_the_origin(String path) {
    for (String origin : Arrays.asList(TestServer.SITE_ORIGIN, "https://evil.example", null)) {
      Response r = origin == null ? server.get(path) : server.get(path, "Origin", origin);
      assertTrue(
          varies(r), () -> path + " from " + origin + ": Vary " + r.headers().allValues("Vary"));
    }
  }

  private Response preflight(String origin, String method, String headers) {
    var request =
        server.request(
            "/api/search?q=care", "Origin", origin, "Access-Control-Request-Method", method);
    if (headers != null) request.header("Access-Control-Request-Headers", headers);
    return TestServer.send(request.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  private static boolean varies(Response r) {
    List<String> vary = r.headers().allValues("Vary");
    return vary.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .anyMatch(v -> v.strip().equalsIgnoreCase("Origin"));
  }
}
