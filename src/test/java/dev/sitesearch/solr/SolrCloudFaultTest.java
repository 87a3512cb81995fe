package dev.sitesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.Assembly;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node lost while clients search: a collection of 2 shards × 2 replicas on the two nodes keeps
 * answering every search (the client skips the stopped node, the live node serves both shards from
 * its replicas), and the node that returns catches up on what was indexed without it.
 */
class SolrCloudFaultTest {
  @TempDir Path tmp;

  @Test
  void searches_keep_answering_with_a_node_stopped_and_the_node_catches_up_when_it_returns()
      throws Exception {
    SolrCloudHarness cluster = SolrCloudHarness.shared();
    Path content = tmp.resolve("content");
    ContentFiles.copyTree(Path.of("src/test/resources/fixture-content"), content);
    var engine = EngineSettings.solrCloud(cluster.nodes(), "faults", 2, 2);
    Assembly assembly = TestAssembly.of(content, tmp.resolve("index"));
    assembly =
        assembly.withConfig(
            assembly
                .config()
                .withEngine(engine)
                .withServer(ServerSettings.ephemeral(List.of(), "token")));
    try (RunningServer server =
        assembly.serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp())) {
      String url = server.url() + "api/search?q=telehealth&size=5";
      var expected =
          new java.util.concurrent.atomic.AtomicLong(
              total(TestHttp.send(TestHttp.request(url).GET())));
      assertTrue(expected.get() > 0);

      var running = new AtomicBoolean(true);
      var answered = new AtomicInteger();
      var failures = new ConcurrentLinkedQueue<String>();
      long[] stoppedAt = new long[1];
      Runnable client =
          () -> {
            while (running.get()) {
              HttpResponse<String> r = TestHttp.send(TestHttp.request(url).GET());
              if (r.statusCode() == 200
                  && (total(r) == expected.get() || total(r) == expected.get() + 1))
                answered.incrementAndGet();
              else
                failures.add(
                    (System.nanoTime() - stoppedAt[0]) / 1_000_000
                        + " ms after the stop: "
                        + r.statusCode()
                        + " "
                        + r.body());
            }
          };
      var clients = List.of(Thread.ofPlatform().start(client), Thread.ofPlatform().start(client));
      try {
        Thread.sleep(500);
        stoppedAt[0] = System.nanoTime();
        cluster.stop(1);
        Thread.sleep(3_000);
        // While the node is down, a page is added: the live replicas take it.
        ContentFiles.page(
            content, "news/late.md", "title: Late telehealth news\ndate: 2024-05-01", "Late.");
        assertEquals(1, assembly.solrIndexer(false).run(false).added());
        Thread.sleep(1_000);
      } finally {
        running.set(false);
        for (Thread t : clients) t.join();
        cluster.start(1);
      }
      assertTrue(answered.get() > 20, "searches ran while the node was down: " + answered);
      assertEquals(List.of(), List.copyOf(failures), "every search answered, all pages found");

      // The returned node catches up: with the other node stopped, it alone finds the new page.
      var nodes = new SolrNodes(List.of(cluster.nodes().get(1)), Duration.ofSeconds(10));
      assertTrue(
          waitFor(Duration.ofSeconds(60), () -> activeReplicas(nodes, "faults") == 4),
          "all four replicas active again");
      cluster.stop(0);
      try {
        JsonNode found =
            nodes.get("/faults/select", Map.of("q", "url:\"/news/late/\"", "rows", "0"));
        assertEquals(1, found.path("response").path("numFound").asLong(), found::toString);
      } finally {
        cluster.start(0);
      }
    }
  }

  private static long total(HttpResponse<String> r) {
    return TestHttp.json(r.statusCode(), r.body()).path("total").asLong(-1);
  }

  private static int activeReplicas(SolrNodes nodes, String alias) {
    try {
      var cluster = new SolrCluster(nodes);
      String collection = cluster.aliasTarget(alias).orElseThrow();
      int active = 0;
      JsonNode shards =
          cluster.status(collection).path("cluster").path("collections").path(collection);
      for (var shard : shards.path("shards").properties())
        for (var replica : shard.getValue().path("replicas").properties())
          if ("active".equals(replica.getValue().path("state").asText())
              && cluster.liveNodes().contains(replica.getValue().path("node_name").asText()))
            active++;
      return active;
    } catch (IOException e) {
      return -1;
    }
  }

  private interface Check {
    boolean holds();
  }

  private static boolean waitFor(Duration limit, Check check) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (check.holds()) return true;
      Thread.sleep(200);
    }
    return false;
  }
}
