package dev.sitesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.ServeChild;
import dev.sitesearch.testing.SiteFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitesearch serve} as an operator runs it on SolrCloud, in its own JVM, the engine chosen
 * by the environment: it builds the collection, says it serves, answers a search, and stops
 * cleanly.
 */
class SolrServeCommandTest {
  @Test
  void serve_on_solrcloud_starts_answers_and_stops(@TempDir Path tmp) throws Exception {
    var site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "care.md", "title: Chronic care", "Chronic care management.");
    ContentFiles.page(site.content(), "heart.md", "title: Heart health", "Cardiology for all.");
    var args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(site.options());
    var jvm = ServeChild.jvm(args);
    String nodes =
        SolrCloudHarness.shared().nodes().stream()
            .map(URI::toString)
            .collect(Collectors.joining(", ", "[", "]"));
    jvm.environment().put("SITESEARCH_ENGINE_TYPE", "solrcloud");
    jvm.environment().put("SITESEARCH_ENGINE_SOLR_URLS", nodes);
    jvm.environment().put("SITESEARCH_ENGINE_COLLECTION", "serve_command");
    try (var serve = ServeChild.start(jvm, line -> {})) {
      URI base = serve.url();
      assertTrue(serve.output().contains("serving 2 pages"), serve.output());
      var answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("api/search?q=care")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("Chronic care"), answer.body());

      serve.terminate();
      assertTrue(serve.exited(30), "serve stops within 30 s of SIGTERM");
      assertEquals(0, serve.process().exitValue(), serve.output());
      assertFalse(serve.output().contains("Exception"), serve.output());
    }
  }
}
