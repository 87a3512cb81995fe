package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.SiteFolders;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many real {@code sitesearch index} processes, incremental and full, each over a fresh change to
 * the folder (pages added, edited, deleted), killed with SIGKILL after a seeded random delay: after
 * each kill the index opens, passes CheckIndex and holds exactly the state before the change or the
 * state after it (ids and content hashes), never a mix and never without a page that exists in
 * both; killed runs pile up changes, and a last run reaches the folder's state. Bounded in rounds
 * and in time; set -Dsitesearch.killSeed=N to replay one.
 */
class IndexKillRandomTest {
  static final long SEED = Long.getLong("sitesearch.killSeed", 20250601L);
  static final int ROUNDS = 10;

  /** No round starts after this, so a slow machine runs fewer rounds rather than a long test. */
  static final long BUDGET_MILLIS = 60_000;

  static final int BASE_PAGES = 1500;

  @TempDir Path tmp;
  SiteFolders site;
  Path content;
  final List<Integer> pages = new ArrayList<>();
  int nextPage;

  /** Page n: an even one takes its id from the front matter, an odd one from its path. */
  private static String id(int n) {
    return n % 2 == 0 ? "p" + n : "p" + n + ".md";
  }

  private void writePage(int n, String version) throws IOException {
    String fm =
        (n % 2 == 0 ? "id: p" + n + "\n" : "")
            + "title: Page "
            + n
            + " "
            + version
            + "\ntags: [t"
            + (n % 7)
            + "]\n";
    String body =
        "Body of page "
            + n
            + ", version "
            + version
            + ", about wombats and "
            + "kangaroos ".repeat(n % 13)
            + ".\n";
    ContentFiles.write(content, "p" + n + ".md", "---\n" + fm + "---\n" + body);
  }

  /**
   * What the index must hold for the folder as it is: each page's id and the SHA-256 of its bytes.
   */
  private Map<String, String> folderState() throws IOException {
    var state = new TreeMap<String, String>();
    for (int n : pages)
      state.put(id(n), IndexState.sha256(Files.readAllBytes(content.resolve("p" + n + ".md"))));
    return state;
  }

  /** Adds, edits and deletes a random share of the pages; returns what it did. */
  private String change(Random random, int round) throws IOException {
    int adds = random.nextInt(300);
    int edits = random.nextInt(300);
    int deletes = random.nextInt(200);
    for (int i = 0; i < adds; i++) {
      writePage(nextPage, "r" + round);
      pages.add(nextPage++);
    }
    for (int i = 0; i < edits; i++)
      writePage(pages.get(random.nextInt(pages.size())), "r" + round + "e" + i);
    for (int i = 0; i < deletes && pages.size() > 1; i++) {
      int n = pages.remove(random.nextInt(pages.size()));
      Files.delete(content.resolve("p" + n + ".md"));
    }
    return "+" + adds + " ~" + edits + " -" + deletes;
  }

  @Test
  @Timeout(
      240) // a guard against a hung child process; the rounds stop starting after BUDGET_MILLIS
  void index_processes_killed_at_random_moments_leave_the_old_or_the_new_complete_state()
      throws Exception {
    site = SiteFolders.in(tmp);
    content = site.content();
    Path index = site.index();
    for (nextPage = 0; nextPage < BASE_PAGES; nextPage++) {
      writePage(nextPage, "base");
      pages.add(nextPage);
    }
    TestAssembly.index(content, index);
    assertEquals(folderState(), IndexState.idToHash(index));

    var random = new Random(SEED);
    var outcomes = new ArrayList<String>();
    long start = System.currentTimeMillis();
    for (int round = 0;
        round < ROUNDS && System.currentTimeMillis() - start < BUDGET_MILLIS;
        round++) {
      Map<String, String> before = IndexState.idToHash(index);
      String change = change(random, round);
      Map<String, String> after = folderState();
      boolean full = random.nextInt(3) == 0;
      long delay =
          random.nextInt(full ? 2000 : 1200); // runs here take 0.8-1.5 s (C1 only, 2 cores)
      String what =
          "seed "
              + SEED
              + " round "
              + round
              + " ("
              + (full ? "full" : "incremental")
              + ", "
              + change
              + ", kill "
              + delay
              + " ms after the run began)";

      var output = new StringBuilder();
      boolean finished = IndexProcess.killAfterStart(IndexProcess.start(site, full), delay, output);

      Map<String, String> state;
      try {
        IndexState.assertCheckIndexClean(index);
        state = IndexState.idToHash(index);
      } catch (IOException | RuntimeException | AssertionError e) {
        throw new AssertionError(what + ": the index does not open cleanly\n" + output, e);
      }
      boolean old = state.equals(before);
      assertTrue(
          old || state.equals(after),
          () ->
              what
                  + ": neither the old nor the new state: "
                  + diff(before, after, state)
                  + "\nchild output:\n"
                  + output);
      var lost =
          before.keySet().stream()
              .filter(after::containsKey)
              .filter(id -> !state.containsKey(id))
              .toList();
      assertEquals(List.of(), lost, what + ": pages that exist before and after are missing");
      if (finished) assertEquals(after, state, what + ": the run finished, so the new state");
      outcomes.add((finished ? "finished" : "killed") + "->" + (old ? "old" : "new"));
      System.out.println(
          what + ": " + outcomes.getLast() + (finished ? " " + lastLine(output) : ""));
    }

    Cli.Run last = Cli.run("index", site);
    assertEquals(0, last.exit(), () -> outcomes + "\n" + last);
    assertEquals(folderState(), IndexState.idToHash(index), () -> "after " + outcomes);
    IndexState.assertCheckIndexClean(index);
    assertTrue(
        outcomes.size() >= 3, () -> "only " + outcomes.size() + " rounds in the time budget");
    System.out.println(
        "IndexKillRandomTest seed "
            + SEED
            + ": "
            + outcomes.stream()
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()))
            + " in "
            + (System.currentTimeMillis() - start)
            + " ms");
  }

  private static String lastLine(StringBuilder output) {
    synchronized (output) {
      String[] lines = output.toString().strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private static String diff(
      Map<String, String> before, Map<String, String> after, Map<String, String> state) {
    long fromBefore =
        state.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
    long fromAfter =
        state.entrySet().stream().filter(e -> e.getValue().equals(after.get(e.getKey()))).count();
    return state.size()
        + " pages (before: "
        + before.size()
        + ", after: "
        + after.size()
        + "); "
        + fromBefore
        + " match the old version, "
        + fromAfter
        + " the new";
  }
}
