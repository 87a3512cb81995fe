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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

  private static JsonNode get(RunningServer server, String pathAndQuery) throws IOException {
    return TestHttp.MAPPER.readTree(
        TestHttp.send(TestHttp.request(server.url() + pathAndQuery.substring(1))).body());
  }

  private static long hits(RunningServer server, String word) throws IOException {
    return get(server, "/api/search?q=" + word).get("total").asLong();
  }

  /** Polls {@code condition} until it holds or {@code seconds} pass. */
  private static boolean within(int seconds, Check condition) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      if (condition.holds()) return true;
      Thread.sleep(50);
    }
    return condition.holds();
  }

  interface Check {
    boolean holds() throws Exception;
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

  @Test
  @Timeout(60)
  void serve_watch_indexes_a_new_page_while_the_folder_never_goes_quiet() throws Exception {
    TestAssembly.index(site.content(), site.index());
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp().watching(true);
    var writing = new AtomicBoolean(true);
    try (var server = TestAssembly.of(site.content(), site.index()).serve(options)) {
      // A save every 5 ms, as a generator or a sync tool makes them: never 150 ms of quiet.
      Thread churn =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; writing.get(); i++) {
                      try {
                        ContentFiles.page(site.content(), "busy.md", "title: Busy", "Save " + i);
                        Thread.sleep(5);
                      } catch (IOException | InterruptedException e) {
                        return;
                      }
                    }
                  });
      try {
        ContentFiles.page(site.content(), "narwhal.md", "title: Narwhal count", "Narwhals.");

        assertTrue(within(10, () -> hits(server, "narwhal") == 1), "never indexed while busy");
        assertTrue(churn.isAlive(), "the folder was busy all along");
      } finally {
        writing.set(false);
        churn.join();
      }
    }
  }

  private static HttpResponse<String> health(RunningServer server) {
    return TestHttp.send(TestHttp.request(server.url() + "api/health"));
  }

  private static boolean failingWith(HttpResponse<String> health, String task) throws IOException {
    JsonNode body = TestHttp.MAPPER.readTree(health.body());
    return health.statusCode() == 503
        && body.get("status").asText().equals("failing")
        && body.get("failing").size() == 1
        && body.get("failing").get(0).get("task").asText().equals(task);
  }

  @Test
  @Timeout(60)
  void health_is_failing_while_the_newest_commit_cannot_be_opened_and_ok_once_it_can()
      throws Exception {
    TestAssembly.index(site.content(), site.index());
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp();
    try (var server = TestAssembly.of(site.content(), site.index()).serve(options)) {
      assertEquals(200, health(server).statusCode());
      JsonNode ok = get(server, "/api/health");
      var fields = new ArrayList<String>();
      ok.fieldNames().forEachRemaining(fields::add);
      assertEquals(
          List.of(
              "status", "documents", "indexedAt", "generation", "failing", "index", "lastReindex"),
          fields);
      assertEquals(0, ok.get("failing").size());
      long generation = ok.get("generation").asLong();
      // Another process's commit that cannot be read: a truncated segments file, say.
      Path broken =
          site.index().resolve("segments_" + Long.toString(generation + 1, Character.MAX_RADIX));
      Files.write(broken, new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17});

      assertTrue(
          within(10, () -> failingWith(health(server), "opening new index commits")),
          () -> health(server).body());
      assertEquals(1, hits(server, "clams"), "searches answer from the last commit");

      Files.delete(broken);
      assertTrue(within(10, () -> health(server).statusCode() == 200), "ok again");
      assertEquals("ok", get(server, "/api/health").get("status").asText());
    }
  }

  @Test
  @Timeout(60)
  void health_is_failing_while_the_catch_up_pass_fails_and_ok_once_a_retry_works()
      throws Exception {
    TestAssembly.index(site.content(), site.index());
    Path away = tmp.resolve("content-unmounted");
    Files.move(site.content(), away); // the content volume is not mounted yet, say
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0); // catch-up after 2 s
    try (var server = TestAssembly.of(site.content(), site.index()).serve(options)) {
      assertTrue(
          within(10, () -> failingWith(health(server), "bringing the index up to date at start")),
          () -> health(server).body());
      assertEquals(1, hits(server, "clams"), "searches answer meanwhile");

      Files.move(away, site.content());
      ContentFiles.page(site.content(), "c.md", "id: c\ntitle: Walrus tusks", "Ivory.");

      assertTrue(within(10, () -> health(server).statusCode() == 200), "ok once a retry works");
      assertEquals(1, hits(server, "ivory"), "and the retry brought the index up to date");
    }
  }
}
