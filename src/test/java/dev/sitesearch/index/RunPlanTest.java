package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's decisions: full or incremental, what is read, what is left alone, which broken page
 * keeps its page.
 */
class RunPlanTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final long NOW = CLOCK.millis();

  /** The index before the run: every file 10 bytes, modified at 100; two with an expiry date. */
  static final Map<String, IndexedFile> INDEXED =
      Stream.of(
              indexed("bigger.md", IndexedFile.NEVER),
              indexed("expired.md", NOW),
              indexed("expires-later.md", NOW + 1),
              indexed("gone.md", IndexedFile.NEVER),
              indexed("same.md", IndexedFile.NEVER),
              indexed("touched.md", IndexedFile.NEVER))
          .collect(Collectors.toMap(IndexedFile::path, f -> f));

  /**
   * The folder now: one file grew, one was touched, one is new, one is gone, one could not be
   * listed.
   */
  static final ContentWalker.Result WALK =
      new ContentWalker.Result(
          List.of(
              file("bigger.md", 11, 100),
              file("expired.md", 10, 100),
              file("expires-later.md", 10, 100),
              file("new.md", 10, 100),
              file("same.md", 10, 100),
              file("touched.md", 10, 101)),
          List.of(ContentProblem.of("locked.md", "cannot read: permission denied")));

  private static IndexedFile indexed(String path, long expiresMillis) {
    return new IndexedFile(path, "id-" + path, 10, 100, "hash-" + path, expiresMillis);
  }

  private static SourceFile file(String path, long size, long modifiedMillis) {
    return new SourceFile(path, Path.of(path), size, modifiedMillis);
  }

  private static List<String> toRead(RunPlan plan) {
    return plan.toRead().stream().map(SourceFile::relPath).toList();
  }

  private static List<String> unchanged(RunPlan plan) {
    return plan.unchanged().stream().map(IndexedFile::path).toList();
  }

  @Test
  void
      an_incremental_run_reads_the_files_whose_size_or_time_changed_the_new_ones_and_the_expired_ones() {
    RunPlan plan = RunPlan.of(null, INDEXED, WALK, NOW);

    assertEquals("incremental", plan.describe());
    assertEquals(List.of("bigger.md", "expired.md", "new.md", "touched.md"), toRead(plan));
    assertEquals(List.of("expires-later.md", "same.md"), unchanged(plan));
    assertEquals(WALK.problems(), plan.unlisted());
  }

  @Test
  void a_rebuild_reads_every_file_into_an_empty_index_and_keeps_no_old_version() {
    RunPlan plan = RunPlan.of("schema changed", INDEXED, WALK, NOW);

    assertEquals("full, schema changed", plan.describe());
    assertEquals(WALK.files(), plan.toRead());
    assertEquals(List.of(), unchanged(plan));
    assertEquals(
        List.of(false, false), List.of(plan.holds("same.md"), plan.keepsLastGood("same.md")));
  }

  @Test
  void a_broken_file_keeps_its_last_good_version_only_while_the_index_holds_it_unexpired() {
    RunPlan plan = RunPlan.of(null, INDEXED, WALK, NOW);

    assertEquals(
        Map.of("same.md", true, "expires-later.md", true, "expired.md", false, "new.md", false),
        Stream.of("same.md", "expires-later.md", "expired.md", "new.md")
            .collect(Collectors.toMap(p -> p, plan::keepsLastGood)));
    assertEquals(List.of(true, false), List.of(plan.holds("gone.md"), plan.holds("new.md")));
  }

  @Test
  void a_plan_is_made_from_the_index_folder_and_the_content_folder(@TempDir Path tmp)
      throws IOException {
    Path content = Files.createDirectories(tmp.resolve("content"));
    Path index = tmp.resolve("index");
    Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\nAardvarks.\n");
    Files.setLastModifiedTime(content.resolve("a.md"), FileTime.fromMillis(1_700_000_000_000L));
    Files.createSymbolicLink(content.resolve("broken.md"), content.resolve("missing.md"));
    var policy = new RebuildPolicy(Seed.schema(), false);
    ContentWalker.Result walk = ContentWalker.walk(content);
    String site = new PageReader(5_000_000, false, CLOCK).site(content, walk.files()).fingerprint();

    try (var empty = new ByteBuffersDirectory()) {
      RunPlan fresh =
          RunPlan.make(false, policy, empty, walk, site, CLOCK, new IndexedFiles.Cache());
      assertEquals("new index", fresh.reason());
      assertEquals(List.of("a.md"), toRead(fresh));
      assertEquals(
          List.of("broken.md"), fresh.unlisted().stream().map(ContentProblem::path).toList());
      assertEquals(
          "requested",
          RunPlan.make(true, policy, empty, walk, site, CLOCK, new IndexedFiles.Cache()).reason());
    }
    new Indexer(content, index, Seed.schema(), new PageReader(5_000_000, false, CLOCK), 1, CLOCK)
        .run(false, Indexer.Progress.NONE);
    try (var dir = FSDirectory.open(index)) {
      RunPlan next = RunPlan.make(false, policy, dir, walk, site, CLOCK, new IndexedFiles.Cache());
      assertNull(next.reason());
      assertEquals(List.of(), toRead(next));
      assertEquals(List.of("a.md"), unchanged(next));
      assertEquals(
          "drafts included now",
          RunPlan.make(
                  false,
                  new RebuildPolicy(Seed.schema(), true),
                  dir,
                  walk,
                  site,
                  CLOCK,
                  new IndexedFiles.Cache())
              .reason());
      assertEquals(
          "Hugo site changed: config, bundles, sections or cascades",
          RunPlan.make(false, policy, dir, walk, "another site", CLOCK, new IndexedFiles.Cache())
              .reason());
    }
  }
}
