package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.Site;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@link Error} from one page (an OutOfMemoryError or StackOverflowError while it is read or
 * parsed) fails that page and the run commits the others; an Error of the run itself rolls it back
 * and reaches the reindexer's caller as an {@link IOException}, which every caller reports.
 */
class ContainedErrorsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final PageSource READER = PageSource.of(new PageReader(5_000_000, false, CLOCK));

  @TempDir Path tmp;
  SiteFolders site;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    for (String id : List.of("a", "b", "c")) page(id, "Page " + id + " about walruses.");
  }

  private void page(String id, String body) throws IOException {
    ContentFiles.editPage(site.content(), id + ".md", "id: " + id + "\ntitle: Page " + id, body);
  }

  private Indexer indexer(PageSource pages) {
    return new Indexer(site.content(), site.index(), Seed.schema(), pages, 2, CLOCK);
  }

  /** The real reader, except that {@code before} runs first when {@code rel} is read. */
  private static PageSource readingFirst(String rel, Runnable before) {
    return new PageSource() {
      @Override
      public Site site(Path contentDir, List<SourceFile> files) throws IOException {
        return READER.site(contentDir, files);
      }

      @Override
      public ReadOutcome read(SourceFile file, Site site) {
        if (file.relPath().equals(rel)) before.run();
        return READER.read(file, site);
      }

      @Override
      public boolean includeDrafts() {
        return false;
      }
    };
  }

  /** The real reader, except that reading {@code rel} throws what {@code error} makes. */
  private static PageSource throwingOn(String rel, Supplier<Throwable> error) {
    return readingFirst(rel, () -> throwUnchecked(error.get()));
  }

  /** The real reader, except that reading {@code rel} takes {@code millis} longer. */
  private static PageSource slowOn(String rel, long millis) {
    return readingFirst(
        rel,
        () -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void a_page_over_the_time_budget_is_indexed_and_named_in_the_warnings() throws Exception {
    long millis = IndexRun.SLOW_PAGE_NANOS / 1_000_000 + 100;
    IndexSummary s = indexer(slowOn("b.md", millis)).run(false, Indexer.Progress.NONE);

    assertEquals(3, s.added(), s::line);
    String reason = reasonFor("b.md", s.warnings());
    assertTrue(reason.contains("per-page budget"), reason);
    assertTrue(s.warnings().stream().noneMatch(w -> !w.path().equals("b.md")), s::line);
  }

  private static void throwUnchecked(Throwable t) {
    if (t instanceof Error e) throw e;
    throw (RuntimeException) t;
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("OutOfMemoryError", (Supplier<Throwable>) () -> new OutOfMemoryError("heap")),
        Arguments.of("StackOverflowError", (Supplier<Throwable>) StackOverflowError::new),
        Arguments.of(
            "ExceptionInInitializerError",
            (Supplier<Throwable>) () -> new ExceptionInInitializerError("a parser's static init")));
  }

  private static String reasonFor(String path, List<ContentProblem> problems) {
    return problems.stream()
        .filter(p -> p.path().equals(path))
        .map(ContentProblem::reason)
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not reported: " + problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void an_error_while_reading_one_page_fails_that_page_and_the_others_are_committed(
      String name, Supplier<Throwable> error) throws Exception {
    IndexSummary s = indexer(throwingOn("b.md", error)).run(false, Indexer.Progress.NONE);

    assertEquals(2, s.added(), s::line);
    assertEquals(1, s.failed());
    String reason = reasonFor("b.md", s.failures());
    assertTrue(reason.contains("could not be read (" + name + ")"), reason);
    assertEquals(List.of("a", "c"), List.copyOf(IndexState.idToHash(site.index()).keySet()));
  }

  @Test
  void a_page_that_fails_with_an_error_keeps_its_last_good_version() throws Exception {
    indexer(READER).run(false, Indexer.Progress.NONE);
    Map<String, String> before = IndexState.idToHash(site.index());
    page("b", "Page b, edited.");

    IndexSummary s =
        indexer(throwingOn("b.md", () -> new OutOfMemoryError("heap")))
            .run(false, Indexer.Progress.NONE);

    assertTrue(reasonFor("b.md", s.failures()).contains("its last good version stays"));
    assertEquals(before, IndexState.idToHash(site.index()));
  }

  @Test
  void a_reindex_whose_run_ends_in_an_error_throws_an_io_exception_and_the_next_one_runs()
      throws Exception {
    var failOnce = new AtomicBoolean(true);
    var reindexer =
        new Reindexer(
            indexer(READER),
            summary -> {
              if (failOnce.getAndSet(false)) throw new OutOfMemoryError("while reopening");
            });

    var e = assertThrows(IOException.class, () -> reindexer.run(false));

    assertInstanceOf(OutOfMemoryError.class, e.getCause());
    assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
    assertEquals(3, reindexer.run(false).unchanged(), "the next reindex runs");
  }
}
