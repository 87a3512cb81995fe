package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader reads the file the walk listed and nothing else. Each race between the walk and the
 * read is made deterministic by doing the swap between the two calls: a page swapped for a link out
 * of the folder, a folder on its path swapped for one, a page replaced or rewritten, swapped for a
 * 3 GB file or a FIFO.
 */
class ReadWhatWasWalkedTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final String SECRET = "root:x:0:0:walrus-secret:/root:/bin/bash";

  @TempDir Path tmp;
  Path content;
  Path outside;
  final PageReader reader = new PageReader(5_000_000, false, CLOCK);

  @BeforeEach
  void folders() throws IOException {
    content = Files.createDirectories(tmp.resolve("content"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("passwd"), SECRET + "\n");
    ContentFiles.page(content, "news/page.md", "id: page\ntitle: Walrus news", "Walruses.");
  }

  /** The file as the walk listed it. */
  private SourceFile walked(String rel) throws IOException {
    return ContentWalker.walk(content).files().stream()
        .filter(f -> f.relPath().equals(rel))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rel + " not listed"));
  }

  private static void assertSecretNotRead(ReadOutcome outcome) {
    if (outcome instanceof ReadOutcome.Parsed parsed) {
      assertFalse(parsed.page().body().contains("walrus-secret"), "the link's target was read");
    }
  }

  private static ContentProblem unreadable(ReadOutcome outcome, String reason) {
    assertSecretNotRead(outcome);
    ContentProblem p =
        assertInstanceOf(ReadOutcome.Unreadable.class, outcome, () -> "got " + outcome).problem();
    assertTrue(p.reason().contains(reason), p.reason());
    return p;
  }

  private static ContentProblem changed(ReadOutcome outcome, String reason) {
    ContentProblem p =
        assertInstanceOf(ReadOutcome.Changed.class, outcome, () -> "got " + outcome).problem();
    assertTrue(p.reason().contains(reason), p.reason());
    assertTrue(p.reason().contains("read on the next run"), p.reason());
    return p;
  }

  @Test
  void a_page_swapped_for_a_link_out_of_the_folder_after_the_walk_is_not_followed()
      throws Exception {
    SourceFile page = walked("news/page.md");
    Files.delete(content.resolve("news/page.md"));
    Files.createSymbolicLink(content.resolve("news/page.md"), outside.resolve("passwd"));

    ContentProblem p = unreadable(reader.read(page), "became a symbolic link");

    assertEquals("news/page.md", p.path());
    assertFalse(p.reason().contains(tmp.toString()), "no absolute path: " + p.reason());
  }

  @Test
  void a_folder_on_the_path_swapped_for_a_link_out_of_the_folder_after_the_walk_is_not_followed()
      throws Exception {
    SourceFile page = walked("news/page.md");
    ContentFiles.write(outside, "news/page.md", SECRET + "\n");
    Files.move(content.resolve("news"), tmp.resolve("news-moved"));
    Files.createSymbolicLink(content.resolve("news"), outside.resolve("news"));

    unreadable(reader.read(page), "a folder on its path became a symbolic link");
  }

  @Test
  void a_page_replaced_by_another_file_after_the_walk_is_left_for_the_next_run() throws Exception {
    SourceFile page = walked("news/page.md");
    Path replacement = ContentFiles.write(tmp, "saved.md", "---\nid: page\n---\nSaved anew.\n");
    Files.move(replacement, content.resolve("news/page.md"), StandardCopyOption.REPLACE_EXISTING);

    changed(reader.read(page), "replaced by another file");
  }

  @Test
  void a_page_rewritten_in_place_after_the_walk_is_left_for_the_next_run() throws Exception {
    SourceFile page = walked("news/page.md");
    Files.writeString(content.resolve("news/page.md"), "---\nid: page\n---\nLonger text now.\n");

    changed(reader.read(page), "rewritten");
  }

  @Test
  @Timeout(20) // a 3 GB read would take longer than this, or fail with OutOfMemoryError
  void a_page_swapped_for_a_3_GB_file_after_the_walk_is_never_read() throws Exception {
    SourceFile page = walked("news/page.md");
    Path huge = sparse(tmp.resolve("huge.md"), 3L << 30);
    Files.move(huge, content.resolve("news/page.md"), StandardCopyOption.REPLACE_EXISTING);

    changed(reader.read(page), "replaced by another file");
  }

  @Test
  @Timeout(20)
  void a_page_grown_in_place_to_3_GB_after_the_walk_is_never_read() throws Exception {
    SourceFile page = walked("news/page.md");
    sparse(content.resolve("news/page.md"), 3L << 30);

    changed(reader.read(page), "rewritten");
  }

  @Test
  @Timeout(20)
  void a_file_larger_than_memory_can_hold_is_refused_whatever_the_configured_limit()
      throws Exception {
    sparse(content.resolve("news/page.md"), 3L << 30);
    var unlimited = new PageReader(Long.MAX_VALUE, false, CLOCK);

    ReadOutcome outcome = unlimited.read(walked("news/page.md"));

    ContentProblem p =
        assertInstanceOf(ReadOutcome.Failed.class, outcome, () -> "got " + outcome).problem();
    assertTrue(p.reason().contains("more than can be read into memory"), p.reason());
  }

  @Test
  @Timeout(20) // opening a FIFO for reading blocks until someone writes to it
  void a_page_swapped_for_a_fifo_after_the_walk_is_refused_without_opening_it() throws Exception {
    SourceFile page = walked("news/page.md");
    Files.delete(content.resolve("news/page.md"));
    Process mkfifo =
        new ProcessBuilder("mkfifo", content.resolve("news/page.md").toString()).start();
    assertEquals(0, mkfifo.waitFor());

    unreadable(reader.read(page), "no longer a regular file");
  }

  @Test
  void a_link_inside_the_folder_is_read_from_where_it_led_at_the_walk() throws Exception {
    Files.createSymbolicLink(content.resolve("alias.md"), content.resolve("news/page.md"));
    SourceFile alias = walked("alias.md");
    // Retargeted out of the folder after the walk: the walk checked where it led then.
    Files.delete(content.resolve("alias.md"));
    Files.createSymbolicLink(content.resolve("alias.md"), outside.resolve("passwd"));

    ReadOutcome outcome = reader.read(alias);

    var parsed = assertInstanceOf(ReadOutcome.Parsed.class, outcome, () -> "got " + outcome);
    assertEquals("Walrus news", parsed.page().title());
    assertEquals("alias.md", parsed.page().source().relPath());
  }

  @Test
  void a_page_deleted_after_the_walk_is_gone() throws Exception {
    SourceFile page = walked("news/page.md");
    Files.delete(content.resolve("news/page.md"));

    assertEquals(new ReadOutcome.Gone("news/page.md"), reader.read(page));
  }

  @Test
  void a_page_whose_folder_was_deleted_after_the_walk_is_gone() throws Exception {
    SourceFile page = walked("news/page.md");
    Files.delete(content.resolve("news/page.md"));
    Files.delete(content.resolve("news"));

    assertEquals(new ReadOutcome.Gone("news/page.md"), reader.read(page));
  }

  @Test
  void a_page_as_the_walk_listed_it_is_read() throws Exception {
    ReadOutcome outcome = reader.read(walked("news/page.md"));

    assertEquals(
        "Walrus news",
        assertInstanceOf(ReadOutcome.Parsed.class, outcome, () -> "got " + outcome).page().title());
  }

  /** A file of {@code size} bytes that takes no space on disk. */
  private static Path sparse(Path file, long size) throws IOException {
    try (var f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }
}
