package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitesearch serve} as an operator runs it, in its own JVM: it starts, answers, and stops
 * cleanly on SIGTERM.
 */
class ServeProcessTest {
  private static final Pattern SERVING = Pattern.compile("serving (\\d+) pages at (http://\\S+)");

  @Test
  void sigterm_closes_the_server_watcher_and_index_before_the_jvm_exits(@TempDir Path tmp)
      throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    var args = new ArrayList<>(List.of("serve", "--watch", "--port", "0"));
    args.addAll(site.options());
    Process serve = ChildJvm.sitesearch(List.of("-XX:TieredStopAtLevel=1"), args).start();
    var output = new StringBuilder();
    var url = new CompletableFuture<String>();
    CompletableFuture<Void> reading =
        ChildJvm.readLines(
            serve,
            output,
            line -> {
              var m = SERVING.matcher(line);
              if (m.find()) url.complete(m.group(2));
            });
    try {
      String base = url.get(60, TimeUnit.SECONDS);
      var answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "api/search?q=care")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());

      // SIGTERM through the process handle: Process.destroy() would also close our end of its
      // output.
      serve.toHandle().destroy();
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops within 30 s of SIGTERM");
      reading.get(10, TimeUnit.SECONDS);
      String log = output.toString();
      assertTrue(
          log.contains("sitesearch stopped: requests, watcher, reindexes and index closed"),
          "everything is closed before the JVM exits:\n" + log);
      // Nothing holds the index: another indexer can take its write lock at once.
      try (var dir = FSDirectory.open(site.index());
          var writer = new IndexWriter(dir, new IndexWriterConfig())) {
        assertTrue(writer.getDocStats().numDocs == 1);
      }
    } finally {
      serve.destroyForcibly();
    }
  }
}
