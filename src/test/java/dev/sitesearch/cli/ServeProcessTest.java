package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path content = Files.createDirectories(tmp.resolve("content"));
    Files.writeString(
        content.resolve("care.md"), "---\ntitle: Chronic care\n---\nChronic care management.\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve =
        new ProcessBuilder(
                List.of(
                    java,
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "serve",
                    "--watch",
                    "--port",
                    "0",
                    "--content",
                    content.toString(),
                    "--index",
                    tmp.resolve("index").toString(),
                    "--config",
                    tmp.resolve("none.yml").toString()))
            .redirectErrorStream(true)
            .start();
    var output = new StringBuilder();
    var url = new CompletableFuture<String>();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  var m = SERVING.matcher(line);
                  if (m.find()) url.complete(m.group(2));
                }
              } catch (IOException e) {
                // the process ended
              }
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
      try (var dir = FSDirectory.open(tmp.resolve("index"));
          var writer = new IndexWriter(dir, new IndexWriterConfig())) {
        assertTrue(writer.getDocStats().numDocs == 1);
      }
    } finally {
      serve.destroyForcibly();
    }
  }
}
