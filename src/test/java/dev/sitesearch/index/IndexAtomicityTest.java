package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies half-way leaves the previous commit; a second indexer is turned away while one is
 * writing.
 */
class IndexAtomicityTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final int PAGES = 12;

  @TempDir Path tmp;
  Path content;
  Path index;

  @BeforeEach
  void site() throws IOException {
    content = Files.createDirectories(tmp.resolve("content"));
    index = tmp.resolve("index");
    for (int i = 0; i < PAGES; i++) page(i, "Original text of page " + i + " about walruses.");
  }

  private void page(int i, String body) throws IOException {
    Path p = content.resolve("p" + i + ".md");
    long mtime =
        Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() + 60_000 : 1_700_000_000_000L;
    Files.writeString(p, "---\nid: p" + i + "\ntitle: Page " + i + "\n---\n" + body + "\n");
    Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
  }

  private Indexer indexer() {
    return new Indexer(
        content, index, Schema.defaults(), new PageReader(5_000_000, false, CLOCK), 2, CLOCK);
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
    Files.delete(content.resolve("p11.md"));

    var e = assertThrows(IllegalStateException.class, () -> indexer().run(false, failingAfter(4)));
    assertTrue(e.getMessage().startsWith("simulated crash"), e.getMessage());

    try (var search = OpenedIndex.of(index)) {
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

    try (var search = OpenedIndex.of(index)) {
      assertOriginalIndex(search);
    }
  }

  @Test
  void the_first_run_failing_midway_leaves_no_index_and_the_next_run_builds_it() throws Exception {
    assertThrows(IllegalStateException.class, () -> indexer().run(false, failingAfter(3)));

    var missing = assertThrows(IOException.class, () -> OpenedIndex.of(index).close());
    assertTrue(missing.getMessage().contains("run 'sitesearch index' first"), missing.getMessage());
    assertEquals(PAGES, indexer().run(false, Indexer.Progress.NONE).documents());
  }

  @Test
  @Timeout(60) // a guard against a deadlock, not a speed check
  void a_second_indexer_is_turned_away_at_once_while_one_is_writing_and_the_first_completes()
      throws Exception {
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Indexer.Progress blocking =
        new Indexer.Progress() {
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
    CompletableFuture<IndexSummary> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return indexer().run(false, blocking);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      assertTrue(inside.await(30, TimeUnit.SECONDS), "the first indexer never started writing");

      var busy =
          assertThrows(IndexBusyException.class, () -> indexer().run(false, Indexer.Progress.NONE));

      assertTrue(busy.getMessage().contains("another indexer is writing"), busy.getMessage());
      assertTrue(busy.getMessage().contains(index.getFileName().toString()), busy.getMessage());
    } finally {
      release.countDown();
    }
    IndexSummary summary = first.get(30, TimeUnit.SECONDS);
    assertEquals(PAGES, summary.added());
    try (var search = OpenedIndex.of(index)) {
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
    Indexer.Progress blocking =
        new Indexer.Progress() {
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
    CompletableFuture<IndexSummary> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return indexer().run(true, blocking);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try (var search = OpenedIndex.of(index)) {
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
}
