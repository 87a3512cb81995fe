package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.index.RunLedger.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's per-file bookkeeping, and what it sums up to. */
class RunLedgerTest {
  @Test
  void a_run_that_only_finds_unchanged_files_and_repeats_a_duplicate_changes_nothing() {
    var ledger = new RunLedger();
    ledger.unchanged("a.md", "a");
    ledger.wrote("b.md", Outcome.ADDED, "a", List.of());
    ledger.lostDuplicate("b.md", ContentProblem.of("b.md", "duplicate"), false, false);

    assertFalse(
        ledger.changedIndex(), "the loser was new to the index: written and taken out again");
    assertEquals(List.of(ContentProblem.of("b.md", "duplicate")), ledger.failures());
    assertEquals(1, ledger.counts().get(Outcome.FAILED));
    assertEquals(0, ledger.counts().get(Outcome.ADDED));
  }

  @Test
  void a_loser_that_was_in_the_index_is_a_deletion_and_a_change() {
    var ledger = new RunLedger();
    ledger.unchanged("news/beta.md", "b2");
    ledger.lostDuplicate(
        "news/beta.md", ContentProblem.of("news/beta.md", "duplicate"), true, true);

    assertTrue(ledger.changedIndex());
    assertEquals(1, ledger.deleted());
  }

  @Test
  void an_unchanged_page_that_loses_its_id_to_a_new_one_fails_and_leaves_the_index() {
    var ledger = new RunLedger();
    ledger.unchanged("guides/b.md", "x");
    ledger.unchanged("guides/c.md", "c");
    ledger.wrote("guides/a.md", Outcome.ADDED, "x", List.of());
    var losers = DuplicateIds.losers(ledger::forEachId);
    assertEquals(List.of("guides/b.md"), losers.stream().map(DuplicateIds.Loser::path).toList());
    ledger.lostDuplicate("guides/b.md", losers.get(0).problem(), true, true);

    assertTrue(ledger.has("guides/b.md"));
    assertTrue(ledger.has("guides/c.md"));
    assertEquals(1, ledger.counts().get(Outcome.FAILED));
    assertEquals(1, ledger.counts().get(Outcome.UNCHANGED), "guides/c.md alone");
    assertEquals(1, ledger.deleted());
    assertEquals(Map.of("guides/a.md", "x", "guides/b.md", "x", "guides/c.md", "c"), ids(ledger));
  }

  @Test
  void counts_failures_and_warnings_are_summed_and_sorted() {
    var ledger = new RunLedger();
    ledger.wrote("z.md", Outcome.UPDATED, "z", List.of(ContentProblem.of("z.md", "tags: a map")));
    ledger.wrote(
        "b.md",
        Outcome.UNCHANGED,
        "b",
        List.of(
            ContentProblem.of("b.md", "date: not a date"),
            ContentProblem.of("b.md", "author: a list")));
    ledger.skipped("draft.md", "draft", true);
    ledger.failed("y.md", ContentProblem.of("y.md", "invalid YAML"), "y", false);
    ledger.failed("x.md", ContentProblem.of("x.md", "binary file"), null, true);
    ledger.gone("old.md");
    ledger.changed(
        "c.md", ContentProblem.of("c.md", "rewritten; read on the next run"), null, false);

    assertEquals(
        Map.of(
            Outcome.ADDED,
            0,
            Outcome.UPDATED,
            1,
            Outcome.UNCHANGED,
            1,
            Outcome.SKIPPED,
            1,
            Outcome.FAILED,
            2,
            Outcome.GONE,
            1,
            Outcome.DEFERRED,
            1),
        ledger.counts());
    assertEquals(3, ledger.deleted(), "draft.md, x.md and old.md");
    assertEquals(Map.of("z.md", "z", "b.md", "b", "y.md", "y"), ids(ledger));
    assertEquals(
        List.of("x.md", "y.md"), ledger.failures().stream().map(ContentProblem::path).toList());
    assertEquals(
        List.of(
            "b.md: author: a list",
            "b.md: date: not a date",
            "c.md: rewritten; read on the next run",
            "z.md: tags: a map"),
        ledger.warnings().stream().map(ContentProblem::toString).toList());
  }

  private static Map<String, String> ids(RunLedger ledger) {
    var ids = new java.util.HashMap<String, String>();
    ledger.forEachId(ids::put);
    return ids;
  }
}
