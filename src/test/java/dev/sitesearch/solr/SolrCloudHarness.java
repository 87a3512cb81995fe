package dev.sitesearch.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud for the tests: {@code src/test/solrcloud/SolrCloudLauncher.java} (Solr 9.10.1's
 * MiniSolrCloudCluster, an embedded ZooKeeper and N nodes on loopback ports) in a JVM of its own,
 * on the class path Maven resolves from {@code src/test/solrcloud/pom.xml}, so Solr's Lucene 9 and
 * Jetty 10 never meet ours. One cluster of two nodes serves the whole test run ({@link #shared()}),
 * started on first use and stopped when the test JVM exits (its standard input closes).
 */
public final class SolrCloudHarness {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path LAUNCHER = PROJECT.resolve("src/test/solrcloud");
  private static final Path CLASS_PATH_FILE = PROJECT.resolve("target/solrcloud-classpath.txt");
  private static SolrCloudHarness shared;

  private final Process process;
  private final Writer commands;
  private final BufferedReader answers;
  private final List<URI> nodes = new ArrayList<>();

  /** The test run's cluster of two nodes, started on first use. */
  public static synchronized SolrCloudHarness shared() throws IOException {
    if (shared == null) {
      shared = new SolrCloudHarness(2);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private SolrCloudHarness(int count) throws IOException {
    Path folder = Files.createTempDirectory("sitesearch-solrcloud");
    String java = ProcessHandle.current().info().command().orElse("java");
    var command =
        List.of(
            java,
            "-Xmx1g",
            "-Dsolr.log.dir=" + folder.resolve("logs"),
            "-cp",
            classPath(),
            LAUNCHER.resolve("SolrCloudLauncher.java").toString(),
            String.valueOf(count),
            folder.resolve("cluster").toString());
    process =
        new ProcessBuilder(command).redirectError(folder.resolve("launcher.err").toFile()).start();
    commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; !(line = answer(folder)).equals("ready"); ) {
      if (line.startsWith("node ")) nodes.add(URI.create(line.split(" ")[2]));
    }
    // Solr's log lines go on after start: read them away so the launcher never blocks on a full
    // pipe; its answers to commands are handed over through the queue.
    Thread.ofPlatform().daemon().name("solrcloud-output").start(this::drain);
  }

  private final java.util.concurrent.BlockingQueue<String> queue =
      new java.util.concurrent.LinkedBlockingQueue<>();

  private void drain() {
    try {
      for (String line; (line = answers.readLine()) != null; ) {
        if (line.startsWith("SOLRCLOUD ")) queue.add(line.substring("SOLRCLOUD ".length()));
      }
    } catch (IOException e) {
      // the launcher ended
    }
  }

  private String answer(Path folder) throws IOException {
    for (String line; (line = answers.readLine()) != null; ) {
      if (line.startsWith("SOLRCLOUD ")) return line.substring("SOLRCLOUD ".length());
    }
    throw new IOException(
        "the SolrCloud launcher ended before it was ready; see " + folder.resolve("launcher.err"));
  }

  /** The nodes' base URLs ({@code http://127.0.0.1:port/solr}). */
  public List<URI> nodes() {
    return List.copyOf(nodes);
  }

  /** Stops node {@code i} (its port stays its own, for {@link #start}). */
  public void stop(int i) throws IOException {
    command("stop " + i, "stopped " + i);
  }

  /** Starts node {@code i} again, on its old port, and waits until it has joined the cluster. */
  public void start(int i) throws IOException {
    command("start " + i, "started " + i);
  }

  private synchronized void command(String command, String expected) throws IOException {
    commands.write(command + "\n");
    commands.flush();
    try {
      String answer = queue.poll(120, TimeUnit.SECONDS);
      if (answer == null || !answer.startsWith(expected))
        throw new IOException(command + ": " + answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private void close() {
    try {
      commands.close(); // the launcher shuts the cluster down at the end of its input
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /**
   * The launcher's class path, as Maven resolves it from its pom (offline first: after one download
   * the local repository has it), kept in {@code target/} until the pom changes.
   */
  private static String classPath() throws IOException {
    Path pom = LAUNCHER.resolve("pom.xml");
    if (Files.exists(CLASS_PATH_FILE)
        && Files.getLastModifiedTime(CLASS_PATH_FILE).compareTo(Files.getLastModifiedTime(pom)) > 0)
      return Files.readString(CLASS_PATH_FILE).strip();
    for (boolean offline : new boolean[] {true, false}) {
      var command = new ArrayList<>(List.of("mvn", "-B", "-q"));
      if (offline) command.add("-o");
      command.addAll(
          List.of(
              "-f",
              pom.toString(),
              "dependency:build-classpath",
              "-Dmdep.outputFile=" + CLASS_PATH_FILE));
      Path log = Files.createTempFile("solrcloud-classpath", ".log");
      try {
        int exit =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start()
                .waitFor();
        if (exit == 0 && Files.exists(CLASS_PATH_FILE))
          return Files.readString(CLASS_PATH_FILE).strip();
        if (!offline)
          throw new IOException(
              "Maven could not resolve the SolrCloud launcher's class path: "
                  + Files.readString(log));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        Files.deleteIfExists(log);
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
