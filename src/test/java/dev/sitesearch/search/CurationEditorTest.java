package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Languages;
import dev.sitesearch.search.CurationChange.Action;
import dev.sitesearch.search.CurationChange.Kind;
import dev.sitesearch.search.CurationEditor.Edit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editors' changes replayed over the config's rules: each shows in the next search, an undo takes
 * its change back (an undo of the undo puts it back), a change made against an old version is
 * refused, the history survives a reopen, and an unreadable history is kept aside while curation
 * starts from the config.
 */
class CurationEditorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
  private static final RankingSettings CONFIG =
      TinyIndex.BARE.with(s -> s.pins = Map.of("Checklist", List.of("billing")));

  @TempDir Path dir;

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("abbrev", "CCM checklist").body("The CCM enrollment checklist.").date("2021-03-01"),
          page("longform", "Program guide")
              .body("Starting a chronic care management program, with a checklist.")
              .date("2021-06-01"),
          page("billing", "Billing").body("A billing checklist.").date("2021-09-01"),
          page("other", "Unrelated page").body("Nothing about the topic.").date("2018-01-01"),
          page("lexicon", "Glossary").body("Every zymurgy term explained.").date("2020-01-01"));

  private CurationEditor open() {
    return CurationEditor.open(CONFIG, dir.resolve("index.curation.json"), CLOCK, true);
  }

  private List<String> search(CurationEditor editor, String q) throws IOException {
    var planner =
        new QueryPlanner(
            TinyIndex.SCHEMA, new Languages(TinyIndex.SCHEMA.stemmer()), CONFIG, editor::rules);
    var plan = planner.plan(SearchRequest.of(q), index.searcher(), TinyIndex.NOW);
    return index.ids(
        new SearchExecutor(TinyIndex.SCHEMA.facetsConfig()).execute(index.searcher(), plan).docs());
  }

  private static Edit pin(String query, String... ids) {
    return new Edit("ana", Action.ADD, Kind.PIN, query, List.of(ids), null, null);
  }

  private static Edit edit(Action action, Kind kind, String query, String... ids) {
    return new Edit("ana", action, kind, query, List.of(ids), null, null);
  }

  @Test
  void a_pin_and_a_hide_show_in_the_next_search() throws IOException {
    CurationEditor editor = open();
    assertEquals("billing", search(editor, "checklist").getFirst(), "the config's pin");

    editor.change(pin("CHECKLIST", "other"), 0L);
    assertEquals(List.of("billing", "other"), search(editor, "checklist").subList(0, 2));

    editor.change(edit(Action.ADD, Kind.HIDE, "checklist", "abbrev"), 1L);
    assertFalse(search(editor, "checklist").contains("abbrev"));

    editor.change(
        new Edit("ana", Action.ADD, Kind.PIN, "checklist", List.of("longform"), null, 1), null);
    assertEquals(
        List.of("longform", "billing", "other"), search(editor, "checklist").subList(0, 3));
  }

  @Test
  void undo_takes_a_change_back_and_undo_of_the_undo_puts_it_back() throws IOException {
    CurationEditor editor = open();
    editor.change(edit(Action.REMOVE, Kind.PIN, "checklist", "billing"), null);
    assertNull(editor.rules().pinned("checklist"), "a config pin removed by an edit");

    CurationChange undo = editor.undo(1, "bo", 1L);
    assertEquals(2, undo.version());
    assertEquals(1L, undo.undoes());
    assertEquals(Kind.PIN, undo.kind(), "the undo carries what it undoes");
    assertEquals(List.of("billing"), editor.rules().pinned("checklist").idList());
    assertEquals(
        CurationRules.CONFIG, editor.rules().pinned("checklist").ids().getFirst().source());

    editor.undo(2, "bo", null);
    assertNull(editor.rules().pinned("checklist"), "the removal stands again");
    var again = assertThrows(CurationException.class, () -> editor.undo(2, "bo", null));
    assertTrue(again.conflict(), again.getMessage());
    assertEquals(3, editor.history().size(), "history is only ever appended to");
  }

  @Test
  void a_change_made_against_an_older_version_is_refused_and_changes_nothing() throws IOException {
    CurationEditor editor = open();
    editor.change(pin("checklist", "other"), 0L);

    var late =
        assertThrows(CurationException.class, () -> editor.change(pin("checklist", "abbrev"), 0L));

    assertTrue(late.conflict());
    assertTrue(late.getMessage().contains("version 1"), late.getMessage());
    assertEquals(1, editor.rules().version());
    assertEquals(List.of("billing", "other"), editor.rules().pinned("checklist").idList());
  }

  @Test
  void a_run_time_synonym_group_finds_pages_by_the_other_word_at_once() throws IOException {
    CurationEditor editor = open();
    assertEquals(List.of(), search(editor, "brewing"));

    editor.change(
        new Edit("ana", Action.ADD, Kind.SYNONYM, null, null, List.of("brewing", "zymurgy"), null),
        null);
    assertEquals(List.of("lexicon"), search(editor, "brewing"));

    editor.undo(1, "ana", null);
    assertEquals(List.of(), search(editor, "brewing"));
  }

  @Test
  void of_editors_racing_from_the_same_version_exactly_one_wins() throws Exception {
    CurationEditor editor = open();
    var ids = List.of("other", "abbrev", "longform", "lexicon");
    var results = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var start = new java.util.concurrent.CountDownLatch(1);
    var threads = new java.util.ArrayList<Thread>();
    for (String id : ids) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      editor.change(pin("checklist", id), 0L);
                      results.add("won");
                    } catch (CurationException e) {
                      results.add(e.conflict() ? "conflict" : "invalid");
                    } catch (Exception e) {
                      results.add(e.toString());
                    }
                  }));
    }
    start.countDown();
    for (Thread t : threads) t.join();

    assertEquals(1, results.stream().filter("won"::equals).count(), results.toString());
    assertEquals(3, results.stream().filter("conflict"::equals).count(), results.toString());
    assertEquals(1, open().history().size(), "one change stored");
  }

  @Test
  void the_history_survives_a_reopen_and_replays_to_the_same_rules() throws IOException {
    CurationEditor first = open();
    first.change(pin("checklist", "other"), null);
    first.change(edit(Action.ADD, Kind.HIDE, "ccm", "abbrev"), null);
    first.undo(1, "bo", null);

    CurationEditor reopened = open();

    assertEquals(first.history(), reopened.history());
    assertEquals(3, reopened.rules().version());
    assertEquals(List.of("billing"), reopened.rules().pinned("checklist").idList());
    assertEquals(List.of("abbrev"), reopened.rules().hidden("ccm").idList());
    assertNull(reopened.problem());
    assertFalse(Files.exists(dir.resolve("index.curation.json.tmp")), "no temporary file left");
  }

  @Test
  void a_truncated_history_is_kept_aside_and_curation_starts_from_the_config() throws IOException {
    CurationEditor first = open();
    first.change(pin("checklist", "other"), null);
    Path file = dir.resolve("index.curation.json");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    CurationEditor reopened = open();

    assertEquals(0, reopened.rules().version());
    assertEquals(List.of("billing"), reopened.rules().pinned("checklist").idList());
    assertNotNull(reopened.problem());
    assertTrue(
        reopened.problem().contains("index.curation.json.unreadable-20261130T040000Z"),
        reopened.problem());
    assertFalse(
        reopened.problem().contains(dir.toString()), "no server path: " + reopened.problem());
    Path aside = dir.resolve("index.curation.json.unreadable-20261130T040000Z");
    assertEquals(whole.length / 2, Files.size(aside), "the unreadable file is kept as it was");

    reopened.change(pin("checklist", "abbrev"), 0L);
    assertEquals(1, open().history().size(), "a new history starts beside the kept one");
  }

  @Test
  void a_history_that_is_json_but_not_ours_is_kept_aside_too() throws IOException {
    Path file = dir.resolve("index.curation.json");
    for (String text :
        List.of(
            "[]",
            "{\"format\": 9, \"changes\": []}",
            "{\"format\": 1, \"changes\": [{\"version\": 2}]}",
            "{\"format\": 1, \"changes\": [{\"version\": 1, \"editor\": \"a\", \"at\": \"x\","
                + " \"action\": \"add\", \"kind\": \"pin\", \"query\": \"q\", \"ids\": [\"a\"]}]}",
            "\u0000\u0001binary")) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      CurationEditor editor = open();
      assertNotNull(editor.problem(), text);
      assertEquals(0, editor.history().size(), text);
      assertFalse(Files.exists(file), text);
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(
            f -> {
              try {
                Files.delete(f);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
    }
  }

  @Test
  void a_failed_write_leaves_the_rules_as_they_were() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    CurationEditor editor =
        CurationEditor.open(CONFIG, notAFolder.resolve("index.curation.json"), CLOCK, true);

    assertThrows(IOException.class, () -> editor.change(pin("checklist", "other"), null));

    assertEquals(0, editor.rules().version());
    assertEquals(0, editor.history().size());
  }

  @Test
  void changes_that_would_not_apply_are_refused_naming_the_field() {
    CurationEditor editor = open();
    assertField(
        editor, new Edit(" ", Action.ADD, Kind.PIN, "q", List.of("a"), null, null), "editor");
    assertField(
        editor,
        new Edit("x".repeat(101), Action.ADD, Kind.PIN, "q", List.of("a"), null, null),
        "editor");
    assertField(
        editor, new Edit("ana", Action.ADD, Kind.PIN, " ?! ", List.of("a"), null, null), "query");
    assertField(
        editor, new Edit("ana", Action.ADD, Kind.PIN, null, List.of("a"), null, null), "query");
    assertField(editor, new Edit("ana", Action.ADD, Kind.PIN, "q", List.of(), null, null), "ids");
    assertField(
        editor, new Edit("ana", Action.ADD, Kind.PIN, "q", List.of("a", "a"), null, null), "ids");
    assertField(editor, pin("checklist", "billing"), "ids");
    assertField(editor, edit(Action.ADD, Kind.HIDE, "checklist", "billing"), "ids");
    assertField(editor, edit(Action.REMOVE, Kind.HIDE, "checklist", "billing"), "ids");
    assertField(
        editor,
        new Edit("ana", Action.ADD, Kind.PIN, "checklist", List.of("x"), null, 3),
        "position");
    assertField(
        editor,
        new Edit("ana", Action.ADD, Kind.SYNONYM, null, null, List.of("one"), null),
        "words");
    assertField(
        editor,
        new Edit("ana", Action.ADD, Kind.SYNONYM, null, null, List.of("a,b", "c"), null),
        "words");
    assertField(
        editor,
        new Edit("ana", Action.ADD, Kind.SYNONYM, null, null, List.of("Café", "cafe"), null),
        "words");
    assertField(
        editor,
        new Edit(
            "ana",
            Action.REMOVE,
            Kind.SYNONYM,
            null,
            null,
            List.of("ccm", "chronic care management"),
            null),
        "words");
    assertField(
        editor,
        new Edit("ana", Action.ADD, Kind.SYNONYM, "q", null, List.of("a", "b"), null),
        "query");
    var ids =
        java.util.stream.IntStream.range(0, 101).mapToObj(i -> "p" + i).toArray(String[]::new);
    assertField(editor, pin("q", ids), "ids");
    var version = assertThrows(CurationException.class, () -> editor.undo(1, "ana", null));
    assertEquals("version", version.field());
    assertEquals(0, editor.history().size());
  }

  private static void assertField(CurationEditor editor, Edit edit, String field) {
    var e = assertThrows(CurationException.class, () -> editor.change(edit, null), edit::toString);
    assertEquals(field, e.field(), e.getMessage());
    assertFalse(e.conflict());
  }
}
