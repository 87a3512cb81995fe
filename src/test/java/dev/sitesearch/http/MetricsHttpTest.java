package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerSettings.Metrics;
import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text whose counts are the traffic the server had. */
class MetricsHttpTest {
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  @Test
  void counts_equal_the_requests_sent() throws IOException {
    try (var server = TestServer.start(workDir)) {
      for (int i = 0; i < 3; i++) assertEquals(200, server.get("/api/search?q=care").status());
      for (int i = 0; i < 2; i++)
        assertEquals(200, server.get("/api/search?q=zzqxjvwk+qqxxzzv").status());
      assertEquals(400, server.get("/api/search?q=care&size=0").status());
      assertEquals(404, server.get("/api/documents/no-such-page").status());
      assertEquals(404, server.get("/no/such/path/" + "x".repeat(20)).status());
      assertEquals(200, server.post("/api/admin/reindex", AUTH, BEARER).status());

      Response r = server.get("/metrics");
      assertEquals(200, r.status(), r::body);
      assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r::toString);
      String text = r.body();

      assertEquals(3, value(text, "sitesearch_searches_total", "outcome=\"hits\""));
      assertEquals(2, value(text, "sitesearch_searches_total", "outcome=\"no_hits\""));
      assertEquals(1, value(text, "sitesearch_searches_total", "outcome=\"error\""));
      assertEquals(
          5,
          value(
              text,
              "sitesearch_http_requests_seconds_count",
              "method=\"GET\",route=\"/api/search\",status=\"200\""));
      assertEquals(
          1,
          value(
              text,
              "sitesearch_http_requests_seconds_count",
              "method=\"GET\",route=\"/api/documents/<id>\",status=\"404\""));
      assertEquals(
          1,
          value(
              text,
              "sitesearch_http_requests_seconds_count",
              "method=\"GET\",route=\"unmatched\",status=\"404\""));
      assertTrue(
          !text.contains("/no/such/path"), "a path a client sent never becomes a series name");
      assertTrue(
          text.contains(
              "sitesearch_http_requests_seconds_bucket{method=\"GET\",route=\"/api/search\""),
          "latency as a histogram");

      assertEquals(16, value(text, "sitesearch_index_documents", ""));
      assertTrue(value(text, "sitesearch_index_size_bytes", "") > 0);
      assertEquals(1, value(text, "sitesearch_reindex_runs_total", "outcome=\"committed\""));
      assertEquals(0, value(text, "sitesearch_reindex_runs_total", "outcome=\"failed\""));
      assertEquals(1, value(text, "sitesearch_reindex_last_committed", ""));
      assertTrue(value(text, "sitesearch_reindex_last_end", "") > 1.7e9, "seconds since 1970");
      assertTrue(text.contains("jvm_memory_used_bytes"), "JVM memory");
      assertTrue(text.contains("jvm_threads_live_threads"), "JVM threads");
      assertTrue(text.contains("jvm_gc_"), "GC");
    }
  }

  @Test
  void a_method_name_a_client_makes_up_is_counted_as_other_and_never_becomes_a_series()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      for (int i = 0; i < 3; i++) {
        var r =
            server.raw(
                "M"
                    + i
                    + "_"
                    + "B".repeat(300)
                    + " /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(404, r.status(), r::text);
      }

      String text = server.get("/metrics").body();
      assertFalse(text.contains("BBBB"), "a made-up method is no label value");
      assertEquals(
          3,
          value(
              text,
              "sitesearch_http_requests_seconds_count",
              "method=\"other\",route=\"unmatched\",status=\"404\""));
    }
  }

  @Test
  void head_answers_with_the_status_get_would_on_every_admin_and_description_route()
      throws IOException {
    try (var server = TestServer.startWithMetrics(workDir, Metrics.ADMIN)) {
      for (String path :
          new String[] {
            "/metrics",
            "/api/admin/analytics",
            "/api/admin/analytics/queries",
            "/api/admin/analytics/no-such-report",
            "/api/admin/curation",
            "/api/admin/curation/history",
            "/openapi.json"
          }) {
        for (String[] auth : new String[][] {{}, {AUTH, BEARER}}) {
          Response get = server.get(path, auth);
          Response head = server.head(path, auth);
          assertEquals(get.status(), head.status(), () -> path + " " + auth.length);
          assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
          assertEquals("", head.body(), path);
        }
      }
    }
  }

  @Test
  void metrics_behind_the_admin_token_need_it_and_off_means_404() throws IOException {
    try (var server = TestServer.startWithMetrics(workDir.resolve("a"), Metrics.ADMIN)) {
      assertEquals(401, server.get("/metrics").status());
      assertEquals(200, server.get("/metrics", AUTH, BEARER).status());
    }
    try (var server = TestServer.startWithMetrics(workDir.resolve("b"), Metrics.OFF)) {
      Response r = server.get("/metrics");
      assertEquals(404, r.status());
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::toString);
    }
  }

  /** The value of the series {@code name{labels}} (labels in Prometheus' sorted order). */
  private static double value(String text, String name, String labels) {
    String series = labels.isEmpty() ? name : name + "{" + labels + "}";
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(text);
    assertTrue(m.find(), () -> "no series " + series + " in:\n" + grepped(text, name));
    return Double.parseDouble(m.group(1));
  }

  private static String grepped(String text, String name) {
    return String.join("\n", text.lines().filter(l -> l.startsWith(name)).toList());
  }
}
