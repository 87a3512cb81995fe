package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.ServeChild;
import dev.sitesearch.testing.SiteFolders;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private static ServeChild serve(SiteFolders site, String... more) throws Exception {
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(List.of(more));
    args.addAll(site.options());
    return ServeChild.start(ServeChild.jvm(args), line -> {});
  }

  private static HttpResponse<String> get(URI base, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sigterm_closes_the_server_watcher_and_index_before_the_jvm_exits(@TempDir Path tmp)
      throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    try (var serve = serve(site, "--watch")) {
      var answer = get(serve.url(), "api/search?q=care");
      assertEquals(200, answer.statusCode(), answer.body());

      serve.terminate();
      assertTrue(serve.exited(30), "serve stops within 30 s of SIGTERM");
      assertEquals(0, serve.process().exitValue(), "a service told to stop, that stopped cleanly");
      assertTrue(
          serve
              .output()
              .contains("sitesearch stopped: requests, watcher, reindexes and index closed"),
          () -> "everything is closed before the JVM exits:\n" + serve.output());
      // Nothing holds the index: another indexer can take its write lock at once.
      try (var dir = FSDirectory.open(site.index());
          var writer = new IndexWriter(dir, new IndexWriterConfig())) {
        assertTrue(writer.getDocStats().numDocs == 1);
      }
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
    try (var serve = serve(site);
        var reader = new Socket()) {
      URI base = serve.url();
      reader.setReceiveBufferSize(2048);
      reader.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      reader
          .getOutputStream()
          .write(
              "GET /api/documents/big HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      reader.getOutputStream().flush();
      Thread.sleep(500); // the answer is being written, and is not read

      serve.terminate();
      assertFalse(serve.exited(1), "the first stop waits for the answer in flight");
      serve.terminate();

      assertTrue(serve.exited(5), "a second SIGTERM exits at once");
      assertEquals(143, serve.process().exitValue());
      assertTrue(serve.output().contains("second SIGTERM, exiting at once"), serve::output);
    }
  }

  @Test
  void by_default_each_log_line_is_one_short_line_of_time_level_logger_and_message(
      @TempDir Path tmp) throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    try (var serve = serve(site)) {
      get(serve.url(), "api/search?q=care");
      serve.terminate();
      assertTrue(serve.exited(30));

      var shape =
          Pattern.compile(
              "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4} \\[(INFO|WARN|ERROR)] \\S+ - .+");
      var logLines = logLines(serve);
      for (String line : logLines) {
        assertTrue(shape.matcher(line).matches(), () -> "'" + line + "' in\n" + serve.output());
      }
      assertTrue(
          logLines.stream().anyMatch(l -> l.contains(" [INFO] access - GET /api/search 200 ")),
          serve::output);
      // Jetty and Javalin speak only when something is wrong: no start-up banner or notes.
      assertTrue(
          logLines.stream().noneMatch(l -> l.contains("jetty") || l.contains("Javalin")),
          serve::output);
    }
  }

  @Test
  void a_start_leaves_out_work_no_search_needs(@TempDir Path tmp) throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    Path classes = tmp.resolve("classes.txt");
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    var jvm =
        ChildJvm.sitesearch(
            List.of("-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classes), args);
    try (var serve = ServeChild.start(jvm, line -> {})) {
      assertEquals(200, get(serve.url(), "api/search?q=care").statusCode());
      String beforePage = Files.readString(classes);
      assertEquals(200, get(serve.url(), "").statusCode());
      serve.terminate();
      assertTrue(serve.exited(30));

      // Each was about 0.05-0.1 s of a two-second start (docs/benchmarks.md, issue 13).
      assertFalse(
          beforePage.contains("com.sun.jmx.mbeanserver.JmxMBeanServer "),
          "the platform MBean server (Jetty asks it the reference size unless told)");
      assertFalse(
          beforePage.contains("ch.qos.logback.core.pattern.parser."),
          "Logback's pattern parser, for one fixed line shape");
      assertFalse(
          beforePage.contains("dev.sitesearch.http.UiRoutes$Built "),
          "the UI files, read and hashed for a search");
      assertTrue(
          Files.readString(classes).contains("dev.sitesearch.http.UiRoutes$Built "),
          "the page's request builds them");
    }
  }

  @Test
  void with_logging_format_json_each_log_line_is_a_json_object_with_the_request_figures(
      @TempDir Path tmp) throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    Files.writeString(site.config(), "logging:\n  format: json\n");
    try (var serve = serve(site)) {
      get(serve.url(), "api/search?q=care");
      serve.terminate();
      assertTrue(serve.exited(30));

      var json = new ObjectMapper();
      var logLines = logLines(serve);
      assertFalse(logLines.isEmpty(), serve::output);
      boolean request = false;
      for (String line : logLines) {
        var event = json.readTree(line); // every log line is one JSON object
        assertTrue(event.has("level") && event.has("timestamp"), () -> "'" + line + "'");
        if (event.path("formattedMessage").asText().startsWith("GET /api/search 200")) {
          request = event.get("kvpList").toString().contains("{\"status\":\"200\"}");
        }
      }
      assertTrue(request, () -> "the request's line with its status:\n" + serve.output());
    }
  }

  /** The log's lines: not the command's own report on stdout, nor the JVM's notes. */
  private static List<String> logLines(ServeChild serve) {
    return serve
        .output()
        .lines()
        .filter(l -> !l.startsWith("sitesearch ") && !l.startsWith("full "))
        .filter(l -> !l.startsWith("WARNING: ") && !l.isBlank())
        .toList();
  }
}
