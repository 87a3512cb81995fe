package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
      assertEquals(0, serve.exitValue(), "a service told to stop, that stopped cleanly");
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

  @Test
  void a_second_sigterm_while_the_first_stop_waits_exits_at_once(@TempDir Path tmp)
      throws Exception {
    var site = SiteFolders.in(tmp);
    // An answer of about a megabyte, which a client that does not read keeps in flight.
    ContentFiles.page(
        site.content(),
        "big.md",
        "id: big\ntitle: A long page",
        "Care plans for rural clinics. ".repeat(40_000));
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    Process serve = ChildJvm.sitesearch(List.of("-XX:TieredStopAtLevel=1"), args).start();
    var output = new StringBuilder();
    var url = new CompletableFuture<URI>();
    CompletableFuture<Void> reading =
        ChildJvm.readLines(
            serve,
            output,
            line -> {
              var m = SERVING.matcher(line);
              if (m.find()) url.complete(URI.create(m.group(2)));
            });
    try (var reader = new Socket()) {
      URI base = url.get(60, TimeUnit.SECONDS);
      reader.setReceiveBufferSize(2048);
      reader.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      reader
          .getOutputStream()
          .write(
              "GET /api/documents/big HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      reader.getOutputStream().flush();
      Thread.sleep(500); // the answer is being written, and is not read

      serve.toHandle().destroy();
      assertFalse(
          serve.waitFor(1, TimeUnit.SECONDS), "the first stop waits for the answer in flight");
      serve.toHandle().destroy();

      assertTrue(serve.waitFor(5, TimeUnit.SECONDS), "a second SIGTERM exits at once");
      assertEquals(143, serve.exitValue());
      reading.get(10, TimeUnit.SECONDS);
      assertTrue(output.toString().contains("second SIGTERM, exiting at once"), output::toString);
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void with_logging_format_json_each_log_line_is_a_json_object_with_the_request_figures(
      @TempDir Path tmp) throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    java.nio.file.Files.writeString(site.config(), "logging:\n  format: json\n");
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
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
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "api/search?q=care")).build(),
              HttpResponse.BodyHandlers.ofString());
      serve.toHandle().destroy();
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
      reading.get(10, TimeUnit.SECONDS);

      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var logLines =
          output
              .toString()
              .lines()
              // the command's own report on stdout, and the JVM's notes (run from the class path)
              .filter(l -> !l.startsWith("sitesearch ") && !l.startsWith("full "))
              .filter(l -> !l.startsWith("WARNING: ") && !l.isBlank())
              .toList();
      assertFalse(logLines.isEmpty(), output::toString);
      boolean request = false;
      for (String line : logLines) {
        var event = json.readTree(line); // every log line is one JSON object
        assertTrue(event.has("level") && event.has("timestamp"), () -> "'" + line + "'");
        if (event.path("formattedMessage").asText().startsWith("GET /api/search 200")) {
          request = event.get("kvpList").toString().contains("{\"status\":\"200\"}");
        }
      }
      assertTrue(request, () -> "the request's line with its status:\n" + output);
    } finally {
      serve.destroyForcibly();
    }
  }
}
