package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerLimits.RateLimit;
import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/admin/reindex}: guarded by the admin token, and what it indexes is searchable at
 * once.
 */
class AdminReindexHttpTest {
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;
  private static final String XFF = "X-Forwarded-For";

  @TempDir Path workDir;

  @Test
  void reindex_with_the_token_answers_the_index_summary() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response r = server.post("/api/admin/reindex", AUTH, BEARER);

      assertEquals(200, r.status(), r::body);
      assertEquals("no-store", r.header("Cache-Control"));
      JsonNode summary = r.json();
      assertEquals("incremental", summary.get("mode").asText());
      assertEquals(0, summary.get("added").asInt());
      assertEquals(0, summary.get("updated").asInt());
      assertEquals(0, summary.get("deleted").asInt());
      assertEquals(16, summary.get("unchanged").asInt());
      assertEquals(1, summary.get("skipped").asInt(), "the draft");
      assertEquals(0, summary.get("failed").asInt());
      assertEquals(16, summary.get("documents").asInt());
      assertTrue(summary.get("failures").isArray() && summary.get("failures").isEmpty());
    }
  }

  @Test
  void full_reindex_rebuilds_and_keeps_every_page_searchable() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response r = server.post("/api/admin/reindex?full=true", AUTH, BEARER);

      assertEquals(200, r.status(), r::body);
      assertEquals("full", r.json().get("mode").asText());
      assertEquals(16, r.json().get("documents").asInt());
      assertEquals(16, server.search().get("total").asInt());
    }
  }

  @Test
  void page_added_to_the_content_folder_is_searchable_as_soon_as_reindex_answers()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      assertEquals(0, server.search("q", "zebrafish").get("total").asInt());
      Files.writeString(
          server.content().resolve("news/zebrafish-study.md"),
          """
          ---
          id: 5001
          title: Zebrafish Study Sheds Light on Heart Repair
          date: '2025-02-01T10:00:00Z'
          searchCategory: News
          communityTopics:
          - 'Medigy: Cardiology'
          ---

          Researchers watched zebrafish regrow heart muscle within weeks.
          """);

      Response r = server.post("/api/admin/reindex", AUTH, BEARER);

      assertEquals(200, r.status(), r::body);
      assertEquals(1, r.json().get("added").asInt());
      assertEquals(17, r.json().get("documents").asInt());
      JsonNode found = server.search("q", "zebrafish");
      assertEquals(1, found.get("total").asInt());
      assertEquals("5001", found.at("/hits/0/id").asText());
      assertEquals(200, server.get("/api/documents/5001").status());
      assertEquals(
          1, server.search("f.communityTopics", "Medigy: Cardiology").get("total").asInt());
      assertEquals(17, server.get("/api/health").json().get("documents").asInt());
    }
  }

  @Test
  void page_deleted_from_the_content_folder_is_gone_as_soon_as_reindex_answers()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      assertEquals(1, server.search("q", "connectathon").get("total").asInt());
      Files.delete(server.content().resolve("events/interoperability-summit-2023.md"));

      Response r = server.post("/api/admin/reindex", AUTH, BEARER);

      assertEquals(1, r.json().get("deleted").asInt(), r::body);
      assertEquals(0, server.search("q", "connectathon").get("total").asInt());
      TestServer.assertProblem(server.get("/api/documents/4004"), 404, null);
    }
  }

  @Test
  void reindex_while_another_indexer_holds_the_index_is_a_409_problem_and_works_once_it_is_done()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      try (var directory = FSDirectory.open(server.index());
          var otherWriter = new IndexWriter(directory, new IndexWriterConfig())) {
        TestServer.assertProblem(server.post("/api/admin/reindex", AUTH, BEARER), 409, null);
        assertEquals(200, server.get("/api/search?q=care").status(), "searching goes on meanwhile");
      }
      assertEquals(200, server.post("/api/admin/reindex", AUTH, BEARER).status());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "news/café notes.md   | news/caf%C3%A9%20notes.md",
        "news/c++ tips.md     | news/c%2B%2B%20tips.md",
        "news/c++ tips.md     | news/c++%20tips.md",
        "news/50% off.md      | news/50%25%20off.md",
        "news/what?.md        | news/what%3F.md",
        "news/a#b.md          | news/a%23b.md"
      })
  void page_whose_id_is_a_path_with_special_characters_opens_from_its_encoded_id(
      String path, String encoded) throws IOException {
    try (var server = TestServer.start(workDir)) {
      Files.writeString(
          server.content().resolve(path),
          """
          ---
          title: Odd File Name
          date: '2025-02-01T10:00:00Z'
          ---

          A page saved under an unusual file name.
          """);
      server.post("/api/admin/reindex", AUTH, BEARER);
      assertEquals(
          List.of(path), TestServer.ids(server.search("q", "unusual")), "the id is the path");

      Response r = server.get("/api/documents/" + encoded);

      assertEquals(
          200, r.status(), () -> "GET /api/documents/" + encoded + " answered " + r.body());
      assertEquals(path, r.json().get("id").asText());
    }
  }

  @Test
  void reindex_with_a_missing_or_wrong_token_is_unauthorized() throws IOException {
    try (var server = TestServer.start(workDir)) {
      TestServer.assertProblem(server.post("/api/admin/reindex"), 401, null);
      for (String authorization :
          List.of(
              "Bearer",
              "Bearer ",
              "Bearer wrong",
              "Bearer s3cret2",
              "Bearer S3CRET",
              "Bearer s3cre",
              "Basic s3cret",
              "s3cret",
              "Bearer  s3cret x")) {
        Response r = server.post("/api/admin/reindex", AUTH, authorization);
        assertEquals(
            401, r.status(), () -> "Authorization: " + authorization + " answered " + r.body());
        TestServer.assertProblem(r, 401, null);
      }
      assertEquals(16, server.get("/api/health").json().get("documents").asInt());
    }
  }

  @Test
  void a_client_that_keeps_sending_wrong_tokens_is_throttled_even_with_the_rate_limit_off()
      throws IOException {
    // The proxy header is trusted here only to tell two clients apart on one machine.
    var limits = ServerLimits.defaults().withRateLimit(new RateLimit(0, 0, true));
    try (var server = TestServer.startWithLimits(workDir, limits)) {
      String guesser = "203.0.113.9";
      for (int i = 0; i < 10; i++) {
        Response r = server.post("/api/admin/reindex", AUTH, "Bearer guess" + i, XFF, guesser);
        TestServer.assertProblem(r, 401, null);
      }

      Response throttled = server.post("/api/admin/reindex", AUTH, "Bearer guess", XFF, guesser);
      TestServer.assertProblem(throttled, 429, null);
      assertTrue(Long.parseLong(throttled.header("Retry-After")) >= 1, throttled::toString);
      assertEquals(
          429,
          server.post("/api/admin/reindex", AUTH, BEARER, XFF, guesser).status(),
          "while throttled even the right token is refused, so guessing learns nothing");
      assertEquals(
          200,
          server.post("/api/admin/reindex", AUTH, BEARER, XFF, "198.51.100.4").status(),
          "another client is not held up");
      assertEquals(200, server.get("/api/search?q=care", XFF, guesser).status(), "searches go on");
    }
  }

  @Test
  void admin_api_is_off_when_no_token_is_configured() throws IOException {
    try (var server = TestServer.startWithoutAdminToken(workDir)) {
      TestServer.assertProblem(server.post("/api/admin/reindex"), 404, null);
      TestServer.assertProblem(server.post("/api/admin/reindex", AUTH, BEARER), 404, null);
      TestServer.assertProblem(server.post("/api/admin/reindex", AUTH, "Bearer "), 404, null);
      assertEquals(200, server.get("/api/search?q=care").status(), "the public API still answers");
    }
  }

  @Test
  void reindex_with_a_full_flag_that_is_not_a_boolean_is_refused_naming_full() throws IOException {
    try (var server = TestServer.start(workDir)) {
      TestServer.assertProblem(
          server.post("/api/admin/reindex?full=maybe", AUTH, BEARER), 400, "full");
    }
  }

  @Test
  void reindex_only_answers_post() throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response r = server.get("/api/admin/reindex", AUTH, BEARER);

      assertTrue(r.status() == 404 || r.status() == 405, () -> r.status() + " " + r.body());
      TestServer.assertProblem(r, r.status(), null);
    }
  }
}
