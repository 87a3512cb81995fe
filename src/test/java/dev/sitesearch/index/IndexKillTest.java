package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code sitesearch index} process killed with SIGKILL part-way through: the index it leaves
 * opens with either the previous or the new complete set of pages, never a mix, and the next run is
 * not blocked by its write.lock.
 */
class IndexKillTest {
  static final int OLD_PAGES = 20;
  static final int NEW_PAGES = 3000;

  @TempDir Path tmp;

  private static void writePages(Path dir, String prefix, int n, String word) throws IOException {
    for (int i = 0; i < n; i++) {
      String frontMatter =
          "id: " + prefix + i + "\ntitle: " + prefix + " page " + i + "\ntags: [t" + (i % 10) + "]";
      ContentFiles.page(
          dir, prefix + i + ".md", frontMatter, "Body of page " + i + " about " + word + ".");
    }
  }

  /** What the index holds: "old", "new", or a description of anything else. */
  private static String state(Path index) {
    try (var search = OpenedIndex.of(index)) {
      long docs = search.health().documents();
      long oldHits = search.search(SearchRequest.of("wombats")).total();
      long newHits = search.search(SearchRequest.of("kangaroos")).total();
      if (docs == OLD_PAGES && oldHits == OLD_PAGES && newHits == 0) return "old";
      if (docs == NEW_PAGES && newHits == NEW_PAGES && oldHits == 0) return "new";
      return "partial: " + docs + " documents, " + oldHits + " old, " + newHits + " new";
    } catch (IOException | RuntimeException e) {
      return "cannot be opened: " + e;
    }
  }

  @Test
  @Timeout(180) // a guard against a hung child process, not a speed check
  void a_killed_index_process_leaves_the_old_or_the_new_complete_index_and_the_next_run_succeeds()
      throws Exception {
    var site = SiteFolders.in(tmp);
    Path content = site.content();
    Path index = site.index();
    writePages(content, "old", OLD_PAGES, "wombats");
    IndexSummary good = TestAssembly.index(content, index);
    assertEquals(OLD_PAGES, good.documents());

    try (var files = Files.list(content)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    writePages(content, "new", NEW_PAGES, "kangaroos");

    // Kill as the run starts, part-way and near its end; each time the index must be whole.
    var states = new ArrayList<String>();
    for (long delayMillis : new long[] {0, 300, 700}) {
      var output = new StringBuilder();
      boolean finished =
          IndexProcess.killAfterStart(IndexProcess.start(site, true), delayMillis, output);
      String state = state(index);
      synchronized (output) {
        assertTrue(
            state.equals("old") || state.equals("new"), () -> state + "\nchild output:\n" + output);
      }
      states.add(state + (finished ? " (it finished before the kill)" : " (killed)"));
    }

    Cli.Run run = Cli.run("index", site);

    assertEquals(0, run.exit(), () -> "after " + states + ": " + run);
    assertEquals("new", state(index), () -> "after " + states);
  }
}
