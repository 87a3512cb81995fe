package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A real {@code sitesearch index} in its own JVM, for the tests that kill one part-way. */
final class IndexProcess {
  private IndexProcess() {}

  /**
   * Starts {@code sitesearch index} (incremental, or {@code --full}) with its log on, so the run's
   * start shows.
   */
  static Process start(Path content, Path index, Path config, boolean full) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "index",
                "--content",
                content.toString(),
                "--index",
                index.toString(),
                "--config",
                config.toString()));
    if (full) command.add("--full");
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Waits for the child to begin its run (its "indexing" log line), then {@code delayMillis}, then
   * kills it with SIGKILL; collects its output into {@code output} and returns whether it had
   * already finished on its own.
   */
  static boolean killAfterStart(Process child, long delayMillis, StringBuilder output)
      throws Exception {
    var started = new CountDownLatch(1);
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.contains("Indexer - indexing ")) started.countDown();
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    try {
      assertTrue(
          started.await(60, TimeUnit.SECONDS) || !child.isAlive(),
          () -> "the child never started:\n" + output);
      Thread.sleep(delayMillis);
      boolean finished = !child.isAlive() && child.exitValue() == 0;
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
      reader.get(10, TimeUnit.SECONDS);
      return finished;
    } finally {
      child.destroyForcibly();
    }
  }
}
