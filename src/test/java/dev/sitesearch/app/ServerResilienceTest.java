package dev.sitesearch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.ConfigLoader;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server survives what goes wrong under it: an admin reindex that meets a file too large
 * to hold answers its summary, not an empty 500.
 */
class ServerResilienceTest {
  static final String TOKEN = "t0ken";

  @TempDir Path tmp;
  SiteFolders site;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "a.md", "id: a\ntitle: Walrus census", "Walruses.");
    ContentFiles.page(site.content(), "b.md", "id: b\ntitle: Walrus diet", "Clams.");
  }

  /** The server as {@code serve} starts it, with {@code yaml} as its sitesearch.yml. */
  private RunningServer serve(String yaml) throws IOException {
    Files.writeString(site.config(), yaml);
    var config = ConfigLoader.load(site.config(), Map.of(ConfigLoader.ADMIN_TOKEN_ENV, TOKEN));
    return TestAssembly.of(site.content(), site.index())
        .withConfig(config)
        .serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp());
  }

  private static HttpResponse<String> reindex(RunningServer server) {
    return TestHttp.send(
        TestHttp.request(server.url() + "api/admin/reindex", "Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  @Timeout(60) // reading 3 GB would take longer
  void an_admin_reindex_meeting_a_file_too_large_to_hold_answers_its_summary() throws Exception {
    try (var server = serve("content:\n  maxFileSize: 4GB\n")) {
      try (var f = new RandomAccessFile(site.content().resolve("huge.md").toFile(), "rw")) {
        f.setLength(3L << 30); // sparse: no disk space taken
      }

      HttpResponse<String> r = reindex(server);

      assertEquals(200, r.statusCode(), r.body());
      JsonNode summary = TestHttp.MAPPER.readTree(r.body());
      assertEquals(1, summary.get("failed").asInt(), r.body());
      assertEquals("huge.md", summary.get("failures").get(0).get("path").asText());
      assertTrue(
          summary.get("failures").get(0).get("reason").asText().contains("more than can be read"),
          r.body());
      assertEquals(2, summary.get("documents").asInt());
      assertEquals(200, reindex(server).statusCode(), "and the next reindex as well");
    }
  }
}
