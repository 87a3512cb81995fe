import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud of N nodes with an embedded ZooKeeper on loopback ports, for the sitesearch tests. Run
 * on its own class path (this folder's pom.xml) by {@code dev.sitesearch.solr.SolrCloudHarness}:
 * {@code java -cp <class path> SolrCloudLauncher <nodes> <folder>}.
 *
 * <p>Speaks one line at a time on standard output, each starting with {@code SOLRCLOUD} (Solr's
 * own log lines are anything else): {@code node <i> <url>} per node, {@code zk <host:port>}, then
 * {@code ready}. Reads commands on standard input: {@code stop <i>}, {@code start <i>} (answered
 * {@code stopped <i>} / {@code started <i> <url>}); the end of input shuts the cluster down and
 * exits, so the cluster never outlives the test JVM that started it.
 */
public final class SolrCloudLauncher {
  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(args[0]);
    Path folder = Files.createDirectories(Path.of(args[1]));
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(nodes, folder).withMetrics(false).build();
    List<JettySolrRunner> runners = new ArrayList<>(cluster.getJettySolrRunners());
    try {
      for (int i = 0; i < runners.size(); i++) say("node " + i + " " + runners.get(i).getBaseUrl());
      say("zk " + cluster.getZkServer().getZkAddress());
      say("ready");
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] words = line.trim().split("\\s+");
        try {
          int i = Integer.parseInt(words[1]);
          switch (words[0]) {
            case "stop" -> {
              cluster.stopJettySolrRunner(runners.get(i));
              cluster.waitForJettyToStop(runners.get(i));
              say("stopped " + i);
            }
            case "start" -> {
              JettySolrRunner again = cluster.startJettySolrRunner(runners.get(i), true);
              cluster.waitForNode(again, 30);
              runners.set(i, again);
              say("started " + i + " " + again.getBaseUrl());
            }
            default -> say("error unknown command " + line);
          }
        } catch (Exception e) {
          say("error " + e);
        }
      }
    } finally {
      cluster.shutdown();
    }
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println("SOLRCLOUD " + line);
    System.out.flush();
  }
}
