package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code serve} rebuilds the index: it exits 0, and the index it leaves opens with
 * the old pages or the new ones exactly, passes CheckIndex, and can be written at once (the write
 * lock was released).
 */
class SigtermDuringReindexTest {
  private static final Pattern SERVING = Pattern.compile("serving (\\d+) pages at (http://\\S+)");
  private static final int PAGES = 1500;

  @TempDir Path tmp;

  @Test
  void sigterm_during_a_rebuild_leaves_the_old_or_the_new_index_whole() throws Exception {
    var site = SiteFolders.in(tmp);
    for (int i = 0; i < PAGES; i++) page(site, i, "first");
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    var builder = ChildJvm.sitesearch(List.of("-XX:TieredStopAtLevel=1"), args);
    builder.environment().put("SITESEARCH_ADMIN_TOKEN", "t0ken");
    Process serve = builder.start();
    var output = new StringBuilder();
    var url = new CompletableFuture<String>();
    var rebuilding = new CompletableFuture<Void>();
    CompletableFuture<Void> reading =
        ChildJvm.readLines(
            serve,
            output,
            line -> {
              var m = SERVING.matcher(line);
              if (m.find()) url.complete(m.group(2));
              if (url.isDone() && line.contains("(full, requested)")) rebuilding.complete(null);
            });
    try {
      String base = url.get(120, TimeUnit.SECONDS);
      Map<String, String> before = IndexState.idToHash(site.index());
      assertEquals(PAGES, before.size());
      for (int i = 0; i < PAGES; i++) page(site, i, "second");
      Map<String, String> after = hashes(site);

      HttpClient.newHttpClient()
          .sendAsync(
              HttpRequest.newBuilder(URI.create(base + "api/admin/reindex?full=true"))
                  .header("Authorization", "Bearer t0ken")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      rebuilding.get(60, TimeUnit.SECONDS);
      serve.toHandle().destroy();

      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "stops once the rebuild has ended");
      reading.get(10, TimeUnit.SECONDS);
      assertEquals(0, serve.exitValue(), output::toString);
      IndexState.assertCheckIndexClean(site.index());
      Map<String, String> left = IndexState.idToHash(site.index());
      assertTrue(
          left.equals(before) || left.equals(after),
          "the old pages or the new ones, never a mix: "
              + left.values().stream().filter(h -> before.containsValue(h)).count()
              + " old of "
              + left.size());
      try (var dir = FSDirectory.open(site.index());
          var writer = new IndexWriter(dir, new IndexWriterConfig())) {
        assertTrue(writer.getDocStats().numDocs == PAGES, "the write lock was released");
      }
    } finally {
      serve.destroyForcibly();
    }
  }

  private static void page(SiteFolders site, int i, String version) throws Exception {
    ContentFiles.write(
        site.content(),
        "p/page-" + i + ".md",
        "---\nid: p"
            + i
            + "\ntitle: Page "
            + i
            + " "
            + version
            + "\n---\n\n"
            + ("Care plans for clinics, " + version + " edition. ").repeat(40)
            + "\n");
  }

  private static Map<String, String> hashes(SiteFolders site) throws Exception {
    var map = new TreeMap<String, String>();
    for (int i = 0; i < PAGES; i++) {
      map.put(
          "p" + i,
          IndexState.sha256(Files.readAllBytes(site.content().resolve("p/page-" + i + ".md"))));
    }
    return map;
  }
}
