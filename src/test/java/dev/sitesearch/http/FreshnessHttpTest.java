package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server shows content changes promptly: a commit made by another indexer process within
 * about a second, and, in watch mode, files saved, edited or deleted in the content folder within
 * about a second. Each check polls for up to five seconds so a slow machine does not fail it.
 */
class FreshnessHttpTest {
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  @TempDir Path workDir;

  @Test
  void commit_made_by_a_separate_indexer_is_served_without_restart() throws IOException {
    try (var server = TestServer.start(workDir)) {
      long generationBefore = server.get("/api/health").json().get("generation").asLong();
      writePage(
          server.content().resolve("news/external-commit.md"),
          "6001",
          "Quokka Clinic Opens",
          "quokka");

      IndexSummary summary =
          TestServer.indexer(server.content(), server.index()).run(false, Indexer.Progress.NONE);

      assertEquals(1, summary.added());
      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "quokka").get("total").asInt() == 1),
          "the page committed by another indexer is searchable");
      assertTrue(server.get("/api/health").json().get("generation").asLong() > generationBefore);
      assertEquals(17, server.get("/api/health").json().get("documents").asInt());
    }
  }

  @Test
  void watched_folder_new_page_file_becomes_searchable() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      writePage(
          server.content().resolve("news/watched-new.md"),
          "6002",
          "Axolotl Research Grant",
          "axolotl");

      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "axolotl").get("total").asInt() == 1),
          "the new page is searchable");
      assertTrue(
          TestServer.eventually(
              DEADLINE,
              () -> server.get("/api/suggest?q=axolo").json().get("suggestions").size() == 1),
          "and suggested as a title");
    }
  }

  @Test
  void watched_folder_new_page_in_a_new_subfolder_becomes_searchable() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      Path folder = Files.createDirectories(server.content().resolve("reports/2025"));
      writePage(folder.resolve("annual.md"), "6005", "Annual Narwhal Report", "narwhal");

      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "narwhal").get("total").asInt() == 1));
    }
  }

  @Test
  void watched_folder_edited_page_file_shows_its_new_text() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      Path file = server.content().resolve("events/interoperability-summit-2023.md");
      assertEquals(1, server.search("q", "connectathon").get("total").asInt());

      Files.writeString(
          file,
          Files.readString(file)
              .replace("connectathon", "hackathon")
              .replace(
                  "Interoperability Summit 2023", "Interoperability Summit 2023 (Rescheduled)"));

      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "hackathon").get("total").asInt() == 1),
          "the new word is found");
      assertEquals(
          0, server.search("q", "connectathon").get("total").asInt(), "the old word is gone");
      assertEquals(
          "Interoperability Summit 2023 (Rescheduled)",
          server.get("/api/documents/4004").json().get("title").asText());
    }
  }

  @Test
  void watched_folder_deleted_page_file_leaves_the_results() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      assertEquals(1, server.search("q", "broadband").get("total").asInt());

      Files.delete(server.content().resolve("news/telehealth-rules-for-rural-clinics.md"));

      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "broadband").get("total").asInt() == 0),
          "the deleted page is no longer found");
      assertEquals(404, server.get("/api/documents/4001").status());
      assertEquals(15, server.get("/api/health").json().get("documents").asInt());
    }
  }

  @Test
  void watched_folder_add_edit_and_delete_in_turn_are_each_shown() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      Path file = server.content().resolve("articles/watched-sequence.md");
      writePage(file, "6003", "Pangolin Telemetry Notes", "pangolin");
      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "pangolin").get("total").asInt() == 1),
          "added");

      writePage(file, "6003", "Pangolin Telemetry Notes, Revised", "armadillo");
      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "armadillo").get("total").asInt() == 1),
          "edited");

      Files.delete(file);
      assertTrue(
          TestServer.eventually(
              DEADLINE, () -> server.search("q", "pangolin").get("total").asInt() == 0),
          "deleted");
      assertEquals(0, server.search("q", "armadillo").get("total").asInt());
    }
  }

  @Test
  void watched_folder_page_turned_draft_leaves_the_results() throws IOException {
    try (var server = TestServer.startWatching(workDir)) {
      Path file = server.content().resolve("videos/setting-up-rpm-devices.md");
      assertEquals(200, server.get("/api/documents/4008").status());

      Files.writeString(file, Files.readString(file).replaceFirst("---\n", "---\ndraft: true\n"));

      assertTrue(
          TestServer.eventually(DEADLINE, () -> server.get("/api/documents/4008").status() == 404));
    }
  }

  private static void writePage(Path file, String id, String title, String word)
      throws IOException {
    Files.writeString(
        file,
        """
        ---
        id: %s
        title: %s
        date: '2025-02-01T10:00:00Z'
        searchCategory: News
        ---

        A short page about the %s, written while the server was running.
        """
            .formatted(id, title, word));
  }
}
