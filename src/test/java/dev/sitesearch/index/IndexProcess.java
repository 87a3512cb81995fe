package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
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
  static Process start(SiteFolders site, boolean full) throws IOException {
    var args = new ArrayList<String>();
    args.add("index");
    args.addAll(site.options());
    if (full) args.add("--full");
    var jvm = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");
    var child = ChildJvm.sitesearch(jvm, args);
    child.environment().put("SITESEARCH_LOGGING_LEVEL", "info"); // its "indexing" line
    return child.start();
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
        ChildJvm.readLines(
            child,
            output,
            line -> {
              if (line.contains("Indexer - indexing ")) started.countDown();
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
