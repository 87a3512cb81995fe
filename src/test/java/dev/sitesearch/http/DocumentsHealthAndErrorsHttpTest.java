package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.FixturePages.Page;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.TestHttp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents, health, caching headers, and the error contract: every mistake is an RFC 9457 problem
 * naming what was wrong, never a 500 or a stack trace.
 */
class DocumentsHealthAndErrorsHttpTest extends FixtureServerTest {
  @Test
  void document_by_id_returns_the_stored_page() {
    Response r = server.get("/api/documents/3118");

    assertEquals(200, r.status());
    JsonNode doc = r.json();
    Page page = fixture.byId("3118");
    assertEquals("3118", doc.get("id").asText());
    assertEquals(page.title(), doc.get("title").asText());
    assertEquals(
        "/news/medium-how-to-sell-chronic-care-management-to-your-patients/",
        doc.get("url").asText());
    assertEquals(
        "/news/how-to-sell-chronic-care-management-to-your-patients/",
        doc.at("/aliases/0").asText());
    assertTrue(
        doc.get("body").asText().contains("Medicare patients with two or more chronic conditions"));
    assertEquals(page.date(), Instant.parse(doc.at("/dates/date").asText()));
    assertEquals(
        Instant.parse("2020-09-29T05:09:39.168Z"),
        Instant.parse(doc.at("/dates/lastMod").asText()));
    assertEquals("KLAS: Remote Patient Monitoring", doc.at("/fields/communityTopics/2").asText());
    assertEquals("News", doc.at("/fields/searchCategory/0").asText());
    assertTrue(r.header("Cache-Control").startsWith("public"), r.header("Cache-Control"));
  }

  @Test
  void a_document_never_shows_where_its_file_lies_on_the_server() {
    Response r = server.get("/api/documents/3118");

    assertEquals(200, r.status());
    assertFalse(r.json().has("path"), r::body);
    assertFalse(r.body().contains(".md"), () -> "a file name in " + r.body());
    assertFalse(r.body().contains(server.content().toString()), r::body);
  }

  @Test
  void document_whose_id_is_its_path_is_found_by_that_path_slashes_included() {
    Response r = server.get("/api/documents/news/hospital-at-home-expands.md");

    assertEquals(200, r.status(), r::body);
    assertEquals("news/hospital-at-home-expands.md", r.json().get("id").asText());
    assertEquals("Hospital at Home Programs Expand", r.json().get("title").asText());
  }

  @Test
  void page_without_front_matter_is_found_by_its_path_and_titled_by_its_heading() {
    Response r = server.get("/api/documents/guides/getting-started-with-care-plans.md");

    assertEquals(200, r.status(), r::body);
    assertEquals("Getting Started with Care Plans", r.json().get("title").asText());
  }

  @Test
  void every_hit_id_opens_its_document() {
    for (String id : TestServer.ids(server.search("size", "100"))) {
      Response r = server.get("/api/documents/" + id);
      assertEquals(200, r.status(), () -> id + ": " + r.body());
      assertEquals(id, r.json().get("id").asText());
    }
  }

  @ParameterizedTest(name = "id={0}")
  @ValueSource(
      strings = {
        "999999",
        "4999",
        "news/no-such-page.md",
        "news",
        "%20",
        "..%2F..%2Fetc%2Fpasswd",
        "%F0%9F%A9%BA"
      })
  void unknown_or_draft_document_is_a_404_problem(String id) {
    TestServer.assertProblem(server.get("/api/documents/" + id), 404, null);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/documents/3118%00",
        "/api/documents/%ZZ",
        "/api/documents/a%C3%28",
        "/api/search%00?q=care",
        "/%"
      })
  void malformed_path_is_refused_as_a_400_problem(String target) {
    // A request line the JDK client would refuse to build, sent as is.
    String response = server.rawGet(target).text();

    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    assertTrue(
        response.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"),
        () -> "a problem, not the servlet container's HTML page:\n" + response);
  }

  @Test
  void health_reports_the_served_index() {
    Response r = server.get("/api/health");

    assertEquals(200, r.status());
    assertEquals("no-store", r.header("Cache-Control"));
    JsonNode health = r.json();
    assertEquals("ok", health.get("status").asText());
    assertEquals(fixture.all().size(), health.get("documents").asLong());
    assertTrue(
        Instant.parse(health.get("indexedAt").asText()).isBefore(Instant.now().plusSeconds(1)));
    assertTrue(health.get("generation").asLong() > 0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api",
        "/api/nope",
        "/api/search/extra",
        "/index.html",
        "/api/documents",
        "/api/facets/tags/extra",
        "/api/admin"
      })
  void unknown_path_is_a_404_problem(String path) {
    TestServer.assertProblem(server.get(path), 404, null);
  }

  @Test
  void wrong_method_is_a_problem_not_a_crash() {
    Response r =
        TestServer.send(
            server
                .request("/api/search?q=care")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertTrue(r.status() == 404 || r.status() == 405, () -> r.status() + " " + r.body());
    TestServer.assertProblem(r, r.status(), null);
    Response post = server.post("/api/search?q=care");
    TestServer.assertProblem(post, post.status(), null);
    assertTrue(post.status() == 404 || post.status() == 405);
  }

  @Test
  void trailing_slash_is_ignored() {
    assertEquals(200, server.get("/api/search/?q=care").status());
    assertEquals(200, server.get("/api/health/").status());
  }

  @Test
  void search_suggest_and_facet_answers_may_be_cached_briefly() {
    for (String path : List.of("/api/search?q=care", "/api/suggest?q=chr", "/api/facets/tags")) {
      String cache = server.get(path).header("Cache-Control");
      assertTrue(
          cache != null && cache.contains("public") && cache.matches(".*max-age=\\d+.*"),
          path + ": " + cache);
    }
  }

  @Test
  void head_answers_with_the_status_and_headers_of_get_and_no_body() {
    for (String path :
        List.of(
            "/api/search?q=care",
            "/api/suggest?q=chr",
            "/api/facets/tags",
            "/api/health",
            "/api/search?size=0",
            "/api/documents/999999")) {
      Response get = server.get(path);
      Response head = server.head(path);
      assertEquals(get.status(), head.status(), path);
      assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
      assertEquals(get.header("Cache-Control"), head.header("Cache-Control"), path);
      assertEquals("", head.body(), path);
    }
  }

  @Test
  void errors_and_health_are_never_cached() {
    assertEquals("no-store", server.get("/api/search?size=0").header("Cache-Control"));
    assertEquals("no-store", server.get("/api/documents/999999").header("Cache-Control"));
    assertEquals("no-store", server.get("/api/nope").header("Cache-Control"));
    assertEquals("no-store", server.get("/api/health").header("Cache-Control"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          page=abc                      | page
          page=0                        | page
          page=-1                       | page
          page=99999999999              | page
          page=1.5                      | page
          page=%D9%A3                   | page
          page=%EF%BC%91                | page
          size=%EF%BC%91%EF%BC%90       | size
          facetSize=%E0%A5%AB           | facetSize
          size=0                        | size
          size=101                      | size
          size=1000                     | size
          size=ten                      | size
          sort=bogus                    | sort
          f.unknownFacet=x              | f.unknownFacet
          f.title=x                     | f.title
          f.=x                          | f.
          facets=nope                   | facets
          facets=tags,nope              | facets
          from=2020-13-45               | from
          from=2020-02-30               | from
          to=yesterday                  | to
          to=2024                       | to
          from=2024-01-31Tjunk          | from
          from=2024-01-31T              | from
          to=2024-01-31T25:00           | to
          to=2024-01-31T10:00junk       | to
          from=2024-01-01&to=2023-01-01 | from
          from=%2B999999999-01-01       | from
          from=-999999999-01-01         | from
          to=-999999999-01-01           | to
          to=%2B999999999-12-31         | to
          from=10000-01-01              | from
          to=0000-12-31                 | to
          facetSize=0                   | facetSize
          facetSize=101                 | facetSize
          facetSize=many                | facetSize
          page=101&size=100             | page
          """)
  void bad_search_parameter_is_a_400_problem_naming_it(String query, String parameter) {
    TestServer.assertProblem(server.get("/api/search?" + query), 400, parameter);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "from=%2B999999999-01-01",
        "from=-999999999-01-01",
        "to=-999999999-01-01",
        "to=%2B999999999-12-31"
      })
  void a_date_outside_years_1_to_9999_is_a_400_problem_for_facet_values_too(String query) {
    TestServer.assertProblem(
        server.get("/api/facets/tags?" + query), 400, query.substring(0, query.indexOf('=')));
  }

  @Test
  void a_problem_quotes_the_value_sent_in_its_own_characters() {
    Response sort = server.get("/api/search?sort=%E6%97%A5%E6%9C%AC"); // 日本
    TestServer.assertProblem(sort, 400, "sort");
    assertTrue(sort.json().get("detail").asText().endsWith("not '\u65e5\u672c'"), sort::body);
    Response page = server.get("/api/search?page=%D9%A3"); // an Arabic-Indic 3
    TestServer.assertProblem(page, 400, "page");
    assertTrue(page.json().get("detail").asText().endsWith("not '\u0663'"), page::body);
    Response window = server.get("/api/search?q=care&page=2000"); // its own words: page × size
    TestServer.assertProblem(window, 400, "page");
    assertTrue(window.json().get("detail").asText().contains("\u00d7"), window::body);
  }

  /** Values too long to write out above. */
  static Stream<Arguments> overlongParameters() {
    return Stream.of(
        Arguments.of("sort=" + "x".repeat(500), "sort"),
        Arguments.of("q=" + "a".repeat(1001), "q"),
        Arguments.of("q=" + "care+".repeat(300), "q"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlongParameters")
  void overlong_search_parameter_is_a_400_problem_naming_it(String query, String parameter) {
    bad_search_parameter_is_a_400_problem_naming_it(query, parameter);
  }

  @Test
  void the_api_description_is_utf_8_json() {
    Response r = server.get("/openapi.json");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("`page × size`"), "its × as sent");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "q=%ZZ, q",
    "q=%, q",
    "q=%C3%28, q",
    "q=%ED%A0%80, q",
    "q=care&f.tags=%E0%80, f.tags",
    "q=care&size=200%, size",
    "q=care&f.tags=%zz, f.tags",
    "q=%EF%BC%91&page=%D9%A3%, page"
  })
  void a_malformed_percent_encoding_in_the_query_is_a_400_problem_naming_it(
      String rawQuery, String parameter) {
    var r = server.rawGet("/api/search?" + rawQuery);

    assertEquals(400, r.status(), r::text);
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::text);
    assertEquals(
        parameter, TestHttp.json(r.status(), r.body()).path("parameter").asText(), r::text);
    assertFalse(r.text().contains("Exception") || r.text().contains("\tat "), r::text);
  }

  @Test
  void a_malformed_parameter_name_or_empty_pairs_never_cause_a_server_error() {
    var badName = server.rawGet("/api/search?%ZZ=1");
    assertEquals(400, badName.status(), badName::text);
    assertTrue(badName.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(200, server.rawGet("/api/search?q=care&&&&page=1").status());
  }
}
