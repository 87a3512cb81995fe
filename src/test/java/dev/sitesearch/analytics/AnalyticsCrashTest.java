package dev.sitesearch.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.AnalyticsSettings;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics store of a real server keeps its events across a restart, and a server killed with
 * SIGKILL while it writes leaves a store that opens whole, with everything it had committed.
 */
class AnalyticsCrashTest {
  private static final Pattern SERVING = Pattern.compile("serving (\\d+) pages at (http://\\S+)");
  private static final String TOKEN = "an4lytics";

  @TempDir Path tmp;

  private static SiteFolders site(Path dir) throws IOException {
    var site = SiteFolders.in(dir);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    return site;
  }

  private static ReportRange today() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    return new ReportRange(day.minusDays(1), day.plusDays(1), 1000);
  }

  private static long searches(Analytics analytics) throws IOException {
    return analytics.report("days", today()).rows().stream()
        .mapToLong(row -> ((Number) row.get("searches")).longValue())
        .sum();
  }

  private static int get(String url) {
    return TestHttp.send(TestHttp.request(url)).statusCode();
  }

  @Test
  void a_restarted_server_still_reports_the_searches_it_counted_before() throws IOException {
    var site = site(tmp);
    var config = Seed.config().withServer(ServerSettings.ephemeral(List.of(), TOKEN));
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp();
    try (var server =
        TestAssembly.of(site.content(), site.index()).withConfig(config).serve(options)) {
      for (int i = 0; i < 20; i++) assertEquals(200, get(server.url() + "api/search?q=care"));
    } // closed at once: the events still queued are written on close
    try (var server =
        TestAssembly.of(site.content(), site.index()).withConfig(config).serve(options)) {
      var answer =
          TestHttp.send(
              TestHttp.request(
                  server.url() + "api/admin/analytics/queries",
                  "Authorization",
                  "Bearer " + TOKEN));
      JsonNode rows = TestHttp.json(answer.statusCode(), answer.body()).get("rows");
      assertEquals(1, rows.size(), rows::toString);
      assertEquals("care", rows.get(0).get("query").asText());
      assertEquals(20, rows.get(0).get("searches").asInt());
    }
  }

  @Test
  @Timeout(180)
  void sigkill_while_writing_leaves_a_whole_store_with_what_was_committed() throws Exception {
    var site = site(tmp);
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    ProcessBuilder builder = ChildJvm.sitesearch(List.of("-XX:TieredStopAtLevel=1"), args);
    builder.environment().put("SITESEARCH_ADMIN_TOKEN", TOKEN);
    Process serve = builder.start();
    var url = new CompletableFuture<String>();
    ChildJvm.readLines(
        serve,
        new StringBuilder(),
        line -> {
          var m = SERVING.matcher(line);
          if (m.find()) url.complete(m.group(2));
        });
    int committed = 50;
    var sent = new AtomicInteger();
    var stop = new AtomicBoolean();
    try {
      String base = url.get(90, TimeUnit.SECONDS);
      for (int i = 0; i < committed; i++) assertEquals(200, get(base + "api/search?q=care+" + i));
      // The server commits every second: wait until its own report shows all of them.
      long end = System.nanoTime() + 20_000_000_000L;
      long reported = 0;
      while (reported < committed && System.nanoTime() < end) {
        Thread.sleep(200);
        var r =
            TestHttp.send(
                TestHttp.request(
                    base + "api/admin/analytics/days", "Authorization", "Bearer " + TOKEN));
        reported = 0;
        for (JsonNode row : TestHttp.json(r.statusCode(), r.body()).get("rows"))
          reported += row.get("searches").asLong();
      }
      assertEquals(committed, reported, "committed before the kill");
      // Then searches keep coming (and commits with them) while the process is killed.
      var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      // A thread of its own: the common pool may have a single thread, taken by the output reader.
      var traffic =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!stop.get()) {
                      try {
                        client.send(
                            HttpRequest.newBuilder(URI.create(base + "api/search?q=walrus"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                        sent.incrementAndGet();
                      } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                      }
                    }
                  });
      long busy = System.nanoTime() + 60_000_000_000L;
      while (sent.get() < 300 && traffic.isAlive() && System.nanoTime() < busy) Thread.sleep(10);
      assertTrue(
          sent.get() >= 300, "searches answered while writing: " + sent.get() + " " + traffic);
      serve.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
      stop.set(true);
      traffic.join(30_000);
    } finally {
      stop.set(true);
      serve.destroyForcibly();
    }

    Path store = AnalyticsSettings.DEFAULTS.folderFor(site.index());
    try (var dir = FSDirectory.open(store);
        var check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, "the store is not corrupt");
    }
    try (var analytics =
        Analytics.open(AnalyticsSettings.DEFAULTS, site.index(), Clock.systemUTC())) {
      assertTrue(analytics.enabled(), "the killed process's lock does not keep the store shut");
      long kept = searches(analytics);
      assertTrue(
          kept >= committed && kept <= committed + sent.get() + 1,
          "kept " + kept + ": all " + committed + " committed, at most what was sent after");
      // And it takes new events as before, and keeps them.
      analytics.recordSearch(
          SearchRequest.of("after"),
          new SearchResponse("after", 1, 1, 10, 1, List.of(), Map.of(), null, List.of(), false),
          1,
          null);
      analytics.close();
      try (var reopened =
          Analytics.open(AnalyticsSettings.DEFAULTS, site.index(), Clock.systemUTC())) {
        assertEquals(kept + 1, searches(reopened));
      }
    }
  }
}
