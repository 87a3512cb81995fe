package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.ServeChild;
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
  private static final int PAGES = 1500;

  @TempDir Path tmp;

  @Test
  void sigterm_during_a_rebuild_leaves_the_old_or_the_new_index_whole() throws Exception {
    var site = SiteFolders.in(tmp);
    for (int i = 0; i < PAGES; i++) page(site, i, "first");
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    var builder = ServeChild.jvm(args);
    builder.environment().put("SITESEARCH_ADMIN_TOKEN", "t0ken");
    var rebuilding = new CompletableFuture<Void>();
    try (var serve =
        ServeChild.start(
            builder,
            line -> {
              if (line.contains("(full, requested)")) rebuilding.complete(null);
            })) {
      URI base = serve.url();
      Map<String, String> before = IndexState.idToHash(site.index());
      assertEquals(PAGES, before.size());
      for (int i = 0; i < PAGES; i++) page(site, i, "second");
      Map<String, String> after = hashes(site);

      HttpClient.newHttpClient()
          .sendAsync(
              HttpRequest.newBuilder(base.resolve("api/admin/reindex?full=true"))
                  .header("Authorization", "Bearer t0ken")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      rebuilding.get(60, TimeUnit.SECONDS);
      serve.terminate();

      assertTrue(serve.exited(60), "stops once the rebuild has ended");
      assertEquals(0, serve.process().exitValue(), serve::output);
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
