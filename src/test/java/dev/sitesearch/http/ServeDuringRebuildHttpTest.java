package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server keeps answering from its last good index while a full rebuild runs, and through a
 * reindex that fails: every answer during a rebuild counts the pages of the old index or of the new
 * one, never a half-built one, and a failed reindex leaves the served index as it was and tells the
 * admin client that it failed without naming files.
 */
class ServeDuringRebuildHttpTest {
  private static final int GENERATED = 3000;
  private static final int FIXTURE_PAGES = 16;
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  /** Small pages that all contain the word "quokka", so one query counts them. */
  private static void generatePages(Path content) throws IOException {
    Path folder = Files.createDirectories(content.resolve("generated"));
    for (int i = 0; i < GENERATED; i++) {
      Files.writeString(
          folder.resolve("page-" + i + ".md"),
          """
          ---
          id: gen-%d
          title: Generated page %d on quokka care
          date: '2024-01-%02dT10:00:00Z'
          searchCategory: Generated
          ---

          Page %d of a generated set. The quokka clinic offers remote monitoring and chronic care management for
          small marsupials, with telehealth visits every week and a care plan for each patient.
          """
              .formatted(i, i, 1 + i % 28, i));
    }
  }

  private static long quokkas(TestServer server) {
    Response r = server.get("/api/search?q=quokka&size=1&facets=searchCategory");
    assertEquals(200, r.status(), r::body);
    return r.json().get("total").asLong();
  }

  @Test
  void full_rebuild_while_searching_every_answer_counts_the_old_index_or_the_new_one()
      throws Exception {
    try (var server = TestServer.startWith(workDir, ServeDuringRebuildHttpTest::generatePages)) {
      assertEquals(GENERATED, quokkas(server));
      for (int i = 0; i < 500; i++)
        Files.delete(server.content().resolve("generated/page-" + i + ".md"));
      long generationBefore = server.get("/api/health").json().get("generation").asLong();

      CompletableFuture<Response> rebuild =
          CompletableFuture.supplyAsync(
              () -> server.post("/api/admin/reindex?full=true", AUTH, BEARER));
      var totals = new TreeSet<Long>();
      var documents = new TreeSet<Long>();
      int answeredDuringRebuild = 0;
      while (!rebuild.isDone()) {
        totals.add(quokkas(server));
        Response health = server.get("/api/health");
        assertEquals(200, health.status(), health::body);
        documents.add(health.json().get("documents").asLong());
        assertEquals(200, server.get("/api/suggest?q=generated+page").status());
        answeredDuringRebuild++;
      }
      Response done = rebuild.get();

      assertEquals(200, done.status(), done::body);
      assertEquals("full", done.json().get("mode").asText());
      assertTrue(answeredDuringRebuild > 0, "the rebuild took long enough to search during it");
      assertTrue(
          List.of((long) GENERATED, (long) GENERATED - 500).containsAll(totals),
          () -> "counts " + totals);
      assertTrue(
          List.of((long) GENERATED + FIXTURE_PAGES, (long) GENERATED - 500 + FIXTURE_PAGES)
              .containsAll(documents),
          () -> "documents " + documents);
      assertEquals(GENERATED - 500, quokkas(server), "the new index once the rebuild has answered");
      assertTrue(server.get("/api/health").json().get("generation").asLong() > generationBefore);
      System.out.printf(
          "%d rounds of search, health and suggest answered during the rebuild; totals seen %s%n",
          answeredDuringRebuild, totals);
    }
  }

  @Test
  void failed_reindex_is_a_problem_without_paths_and_searches_go_on_from_the_last_good_index()
      throws Exception {
    try (var server = TestServer.startWith(workDir, ServeDuringRebuildHttpTest::generatePages)) {
      long generation = server.get("/api/health").json().get("generation").asLong();
      Path content = server.content();
      Path away = workDir.resolve("content-unmounted");
      Files.move(content, away); // the content volume is gone, say

      var failures = new ArrayList<Response>();
      CompletableFuture<Response> reindex =
          CompletableFuture.supplyAsync(
              () -> server.post("/api/admin/reindex?full=true", AUTH, BEARER));
      while (!reindex.isDone()) assertEquals(GENERATED, quokkas(server));
      failures.add(reindex.get());
      failures.add(server.post("/api/admin/reindex", AUTH, BEARER));

      for (Response failed : failures) {
        TestServer.assertProblem(failed, 500, null);
        assertEquals("Reindex failed", failed.json().get("title").asText());
        for (String leak : List.of(workDir.toString(), "/tmp", "content", ".md", "java")) {
          assertFalse(failed.body().contains(leak), () -> "'" + leak + "' in " + failed.body());
        }
      }
      assertEquals(GENERATED, quokkas(server), "the last good index is still served");
      assertEquals(
          GENERATED + FIXTURE_PAGES, server.get("/api/health").json().get("documents").asLong());
      assertEquals(
          generation,
          server.get("/api/health").json().get("generation").asLong(),
          "no commit was made");
      assertEquals(200, server.get("/api/documents/gen-7").status());

      Files.move(away, content);
      Response recovered = server.post("/api/admin/reindex?full=true", AUTH, BEARER);
      assertEquals(200, recovered.status(), recovered::body);
      assertEquals(GENERATED, quokkas(server));
    }
  }
}
