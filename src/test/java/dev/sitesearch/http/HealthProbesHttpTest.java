package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.index.ReindexRun;
import dev.sitesearch.index.TaskStatus;
import dev.sitesearch.search.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The liveness and readiness probes tell apart a server that is up, one serving an older index
 * because its last reindex failed, and one whose background task keeps failing.
 */
class HealthProbesHttpTest {
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  @Test
  void a_server_up_to_date_is_alive_and_ready_with_a_current_index() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response live = server.get("/api/health/live");
      assertEquals(200, live.status(), live::body);
      assertEquals("up", live.json().get("status").asText());
      assertEquals("no-store", live.header("Cache-Control"));

      Response ready = server.get("/api/health/ready");
      assertEquals(200, ready.status(), ready::body);
      assertEquals("ready", ready.json().get("status").asText());
      assertEquals("current", ready.json().get("index").asText());
      assertEquals(16, ready.json().get("documents").asLong());
    }
  }

  @Test
  void a_failed_reindex_leaves_the_server_ready_but_stale_until_one_commits() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Path content = server.content();
      Path aside = content.resolveSibling("content-aside");
      Files.move(content, aside);
      assertEquals(500, server.post("/api/admin/reindex", AUTH, BEARER).status());

      JsonNode ready = server.getJson("/api/health/ready");
      assertEquals("ready", ready.get("status").asText(), "the last commit is still served");
      assertEquals("stale", ready.get("index").asText());
      assertEquals("failed", ready.at("/lastReindex/outcome").asText());
      assertEquals(16, ready.get("documents").asLong());
      JsonNode health = server.getJson("/api/health");
      assertEquals("ok", health.get("status").asText(), "no background task is failing");
      assertEquals("stale", health.get("index").asText());
      assertEquals(200, server.get("/api/health/live").status());

      Files.move(aside, content);
      assertEquals(200, server.post("/api/admin/reindex", AUTH, BEARER).status());
      JsonNode again = server.getJson("/api/health/ready");
      assertEquals("current", again.get("index").asText());
      assertEquals("committed", again.at("/lastReindex/outcome").asText());
    }
  }

  @Test
  void a_task_failing_past_the_grace_makes_the_process_not_alive() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    var recent = new TaskStatus.Failure("watching the content folder", "2026-11-30T11:58:00Z", 4);
    var old = new TaskStatus.Failure("watching the content folder", "2026-11-30T11:50:00Z", 20);

    assertTrue(health(List.of()).aliveAt(now));
    assertTrue(health(List.of(recent)).aliveAt(now), "still retrying within the grace");
    assertFalse(health(List.of(old)).aliveAt(now), "failing for 10 minutes");
    assertEquals(Duration.ofMinutes(5), Health.LIVENESS_GRACE);
  }

  private static Health health(List<TaskStatus.Failure> failing) {
    var last = new ReindexRun("2026-11-30T11:00:00Z", 12, ReindexRun.COMMITTED);
    return new Health(
        failing.isEmpty() ? Health.OK : Health.FAILING, 3, null, 1, failing, Health.CURRENT, last);
  }
}
