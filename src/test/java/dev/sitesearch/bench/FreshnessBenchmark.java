package dev.sitesearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a save to the page being found, in watch mode, on the bench corpus: {@code serve --watch} as
 * shipped; a page is edited (or added) the way editors save, written beside and renamed over, with
 * a word no page has, and the search API is asked for that word every 5 ms until it answers the
 * page. The baseline in the same run: the same save followed by a reindex that walks the whole
 * folder (what every watched save cost before the watcher told runs which files changed).
 *
 * <p>The corpus is hard-linked into a temporary folder (edits replace the link), so it is never
 * changed.
 */
@Tag("benchmark")
class FreshnessBenchmark {
  private static final int SAVES = Integer.getInteger("bench.saves", 20);
  private static final Duration BETWEEN = Duration.ofMillis(1_500);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_saved_page_is_found_within_half_a_second(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    List<Path> pages = BenchCorpus.linkTree(BenchCorpus.corpus(), content);
    Path index = tmp.resolve("index");
    var assembly = TestAssembly.of(content, index);
    IndexSummary built = assembly.indexer(false).run(true, Indexer.Progress.NONE);
    var random = new Random(42);
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Long> edits;
    List<Long> added;
    try (var server =
        assembly.serve(
            RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp().watching(true))) {
      String base = server.url() + "api/search?size=1&q=";
      for (int i = 0; i < 5; i++) save(pages.get(random.nextInt(pages.size())), "warm" + i);
      Thread.sleep(8_000); // the warm-up's edits and the walk after them
      edits = new ArrayList<>();
      added = new ArrayList<>();
      for (int i = 0; i < SAVES; i++) {
        String word = "fresh" + Integer.toString(i, 36) + "q" + random.nextInt(1_000_000);
        long start = System.nanoTime();
        if (i % 4 == 3) {
          Path page = content.resolve("fresh-" + i + ".md");
          Files.writeString(page, "---\ntitle: Fresh page " + i + "\n---\n" + word + "\n");
          added.add(untilFound(client, base, word, start));
        } else {
          save(pages.get(random.nextInt(pages.size())), word);
          edits.add(untilFound(client, base, word, start));
        }
        Thread.sleep(BETWEEN.toMillis());
      }
    }
    // The baseline from a server that does not watch, so that no watched run answers first.
    var walked = new ArrayList<Long>();
    try (var server =
        assembly.serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp())) {
      String base = server.url() + "api/search?size=1&q=";
      for (int i = 0; i < Math.max(3, SAVES / 4); i++) {
        String word = "walked" + i + "q" + random.nextInt(1_000_000);
        long start = System.nanoTime();
        save(pages.get(random.nextInt(pages.size())), word);
        server.reindexer().run(false); // the whole folder walked, as every watched save was
        walked.add(untilFound(client, base, word, start));
        Thread.sleep(BETWEEN.toMillis());
      }
    }
    BenchCorpus.print(
        "freshness, %d pages, serve --watch: an edited page found after %s; a new page after %s;"
            + " baseline in the same run, a save and a reindex walking the folder: %s",
        built.documents(), figures(edits), figures(added), figures(walked));
  }

  /** Writes the page with {@code word} added, beside it and renamed over it, as editors save. */
  private static void save(Path page, String word) throws IOException {
    String text = Files.readString(page) + "\n" + word + "\n";
    Path temp = page.resolveSibling(page.getFileName() + ".tmp-fresh");
    Files.writeString(temp, text);
    Files.move(temp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Milliseconds from {@code start} until a search for {@code word} finds a page (30 s at most).
   */
  private static long untilFound(HttpClient client, String base, String word, long start)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + word)).build();
    long end = start + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      if (JSON.readTree(body).path("total").asLong() > 0)
        return (System.nanoTime() - start) / 1_000_000;
      Thread.sleep(5);
    }
    throw new AssertionError(word + " not found within 30 s");
  }

  private static String figures(List<Long> millis) {
    if (millis.isEmpty()) return "-";
    var sorted = millis.stream().sorted().toList();
    return String.format(
        Locale.ROOT,
        "p50 %d ms, max %d ms (%d saves)",
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }
}
