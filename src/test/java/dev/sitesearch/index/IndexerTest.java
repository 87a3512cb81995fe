package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.StoredPage;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full and incremental runs over a small folder, checked through the search service a user would
 * query.
 */
class IndexerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path content;
  Path index;

  @BeforeEach
  void site() throws IOException {
    content = Files.createDirectories(tmp.resolve("content"));
    index = tmp.resolve("index");
    page("news/alpha.md", "id: a1\ntitle: Alpha news\nsearchCategory: News", "Aardvarks arrive.");
    page("news/beta.md", "id: b2\ntitle: Beta news\nsearchCategory: News", "Bison browse.");
    page(
        "articles/gamma.md",
        "id: c3\ntitle: Gamma article\nsearchCategory: Article",
        "Camels cross.");
  }

  /** Writes a page and gives it an mtime of its own, so a later edit is always seen as a change. */
  private Path page(String rel, String frontMatter, String body) throws IOException {
    return ContentFiles.editPage(content, rel, frontMatter, body);
  }

  private Indexer indexer(Schema schema, Clock clock) {
    return new Indexer(content, index, schema, new PageReader(5_000_000, false, clock), 2, clock);
  }

  private IndexSummary run() throws IOException {
    return indexer(Seed.schema(), CLOCK).run(false, Indexer.Progress.NONE);
  }

  /** The counts a user reads in the one-line summary, as one comparable string. */
  private static String counts(IndexSummary s) {
    return "added=%d updated=%d deleted=%d unchanged=%d skipped=%d failed=%d documents=%d"
        .formatted(
            s.added(),
            s.updated(),
            s.deleted(),
            s.unchanged(),
            s.skipped(),
            s.failed(),
            s.documents());
  }

  private OpenedIndex search() throws IOException {
    return OpenedIndex.of(index);
  }

  private List<String> hitIds(String query) throws IOException {
    try (var search = search()) {
      return search.search(SearchRequest.of(query)).hits().stream()
          .map(SearchResponse.Hit::id)
          .sorted()
          .toList();
    }
  }

  // --- full run
  // ----------------------------------------------------------------------------------------------------

  @Test
  void first_run_builds_a_new_index_with_every_page() throws Exception {
    IndexSummary s = run();

    assertEquals("full", s.mode());
    assertEquals("new index", s.reason());
    assertEquals(
        "added=3 updated=0 deleted=0 unchanged=0 skipped=0 failed=0 documents=3", counts(s));
    assertEquals(0, s.exitCode());
    try (var search = search()) {
      assertEquals(3, search.health().documents());
      assertEquals(s.generation(), search.health().generation());
      assertEquals(CLOCK.instant().toString(), search.health().indexedAt());
      StoredPage alpha = search.document("a1").orElseThrow();
      assertEquals("news/alpha.md", alpha.path());
      assertEquals("Alpha news", alpha.title());
      assertEquals("/news/alpha/", alpha.url());
    }
    assertEquals(List.of("b2"), hitIds("bison"));
  }

  @Test
  void asking_for_a_full_run_rebuilds_everything() throws Exception {
    run();

    IndexSummary s = indexer(Seed.schema(), CLOCK).run(true, Indexer.Progress.NONE);

    assertEquals("full", s.mode());
    assertEquals("requested", s.reason());
    assertEquals(3, s.documents());
  }

  @Test
  void facet_counts_over_the_index_follow_the_pages() throws Exception {
    run();

    try (var search = search()) {
      var facets = search.search(SearchRequest.of("")).facets();
      assertEquals(
          "[News=2, Article=1]",
          facets.get("searchCategory").stream()
              .map(v -> v.value() + "=" + v.count())
              .toList()
              .toString());
    }
  }

  // --- incremental runs
  // --------------------------------------------------------------------------------------------

  @Test
  void a_second_run_with_nothing_changed_reads_nothing_and_makes_no_commit() throws Exception {
    IndexSummary first = run();

    IndexSummary s = run();

    assertEquals("incremental", s.mode());
    assertNull(s.reason());
    assertEquals(
        "added=0 updated=0 deleted=0 unchanged=3 skipped=0 failed=0 documents=3", counts(s));
    assertEquals(first.generation(), s.generation());
  }

  @Test
  void a_new_file_is_one_page_added() throws Exception {
    run();
    page("news/delta.md", "id: d4\ntitle: Delta news", "Dolphins dive.");

    IndexSummary s = run();

    assertEquals(
        "added=1 updated=0 deleted=0 unchanged=3 skipped=0 failed=0 documents=4", counts(s));
    assertEquals(List.of("d4"), hitIds("dolphins"));
  }

  @Test
  void an_edited_file_is_one_page_updated_and_search_sees_the_new_text() throws Exception {
    run();
    page(
        "news/beta.md",
        "id: b2\ntitle: Beta news revised",
        "Buffaloes bathe, a longer text than before.");

    IndexSummary s = run();

    assertEquals(
        "added=0 updated=1 deleted=0 unchanged=2 skipped=0 failed=0 documents=3", counts(s));
    assertEquals(List.of(), hitIds("bison"));
    assertEquals(List.of("b2"), hitIds("buffaloes"));
    try (var search = search()) {
      assertEquals("Beta news revised", search.document("b2").orElseThrow().title());
    }
  }

  @Test
  void a_touched_file_with_the_same_bytes_counts_as_unchanged() throws Exception {
    run();
    Path beta = content.resolve("news/beta.md");
    Files.setLastModifiedTime(
        beta, FileTime.fromMillis(Files.getLastModifiedTime(beta).toMillis() + 3_600_000));

    IndexSummary touched = run();
    IndexSummary after = run();

    assertEquals(
        "added=0 updated=0 deleted=0 unchanged=3 skipped=0 failed=0 documents=3", counts(touched));
    assertEquals(
        "added=0 updated=0 deleted=0 unchanged=3 skipped=0 failed=0 documents=3", counts(after));
    assertEquals(List.of("b2"), hitIds("bison"));
  }

  @Test
  void a_deleted_file_is_one_page_deleted_and_no_longer_found() throws Exception {
    run();
    Files.delete(content.resolve("news/beta.md"));

    IndexSummary s = run();

    assertEquals(
        "added=0 updated=0 deleted=1 unchanged=2 skipped=0 failed=0 documents=2", counts(s));
    assertEquals(List.of(), hitIds("bison"));
    try (var search = search()) {
      assertTrue(search.document("b2").isEmpty());
      assertEquals(2, search.health().documents());
    }
  }

  @Test
  void a_renamed_file_is_one_page_added_and_one_deleted_and_keeps_its_id() throws Exception {
    run();
    Files.createDirectories(content.resolve("archive"));
    Files.move(content.resolve("news/beta.md"), content.resolve("archive/beta-2024.md"));

    IndexSummary s = run();

    assertEquals(
        "added=1 updated=0 deleted=1 unchanged=2 skipped=0 failed=0 documents=3", counts(s));
    try (var search = search()) {
      assertEquals("archive/beta-2024.md", search.document("b2").orElseThrow().path());
    }
  }

  @Test
  void a_renamed_file_without_an_id_gets_its_new_path_as_id() throws Exception {
    page("plain.md", "title: Plain page", "Pelicans perch.");
    run();
    Files.move(content.resolve("plain.md"), content.resolve("moved.md"));

    IndexSummary s = run();

    assertEquals(
        "added=1 updated=0 deleted=1 unchanged=3 skipped=0 failed=0 documents=4", counts(s));
    assertEquals(List.of("moved.md"), hitIds("pelicans"));
  }

  @Test
  void a_page_turned_draft_is_removed_from_the_index() throws Exception {
    run();
    page("news/beta.md", "id: b2\ntitle: Beta news\ndraft: true", "Bison browse.");

    IndexSummary s = run();

    assertEquals(
        "added=0 updated=0 deleted=1 unchanged=2 skipped=1 failed=0 documents=2", counts(s));
    assertEquals(List.of(), hitIds("bison"));
  }

  @Test
  void a_page_leaves_the_index_once_its_expiry_date_passes_without_being_edited() throws Exception {
    page(
        "news/offer.md",
        "id: o5\ntitle: Offer\nexpiryDate: 2025-07-01T00:00:00Z",
        "Ocelots offer.");
    run();
    assertEquals(List.of("o5"), hitIds("ocelots"));

    Clock later = Clock.fixed(Instant.parse("2025-07-02T00:00:00Z"), ZoneOffset.UTC);
    IndexSummary s = indexer(Seed.schema(), later).run(false, Indexer.Progress.NONE);

    assertEquals(
        "added=0 updated=0 deleted=1 unchanged=3 skipped=1 failed=0 documents=3", counts(s));
    assertEquals(List.of(), hitIds("ocelots"));
  }

  @Test
  void a_broken_page_keeps_its_last_good_version_only_until_its_expiry_date() throws Exception {
    page(
        "news/offer.md", "id: o6\ntitle: Offer\nexpiryDate: 2025-07-01T00:00:00Z", "Okapis offer.");
    run();
    page("news/offer.md", "id: o6\ntitle: [unclosed", "Okapis offer.");

    IndexSummary broken = run();
    assertEquals(
        List.of("o6"), hitIds("okapis"), "broken before its expiry: the last good version stays");
    assertTrue(
        broken.failures().get(0).reason().contains("stays in the index"),
        broken.failures().toString());

    Clock later = Clock.fixed(Instant.parse("2025-07-02T00:00:00Z"), ZoneOffset.UTC);
    IndexSummary s = indexer(Seed.schema(), later).run(false, Indexer.Progress.NONE);

    assertEquals(List.of(), hitIds("okapis"), "expired: not kept, broken or not");
    assertEquals(1, s.deleted());
    assertEquals(1, s.failed());
    assertFalse(
        s.failures().get(0).reason().contains("stays in the index"), s.failures().toString());
  }

  @Test
  void a_changed_schema_makes_the_next_run_a_full_rebuild() throws Exception {
    run();
    var facets = new ArrayList<>(Seed.schema().facetFields());
    facets.add("audience");
    var schema =
        new Schema(Seed.schema().textFields(), facets, Seed.schema().dateFields(), List.of());
    page("news/alpha.md", "id: a1\ntitle: Alpha news\naudience: Clinicians", "Aardvarks arrive.");

    IndexSummary s = indexer(schema, CLOCK).run(false, Indexer.Progress.NONE);

    assertEquals("full", s.mode());
    assertEquals("schema changed", s.reason());
    assertEquals(3, s.documents());
    var fields =
        new FieldSettings(
            schema.textFields(),
            facets,
            schema.dateFields(),
            List.of(),
            schema.stemmer(),
            schema.labels());
    try (var search = OpenedIndex.of(Seed.config().withFields(fields), index, Clock.systemUTC())) {
      assertEquals(
          List.of("Clinicians"), search.document("a1").orElseThrow().fields().get("audience"));
    }
    IndexSummary next = indexer(schema, CLOCK).run(false, Indexer.Progress.NONE);
    assertEquals("incremental", next.mode());
  }

  @Test
  void changing_boosts_is_a_schema_change_too() throws Exception {
    run();
    var text = new LinkedHashMap<>(Seed.schema().textFields());
    text.put("title", 10f);
    var schema =
        new Schema(text, Seed.schema().facetFields(), Seed.schema().dateFields(), List.of());

    IndexSummary s = indexer(schema, CLOCK).run(false, Indexer.Progress.NONE);

    assertEquals("schema changed", s.reason());
  }

  // --- broken pages
  // ------------------------------------------------------------------------------------------------

  @Test
  void a_page_that_breaks_keeps_its_last_good_version_searchable_and_is_reported_until_fixed()
      throws Exception {
    run();
    page("news/beta.md", "id: b2\ntitle: [unclosed", "Broken bison.");

    IndexSummary broken = run();

    assertEquals(
        "added=0 updated=0 deleted=0 unchanged=2 skipped=0 failed=1 documents=3", counts(broken));
    assertEquals(1, broken.exitCode());
    ContentProblem p = broken.failures().get(0);
    assertEquals("news/beta.md", p.path());
    assertTrue(
        p.reason().contains("invalid YAML") && p.reason().contains("stays in the index"),
        p.reason());
    assertTrue(p.line() > 0, "line " + p.line());
    assertEquals(List.of("b2"), hitIds("bison"), "the last good version is still found");
    assertEquals(List.of(), hitIds("broken"));

    IndexSummary again = run();
    assertEquals(1, again.failed(), "still reported on the next run");
    assertEquals(List.of("b2"), hitIds("bison"));

    page("news/beta.md", "id: b2\ntitle: Beta fixed", "Bison browse again.");
    IndexSummary fixed = run();
    assertEquals(
        "added=0 updated=1 deleted=0 unchanged=2 skipped=0 failed=0 documents=3", counts(fixed));
    assertEquals(0, fixed.exitCode());
  }

  @Test
  void a_broken_new_page_is_reported_and_every_other_page_is_indexed() throws Exception {
    page("news/bad.md", "title: x\n  oops: y", "Bad.");

    IndexSummary s = run();

    assertEquals(
        "added=3 updated=0 deleted=0 unchanged=0 skipped=0 failed=1 documents=3", counts(s));
    assertEquals(1, s.exitCode());
    assertEquals("news/bad.md", s.failures().get(0).path());
    assertTrue(s.line().contains("1 failed"), s.line());
  }

  @Test
  void a_facet_of_the_wrong_shape_is_a_warning_and_the_page_is_indexed_without_it()
      throws Exception {
    page("news/odd.md", "id: odd\ntitle: Odd\ntags: {a: 1}\nsearchCategory: News", "Otters.");

    IndexSummary s = run();

    assertEquals(0, s.failed());
    assertEquals(0, s.exitCode(), "warnings do not fail the run");
    assertEquals(1, s.warnings().size(), s.warnings().toString());
    assertEquals("news/odd.md", s.warnings().get(0).path());
    assertTrue(s.warnings().get(0).reason().startsWith("tags:"), s.warnings().toString());
    try (var search = search()) {
      StoredPage odd = search.document("odd").orElseThrow();
      assertNull(odd.fields().get("tags"));
      assertEquals(List.of("News"), odd.fields().get("searchCategory"));
    }
  }

  @Test
  void an_unreadable_date_is_warned_about_once() throws Exception {
    page("news/when.md", "id: w\ntitle: When\ndate: someday soon", "Wildebeest.");

    IndexSummary s = run();

    assertEquals(
        List.of(
            ContentProblem.of(
                "news/when.md",
                "date: 'someday soon' is not a date (use 2024-05-31 or 2024-05-31T08:00:00Z); the field is left out")),
        s.warnings());
    assertEquals(List.of("w"), hitIds("wildebeest"));
  }

  @Test
  void a_normal_run_after_one_with_drafts_included_takes_the_unpublished_pages_out()
      throws Exception {
    page("news/draft.md", "id: dr\ntitle: Draft\ndraft: true", "Dingoes.");
    page("news/future.md", "id: fu\ntitle: Future\npublishDate: 2030-01-01", "Ferrets.");
    page("news/expired.md", "id: ex\ntitle: Expired\nexpiryDate: 2020-01-01", "Emus.");
    var preview =
        new Indexer(
            content, index, Seed.schema(), new PageReader(5_000_000, true, CLOCK), 2, CLOCK);
    assertEquals(6, preview.run(false, Indexer.Progress.NONE).documents());

    IndexSummary s = run();

    assertEquals(List.of(), hitIds("dingoes"), "a draft is still searchable after a normal run");
    assertEquals(
        List.of(), hitIds("ferrets"), "a future page is still searchable after a normal run");
    assertEquals(
        List.of(), hitIds("emus"), "an expired page is still searchable after a normal run");
    assertEquals(
        "deleted=3 skipped=3 documents=3",
        "deleted=%d skipped=%d documents=%d".formatted(s.deleted(), s.skipped(), s.documents()));
  }

  @Test
  void an_index_built_with_drafts_included_must_be_rebuilt_before_it_is_served_without_them()
      throws Exception {
    page("news/draft.md", "id: dr\ntitle: Draft\ndraft: true", "Dingoes.");
    var preview =
        new Indexer(
            content, index, Seed.schema(), new PageReader(5_000_000, true, CLOCK), 2, CLOCK);
    preview.run(false, Indexer.Progress.NONE);

    String reason = indexer(Seed.schema(), CLOCK).rebuildReason();

    assertNotNull(reason, "serve would show the drafts until its catch-up pass");
    assertTrue(reason.contains("drafts"), reason);
    assertEquals(reason, run().reason(), "the run rebuilds for the reason the question gave");
    assertNull(
        indexer(Seed.schema(), CLOCK).rebuildReason(), "after the rebuild the index can be served");
  }

  // --- duplicate ids
  // -----------------------------------------------------------------------------------------------

  @Test
  void of_two_files_with_one_id_the_smaller_path_wins_and_the_other_is_reported_naming_both()
      throws Exception {
    page("z-first-written.md", "id: same\ntitle: Zulu", "Zebras.");
    page("b-second.md", "id: same\ntitle: Bravo", "Badgers.");

    IndexSummary s = run();

    assertEquals(
        "added=4 updated=0 deleted=0 unchanged=0 skipped=0 failed=1 documents=4", counts(s));
    ContentProblem p = s.failures().get(0);
    assertEquals("z-first-written.md", p.path());
    assertTrue(p.reason().contains("same") && p.reason().contains("b-second.md"), p.reason());
    try (var search = search()) {
      assertEquals("b-second.md", search.document("same").orElseThrow().path());
    }
    assertEquals(List.of(), hitIds("zebras"));

    IndexSummary again = run();
    assertEquals(
        s.generation(), again.generation(), "the reported duplicate is no change: no new commit");
    assertEquals(1, again.failed(), "and it is still reported");
  }

  @Test
  void the_duplicate_id_winner_is_the_same_on_every_run_and_thread_count() throws Exception {
    for (int i = 0; i < 20; i++)
      page("dup/p" + (char) ('a' + i) + ".md", "id: dup\ntitle: P" + i, "Dup page " + i);

    for (int threads : new int[] {1, 4, 8}) {
      IndexSummary s =
          new Indexer(
                  content,
                  index,
                  Seed.schema(),
                  new PageReader(5_000_000, false, CLOCK),
                  threads,
                  CLOCK)
              .run(true, Indexer.Progress.NONE);
      assertEquals(19, s.failed());
      try (var search = search()) {
        assertEquals(
            "dup/pa.md", search.document("dup").orElseThrow().path(), threads + " threads");
      }
    }
  }

  @Test
  void a_new_file_taking_an_existing_id_with_a_smaller_path_wins_and_the_old_one_is_removed()
      throws Exception {
    run();
    page("aaa/new-copy.md", "id: b2\ntitle: Copy", "Copycats.");

    IndexSummary s = run();

    assertEquals(1, s.failed());
    assertEquals("news/beta.md", s.failures().get(0).path());
    assertTrue(s.failures().get(0).reason().contains("aaa/new-copy.md"), s.failures().toString());
    assertEquals(1, s.deleted());
    try (var search = search()) {
      assertEquals("aaa/new-copy.md", search.document("b2").orElseThrow().path());
      assertEquals(3, search.health().documents());
    }
  }

  // --- the content folder itself
  // -----------------------------------------------------------------------------------

  @Test
  void a_missing_content_folder_is_an_error_and_writes_nothing() {
    var indexer =
        new Indexer(
            tmp.resolve("nope"),
            index,
            Seed.schema(),
            new PageReader(5_000_000, false, CLOCK),
            2,
            CLOCK);

    var e = assertThrows(IOException.class, () -> indexer.run(false, Indexer.Progress.NONE));

    assertTrue(e.getMessage().contains("content folder not found"), e.getMessage());
    assertTrue(Files.notExists(index));
  }

  @Test
  void an_empty_content_folder_gives_an_empty_index_that_opens() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    var indexer =
        new Indexer(empty, index, Seed.schema(), new PageReader(5_000_000, false, CLOCK), 2, CLOCK);

    IndexSummary s = indexer.run(false, Indexer.Progress.NONE);

    assertEquals(0, s.documents());
    try (var search = search()) {
      assertEquals(0, search.search(SearchRequest.of("anything")).total());
    }
  }

  @Test
  void a_dry_run_counts_like_a_real_run_and_writes_nothing() throws Exception {
    IndexSummary s =
        Indexer.dryRun(content, Seed.schema(), new PageReader(5_000_000, false, CLOCK), 2, CLOCK)
            .run(true, Indexer.Progress.NONE);

    assertEquals(
        "added=3 updated=0 deleted=0 unchanged=0 skipped=0 failed=0 documents=3", counts(s));
    assertTrue(Files.notExists(index));
  }
}
