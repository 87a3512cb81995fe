package dev.sitesearch.http;

import static dev.sitesearch.http.TestServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search analytics over HTTP: what the server counts of known traffic (searches, suggestions, the
 * click beacon) is what the admin reports and their CSV show; every new endpoint refuses bad input
 * with a problem answer.
 */
class AnalyticsHttpTest {
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  private static Response click(TestServer server, String body) {
    return TestServer.send(
        server
            .request("/api/analytics/click", "Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String beacon(String searchId, int position, String id) {
    return "{\"searchId\":\""
        + searchId
        + "\",\"position\":"
        + position
        + ",\"id\":\""
        + id
        + "\"}";
  }

  private static Response admin(TestServer server, String pathAndQuery) {
    return server.get(pathAndQuery, AUTH, BEARER);
  }

  /** The report's rows keyed by their first column, once it has {@code rows} rows. */
  private static Map<String, JsonNode> rowsOnce(TestServer server, String report, int rows) {
    var answer = new AtomicReference<JsonNode>();
    boolean arrived =
        TestServer.eventually(
            Duration.ofSeconds(10),
            () -> {
              Response r = admin(server, "/api/admin/analytics/" + report);
              assertEquals(200, r.status(), r::body);
              answer.set(r.json());
              return r.json().get("rows").size() >= rows;
            });
    assertTrue(arrived, () -> report + " never had " + rows + " rows: " + answer.get());
    var byKey = new HashMap<String, JsonNode>();
    String first = answer.get().get("columns").get(0).asText();
    answer.get().get("rows").forEach(row -> byKey.put(row.get(first).asText(), row));
    return byKey;
  }

  @Test
  void reports_count_exactly_the_searches_suggestions_and_clicks_that_were_sent()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      JsonNode first = server.search("q", "Chronic Care");
      String searchId = first.path("searchId").asText();
      assertTrue(searchId.matches("[0-9a-f]{16}"), () -> "a searchId in " + first);
      assertTrue(first.get("total").asLong() >= 2, "the fixture has chronic care pages");
      server.search("q", "chronic care");
      server.search("q", "CHRONIC   care!"); // the same query, as curation matches it
      server.search("q", "telehealth");
      server.search("q", "telehealth");
      server.search("q", "zzqx nothing");
      server.search("q", "zzqx nothing");
      String facet = first.get("facets").fieldNames().next();
      String value = first.get("facets").get(facet).get(0).get("value").asText();
      server.search("q", "", "f." + facet, value);
      assertEquals(200, server.get("/api/suggest?q=chr").status());

      Response clicked = click(server, beacon(searchId, 2, "some-page"));
      assertEquals(204, clicked.status(), clicked::body);
      assertEquals(204, click(server, beacon("0123456789abcdef", 1, "x")).status(), "unknown id");

      // Every event is in once today's counts show the last one (the click) arrived.
      awaitToday(server, "clicks", 1);
      Map<String, JsonNode> queries = rowsOnce(server, "queries", 3);
      assertEquals(3, queries.get("chronic care").get("searches").asInt(), queries::toString);
      assertEquals(1, queries.get("chronic care").get("clicks").asInt());
      assertEquals(0, queries.get("chronic care").get("noResults").asInt());
      assertEquals(2, queries.get("telehealth").get("searches").asInt());
      assertEquals(0, queries.get("telehealth").get("clicks").asInt());
      assertEquals(2, queries.get("zzqx nothing").get("noResults").asInt());
      assertEquals(3, queries.size(), "browsing (no words) is no query: " + queries);

      Map<String, JsonNode> noResults = rowsOnce(server, "no-results", 1);
      assertEquals(Map.of("zzqx nothing", 2), counts(noResults, "searches"));
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      assertEquals(today, noResults.get("zzqx nothing").get("lastSearched").asText());

      assertEquals(Map.of("telehealth", 2), counts(rowsOnce(server, "no-clicks", 1), "searches"));
      assertEquals(Map.of("2", 1), counts(rowsOnce(server, "positions", 1), "clicks"));
      Map<String, JsonNode> facets = rowsOnce(server, "facets", 1);
      assertEquals(Map.of(facet, 1), counts(facets, "searches"));
      assertEquals(value, facets.get(facet).get("value").asText());
      assertEquals(Map.of("chr", 1), counts(rowsOnce(server, "suggestions", 1), "lookups"));

      JsonNode day = rowsOnce(server, "days", 30).get(today);
      assertEquals(8, day.get("searches").asInt(), day::toString);
      assertEquals(2, day.get("noResults").asInt());
      assertEquals(1, day.get("clicks").asInt());
      assertEquals(1, day.get("suggestions").asInt());
      assertTrue(
          day.get("p50Ms").isNumber() && day.get("p95Ms").asLong() >= day.get("p50Ms").asLong());
    }
  }

  /** Waits until today's row of the days report has {@code count} in {@code column}. */
  private static void awaitToday(TestServer server, String column, int count) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    var seen = new AtomicReference<JsonNode>();
    assertTrue(
        TestServer.eventually(
            Duration.ofSeconds(10),
            () -> {
              seen.set(rowsOnce(server, "days", 1).get(today));
              return seen.get() != null && seen.get().get(column).asInt() >= count;
            }),
        () -> "today never had " + count + " " + column + ": " + seen.get());
  }

  private static Map<String, Integer> counts(Map<String, JsonNode> rows, String column) {
    var out = new HashMap<String, Integer>();
    rows.forEach((k, row) -> out.put(k, row.get(column).asInt()));
    return out;
  }

  @Test
  void a_search_replaced_while_typing_is_not_counted_as_a_query_of_its_own() throws IOException {
    try (var server = TestServer.start(workDir)) {
      String chr = server.search("q", "chr").get("searchId").asText();
      String chro = server.search("q", "chro", "prev", chr).get("searchId").asText();
      server.search("q", "chronic", "prev", chro);
      server.search("q", "telehealth");

      awaitToday(server, "searches", 2);
      Map<String, JsonNode> queries = rowsOnce(server, "queries", 2);
      assertEquals(Map.of("chronic", 1, "telehealth", 1), counts(queries, "searches"));
      JsonNode day = rowsOnce(server, "days", 30).get(LocalDate.now(ZoneOffset.UTC).toString());
      assertEquals(2, day.get("searches").asInt(), "the runs' last searches: " + day);
    }
  }

  @Test
  void csv_export_is_escaped_and_safe_to_open_in_a_spreadsheet() throws IOException {
    try (var server = TestServer.start(workDir)) {
      server.search("q", "-telehealth"); // a query whose key starts with '-'
      server.search("q", "\"chronic care\" billing");
      rowsOnce(server, "queries", 2);

      for (String path :
          new String[] {
            "/api/admin/analytics/queries?format=csv", "/api/admin/analytics/queries.csv"
          }) {
        Response r = admin(server, path);
        assertEquals(200, r.status(), r::body);
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        assertTrue(r.header("Content-Disposition").startsWith("attachment; filename=\"queries-"));
        String[] lines = r.body().split("\r\n");
        assertEquals("query,searches,noResults,clicks,clickRate", lines[0]);
        assertTrue(
            r.body().contains("\r\n'-telehealth,1,"),
            () -> "a cell starting with - is defused:\n" + r.body());
        assertTrue(
            r.body().contains("\r\n\"\"\"chronic care\"\" billing\",1,"),
            () -> "quotes doubled inside a quoted cell:\n" + r.body());
      }
    }
  }

  @Test
  void reports_need_the_admin_token() throws IOException {
    try (var server = TestServer.start(workDir)) {
      assertProblem(server.get("/api/admin/analytics/queries"), 401, null);
      assertProblem(server.get("/api/admin/analytics/queries", AUTH, "Bearer wrong"), 401, null);
      assertProblem(server.get("/api/admin/analytics"), 401, null);
      Response summary = admin(server, "/api/admin/analytics");
      assertEquals(200, summary.status(), summary::body);
      assertTrue(summary.json().get("status").get("enabled").asBoolean());
      assertEquals(7, summary.json().get("reports").size());
    }
    try (var server = TestServer.startWithoutAdminToken(workDir.resolve("off"))) {
      assertProblem(admin(server, "/api/admin/analytics/queries"), 404, null);
      // Clicks are counted all the same: the beacon needs no token.
      String id = server.search("q", "care").get("searchId").asText();
      assertEquals(204, click(server, beacon(id, 1, "p")).status());
    }
  }

  @Test
  void bad_report_parameters_get_a_problem_naming_them() throws IOException {
    try (var server = TestServer.start(workDir)) {
      String base = "/api/admin/analytics/queries?";
      assertProblem(admin(server, base + "from=yesterday"), 400, "from");
      assertProblem(admin(server, base + "to=2024-13-01"), 400, "to");
      assertProblem(admin(server, base + "from=2024-05-02&to=2024-05-01"), 400, "from");
      assertProblem(admin(server, base + "from=2020-01-01&to=2024-01-01"), 400, "from");
      assertProblem(admin(server, base + "size=0"), 400, "size");
      assertProblem(admin(server, base + "size=1001"), 400, "size");
      assertProblem(admin(server, base + "format=xml"), 400, "format");
      assertProblem(admin(server, "/api/admin/analytics/nope"), 404, null);
      assertProblem(admin(server, "/api/admin/analytics/%3Cscript%3E.csv"), 404, null);
      Response ok = admin(server, base + "from=2024-05-01&to=2024-05-31&size=1000");
      assertEquals(200, ok.status(), ok::body);
      assertEquals("2024-05-01", ok.json().get("from").asText());
      assertEquals(0, ok.json().get("rows").size());
      assertProblem(server.get("/api/search?q=care&prev=not-an-id"), 400, "prev");
    }
  }

  @Test
  void report_dates_outside_years_1_to_9999_are_a_400_worded_as_in_search() throws IOException {
    try (var server = TestServer.start(workDir)) {
      for (String report : Analytics.reportNames()) {
        for (String path :
            List.of(
                "/api/admin/analytics/" + report + "?",
                "/api/admin/analytics/" + report + ".csv?")) {
          for (String query :
              List.of(
                  "from=%2B999999999-12-31",
                  "to=-999999999-01-01",
                  "from=-999999999-01-01",
                  "to=%2B999999999-12-31",
                  "from=-0001-01-01&to=-0001-01-01",
                  "from=0000-01-01&to=0000-01-01",
                  "from=%2B10000-01-01")) {
            Response r = admin(server, path + query);
            assertProblem(r, 400, query.substring(0, query.indexOf('=')));
            assertTrue(
                r.json()
                    .path("detail")
                    .asText()
                    .startsWith("dates run from 0001-01-01 to 9999-12-31"),
                () -> path + query + " answered " + r.body());
          }
          // The first and last days there are still make a report.
          for (String query : List.of("to=0001-01-01", "from=9999-12-31")) {
            Response r = admin(server, path + query);
            assertEquals(200, r.status(), () -> path + query + " answered " + r.body());
          }
        }
      }
    }
  }

  @Test
  void bad_click_beacons_get_a_problem_and_unknown_searches_are_ignored() throws IOException {
    try (var server = TestServer.start(workDir)) {
      String id = server.search("q", "care").get("searchId").asText();
      assertProblem(click(server, "not json"), 400, null);
      assertProblem(click(server, "[1,2]"), 400, null);
      assertProblem(click(server, ""), 400, null);
      assertProblem(click(server, "{\"position\":1}"), 400, "searchId");
      assertProblem(click(server, "{\"searchId\":42,\"position\":1}"), 400, "searchId");
      assertProblem(click(server, beacon(id, 0, "p")), 400, "position");
      assertProblem(click(server, beacon(id, 10_001, "p")), 400, "position");
      assertProblem(
          click(server, "{\"searchId\":\"" + id + "\",\"position\":\"3\"}"), 400, "position");
      assertProblem(
          click(server, "{\"searchId\":\"" + id + "\",\"position\":1.5}"), 400, "position");
      assertProblem(
          click(server, "{\"searchId\":\"" + id + "\",\"position\":1,\"id\":7}"), 400, "id");
      String oneClick = "{\"searchId\":\"" + id + "\",\"position\":1}";
      assertProblem(click(server, oneClick + "garbage"), 400, null);
      assertProblem(click(server, oneClick + "{}"), 400, null);
      assertProblem(click(server, beacon(id, 1, "x".repeat(3000))), 413, null);
      assertProblem(server.get("/api/analytics/click"), 404, null);
      assertEquals(
          204, click(server, "{\"searchId\":\"" + id + "\",\"position\":1}").status(), "no id");
      awaitToday(server, "clicks", 1);
      assertNotNull(rowsOnce(server, "positions", 1).get("1"));
      Response summary = admin(server, "/api/admin/analytics");
      assertFalse(summary.body().contains(workDir.toString()), "no server path in an answer");
    }
  }

  @Test
  void the_admin_page_is_served_with_the_page_policy_and_versioned_modules() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response page = server.get("/admin");
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").startsWith("text/html"));
      assertEquals(UiRoutes.PAGE_CSP, page.header("Content-Security-Policy"));
      var script =
          java.util.regex.Pattern.compile("src=\"(admin\\.js\\?v=[\\w-]+)\"").matcher(page.body());
      assertTrue(script.find(), page::body);
      Response module = server.get("/" + script.group(1));
      assertEquals(200, module.status());
      assertTrue(module.body().contains("./admin-model.js?v="), "its imports are versioned");
      Response slash = server.get("/admin/?x=1");
      assertEquals(308, slash.status(), "relative links need /admin, not /admin/");
      assertEquals("../admin?x=1", slash.header("Location"), "relative: it holds under a prefix");
    }
  }
}
