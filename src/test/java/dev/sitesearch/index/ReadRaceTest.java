package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run indexes the files its walk listed and nothing else, and a page whose source now leads out
 * of the folder leaves the index. The races are made deterministic by {@link
 * Indexer.Progress#start}, which a run calls after its walk and before its first read: the swap is
 * made there.
 */
class ReadRaceTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final String SECRET_WORD = "walrussecret";

  @TempDir Path tmp;
  SiteFolders site;
  Path passwd;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    passwd =
        ContentFiles.write(tmp, "etc/passwd", "root:x:0:0:" + SECRET_WORD + ":/root:/bin/bash\n");
    page("a.md", "Alpha page about walruses.");
    page("b.md", "Beta page about walruses.");
  }

  private void page(String rel, String body) throws IOException {
    String id = rel.replace(".md", "");
    ContentFiles.editPage(site.content(), rel, "id: " + id + "\ntitle: Page " + id, body);
  }

  private IndexSummary run(boolean full, Indexer.Progress progress) throws IOException {
    return new Indexer(
            site.content(),
            site.index(),
            Seed.schema(),
            new PageReader(5_000_000, false, CLOCK),
            2,
            CLOCK)
        .run(full, progress);
  }

  private IndexSummary run() throws IOException {
    return run(false, Indexer.Progress.NONE);
  }

  /** Does {@code swap} between the run's walk and its reads. */
  private static Indexer.Progress between(Swap swap) {
    return new Indexer.Progress() {
      @Override
      public void start(int filesToRead) {
        try {
          swap.run();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  interface Swap {
    void run() throws IOException;
  }

  private void swapForLink(String rel, Path target) throws IOException {
    Files.delete(site.content().resolve(rel));
    Files.createSymbolicLink(site.content().resolve(rel), target);
  }

  private long secretHits() throws IOException {
    try (var search = OpenedIndex.of(site.index())) {
      return search.search(SearchRequest.of(SECRET_WORD)).total();
    }
  }

  private Map<String, String> idToHash() throws IOException {
    return IndexState.idToHash(site.index());
  }

  private static String reasonFor(String path, List<ContentProblem> problems) {
    return problems.stream()
        .filter(p -> p.path().equals(path))
        .map(ContentProblem::reason)
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not reported: " + problems));
  }

  @Test
  void a_page_swapped_for_a_link_out_of_the_folder_during_a_run_is_never_indexed()
      throws Exception {
    IndexSummary first = run(false, between(() -> swapForLink("a.md", passwd)));

    assertEquals(0, secretHits(), "the file the link leads to is not searchable");
    assertEquals(List.of("b"), List.copyOf(idToHash().keySet()));
    assertTrue(
        reasonFor("a.md", first.failures()).contains("became a symbolic link"),
        first.failures()::toString);

    IndexSummary second = run(); // the link is still there: the walk reports it

    assertEquals(0, secretHits(), "nor is it on the next run");
    assertEquals(List.of("b"), List.copyOf(idToHash().keySet()));
    assertTrue(reasonFor("a.md", second.failures()).contains("outside the content folder"));
  }

  @Test
  void a_page_that_became_a_link_out_of_the_folder_leaves_the_index_with_no_last_good_version()
      throws Exception {
    run();
    assertEquals(List.of("a", "b"), List.copyOf(idToHash().keySet()));
    swapForLink("a.md", passwd);

    IndexSummary s = run();

    assertEquals(List.of("b"), List.copyOf(idToHash().keySet()), "its page left the index");
    assertEquals(1, s.deleted());
    String reason = reasonFor("a.md", s.failures());
    assertTrue(reason.contains("outside the content folder"), reason);
    assertFalse(reason.contains("last good version"), reason);
    assertEquals(0, secretHits());
  }

  @Test
  void a_page_swapped_for_a_link_out_of_the_folder_during_a_run_leaves_the_index()
      throws Exception {
    run();
    page("a.md", "Alpha page, edited, so that the next run reads it.");

    IndexSummary s = run(false, between(() -> swapForLink("a.md", passwd)));

    assertEquals(List.of("b"), List.copyOf(idToHash().keySet()), "no last good version kept");
    assertEquals(1, s.deleted());
    assertEquals(0, secretHits());
  }

  @Test
  void a_folder_swapped_for_a_link_out_of_the_folder_during_a_run_is_never_indexed()
      throws Exception {
    page("news/c.md", "Gamma page about walruses.");
    ContentFiles.write(tmp, "elsewhere/c.md", "# Leak\n" + SECRET_WORD + "\n");

    IndexSummary s =
        run(
            false,
            between(
                () -> {
                  Files.move(site.content().resolve("news"), tmp.resolve("news-moved"));
                  Files.createSymbolicLink(
                      site.content().resolve("news"), tmp.resolve("elsewhere"));
                }));

    assertEquals(0, secretHits());
    assertEquals(List.of("a", "b"), List.copyOf(idToHash().keySet()));
    assertTrue(
        reasonFor("news/c.md", s.failures()).contains("a folder on its path"),
        s.failures()::toString);
  }

  @Test
  @Timeout(60) // reading 3 GB would take longer, or end in OutOfMemoryError
  void a_page_swapped_for_a_3_GB_file_during_a_run_is_not_read_and_the_run_commits()
      throws Exception {
    run();
    Map<String, String> before = idToHash();
    page("a.md", "Alpha page, edited, so that the next run reads it.");
    page("b.md", "Beta page, edited too.");
    Path huge = tmp.resolve("huge.md");
    try (var f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: no disk space taken
    }

    IndexSummary s =
        run(
            false,
            between(
                () ->
                    Files.move(
                        huge,
                        site.content().resolve("a.md"),
                        StandardCopyOption.REPLACE_EXISTING)));

    assertEquals(before.get("a"), idToHash().get("a"), "a keeps the version the index had");
    assertEquals(1, s.updated(), "b is read and committed");
    assertTrue(
        reasonFor("a.md", s.warnings()).contains("read on the next run"), s.warnings()::toString);
    assertEquals(0, s.exitCode(), "a file that changed during the run is no failure");

    IndexSummary next = run();

    String reason = reasonFor("a.md", next.failures());
    assertTrue(reason.contains("over the 4.8 MB limit"), reason);
    assertTrue(reason.contains("its last good version stays"), reason);
  }

  @Test
  void a_page_saved_anew_during_a_run_keeps_its_previous_version_until_the_next_run()
      throws Exception {
    run();
    Map<String, String> before = idToHash();
    page("a.md", "Alpha page, edited.");
    Path saved = ContentFiles.write(tmp, "a.md.tmp", "---\nid: a\ntitle: Saved\n---\nNarwhals.\n");

    IndexSummary s =
        run(
            false,
            between(
                () ->
                    Files.move(
                        saved,
                        site.content().resolve("a.md"),
                        StandardCopyOption.REPLACE_EXISTING)));

    assertEquals(before, idToHash(), "the run kept what the index had");
    assertTrue(reasonFor("a.md", s.warnings()).contains("replaced by another file"));
    assertEquals(2, s.unchanged());

    IndexSummary next = run();

    assertEquals(1, next.updated());
    try (var search = OpenedIndex.of(site.index())) {
      assertEquals("Saved", search.document("a").orElseThrow().title());
    }
  }
}
