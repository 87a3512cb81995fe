package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.Site;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies half-way leaves the previous commit, and so does a run whose thread is
 * interrupted (closing a watcher, stopping a server), once every worker has stopped: a worker still
 * writing while the writer rolls back would race it. A second indexer is turned away while one is
 * writing.
 */
class IndexAtomicityTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final int PAGES = 12;
  static final PageSource READER = PageSource.of(new PageReader(5_000_000, false, CLOCK));

  @TempDir Path tmp;
  SiteFolders site;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    for (int i = 0; i < PAGES; i++) page(i, "Original text of page " + i + " about walruses.");
  }

  /** Writes page {@code i} with an mtime of its own, so a rewrite is always seen as a change. */
  private void page(int i, String body) throws IOException {
    ContentFiles.editPage(
        site.content(), "p" + i + ".md", "id: p" + i + "\ntitle: Page " + i, body);
  }

  private Indexer indexer() {
    return indexer(READER);
  }

  private Indexer indexer(PageSource pages) {
    return new Indexer(site.content(), site.index(), Seed.schema(), pages, 2, CLOCK);
  }

  /** Fails the run after {@code n} pages have been read and written. */
  private static Indexer.Progress failingAfter(int n) {
    var done = new AtomicInteger();
    return new Indexer.Progress() {
      @Override
      public void advance() {
        if (done.incrementAndGet() > n)
          throw new IllegalStateException("simulated crash after " + n + " pages");
      }
    };
  }

  /**
   * Counts {@code inside} down at the first page written, then holds the run until {@code release}.
   */
  private static Indexer.Progress heldAfterFirstPage(
      CountDownLatch inside, CountDownLatch release) {
    return new Indexer.Progress() {
      @Override
      public void advance() {
        inside.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  /** A run on another thread. */
  private CompletableFuture<IndexSummary> runAsync(boolean full, Indexer.Progress progress) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return indexer().run(full, progress);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void assertOriginalIndex(OpenedIndex search) throws IOException {
    assertEquals(PAGES, search.health().documents());
    assertEquals(PAGES, search.search(SearchRequest.of("walruses").withSize(100)).total());
    assertEquals(0, search.search(SearchRequest.of("narwhals")).total());
    for (int i = 0; i < PAGES; i++) {
      assertEquals("Page " + i, search.document("p" + i).orElseThrow().title());
    }
  }

  @Test
  void an_incremental_run_that_fails_midway_leaves_the_previous_commit_intact() throws Exception {
    IndexSummary first = indexer().run(false, Indexer.Progress.NONE);
    for (int i = 0; i < 6; i++) page(i, "Rewritten text about narwhals " + i + ".");
    for (int i = PAGES; i < PAGES + 5; i++) page(i, "New page about narwhals.");
    Files.delete(site.content().resolve("p11.md"));

    var e = assertThrows(IllegalStateException.class, () -> indexer().run(false, failingAfter(4)));
    assertTrue(e.getMessage().startsWith("simulated crash"), e.getMessage());

    try (var search = OpenedIndex.of(site.index())) {
      assertOriginalIndex(search);
      assertEquals(first.generation(), search.health().generation(), "no new commit");
    }
    IndexSummary next = indexer().run(false, Indexer.Progress.NONE);
    assertEquals(
        "added=5 updated=6 deleted=1",
        "added=%d updated=%d deleted=%d".formatted(next.added(), next.updated(), next.deleted()));
    assertEquals(PAGES + 4, next.documents());
  }

  @Test
  void a_full_run_that_fails_midway_leaves_the_previous_commit_intact() throws Exception {
    indexer().run(false, Indexer.Progress.NONE);
    for (int i = 0; i < PAGES; i++) page(i, "Rewritten text about narwhals " + i + ".");

    assertThrows(IllegalStateException.class, () -> indexer().run(true, failingAfter(PAGES - 1)));

    try (var search = OpenedIndex.of(site.index())) {
      assertOriginalIndex(search);
    }
  }

  @Test
  void the_first_run_failing_midway_leaves_no_index_and_the_next_run_builds_it() throws Exception {
    assertThrows(IllegalStateException.class, () -> indexer().run(false, failingAfter(3)));

    var missing = assertThrows(IOException.class, () -> OpenedIndex.of(site.index()).close());
    assertTrue(missing.getMessage().contains("run 'sitesearch index' first"), missing.getMessage());
    assertEquals(PAGES, indexer().run(false, Indexer.Progress.NONE).documents());
  }

  @Test
  @Timeout(60) // a guard against a deadlock, not a speed check
  void a_second_indexer_is_turned_away_at_once_while_one_is_writing_and_the_first_completes()
      throws Exception {
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<IndexSummary> first = runAsync(false, heldAfterFirstPage(inside, release));
    try {
      assertTrue(inside.await(30, TimeUnit.SECONDS), "the first indexer never started writing");

      var busy =
          assertThrows(IndexBusyException.class, () -> indexer().run(false, Indexer.Progress.NONE));

      assertTrue(busy.getMessage().contains("another indexer is writing"), busy.getMessage());
      assertTrue(
          busy.getMessage().contains(site.index().getFileName().toString()), busy.getMessage());
    } finally {
      release.countDown();
    }
    IndexSummary summary = first.get(30, TimeUnit.SECONDS);
    assertEquals(PAGES, summary.added());
    try (var search = OpenedIndex.of(site.index())) {
      assertEquals(PAGES, search.health().documents());
      assertEquals(PAGES, search.search(SearchRequest.of("walruses").withSize(100)).total());
    }
    assertEquals(
        PAGES, indexer().run(false, Indexer.Progress.NONE).unchanged(), "the lock is free again");
  }

  @Test
  void searches_keep_seeing_the_previous_commit_while_a_run_is_in_progress() throws Exception {
    indexer().run(false, Indexer.Progress.NONE);
    for (int i = 0; i < PAGES; i++) page(i, "Rewritten text about narwhals " + i + ".");
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<IndexSummary> run = runAsync(true, heldAfterFirstPage(inside, release));
    try (var search = OpenedIndex.of(site.index())) {
      assertTrue(inside.await(30, TimeUnit.SECONDS));
      search.refresh();
      assertOriginalIndex(search);
      release.countDown();
      run.get(30, TimeUnit.SECONDS);
      search.refresh();
      assertEquals(PAGES, search.search(SearchRequest.of("narwhals").withSize(100)).total());
    } finally {
      release.countDown();
    }
  }

  /**
   * The real reader, except that the first read waits for {@link #release}; remembers every thread
   * that read.
   */
  static final class HeldFirstRead implements PageSource {
    final PageSource reader = READER;
    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger reads = new AtomicInteger();
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    @Override
    public Site site(Path contentDir, List<SourceFile> files) throws IOException {
      return reader.site(contentDir, files);
    }

    @Override
    public ReadOutcome read(SourceFile file, Site site) {
      workers.add(Thread.currentThread());
      if (reads.getAndIncrement() == 0) {
        inside.countDown();
        try {
          if (!release.await(30, TimeUnit.SECONDS)) throw new AssertionError("never released");
        } catch (InterruptedException e) {
          throw new AssertionError(
              "a worker was interrupted (that closes Lucene's channels under the writer)", e);
        }
      }
      return reader.read(file, site);
    }

    @Override
    public boolean includeDrafts() {
      return reader.includeDrafts();
    }

    List<String> stillRunning() {
      return workers.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
  }

  /**
   * What the interrupted run did, recorded on its own thread at the moment {@code run()} returned
   * or threw.
   */
  record Ending(Throwable thrown, List<String> workersStillRunning, boolean interruptKept) {}

  @Test
  @Timeout(60) // a guard against a hang, not a speed check
  void an_interrupted_run_waits_for_its_workers_then_throws_and_leaves_the_previous_commit()
      throws Exception {
    IndexSummary first = indexer().run(false, Indexer.Progress.NONE);
    Map<String, String> before = IndexState.idToHash(site.index());
    for (int i = 0; i < PAGES; i++) page(i, "Rewritten text about narwhals " + i + ".");
    var held = new HeldFirstRead();
    var ending = new AtomicReference<Ending>();
    Thread runner =
        new Thread(
            () -> {
              Throwable thrown = null;
              try {
                indexer(held).run(false, Indexer.Progress.NONE);
              } catch (Throwable t) {
                thrown = t;
              }
              ending.set(
                  new Ending(thrown, held.stillRunning(), Thread.currentThread().isInterrupted()));
            },
            "interrupted-run");

    runner.start();
    assertTrue(held.inside.await(30, TimeUnit.SECONDS), "no worker began to read");
    runner.interrupt();
    // A moment in which a run that does not wait for its workers would already have thrown; one
    // that waits cannot finish before the release below, however long the moment lasts.
    runner.join(500);
    held.release.countDown();
    runner.join(30_000);

    Ending end = ending.get();
    assertFalse(runner.isAlive(), "the run never ended");
    var e = assertInstanceOf(IOException.class, end.thrown(), "the run did not fail");
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    assertEquals(
        List.of(), end.workersStillRunning(), "the run threw while its workers were still running");
    assertTrue(end.interruptKept(), "the caller's interrupt is kept for it to see");
    assertEquals(before, IndexState.idToHash(site.index()), "the previous commit, page for page");
    IndexState.assertCheckIndexClean(site.index());

    IndexSummary next = indexer().run(false, Indexer.Progress.NONE);
    assertEquals(PAGES, next.updated(), "the next run is not locked out and catches up");
    assertTrue(next.generation() > first.generation());
  }
}
