package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * What one run did to each file, by path: filled in by the plan, the workers and the duplicate
 * check, and summed up into the {@link IndexSummary}. Thread-safe: workers record their files
 * concurrently, each path once; the steps before and after them run on the run's own thread.
 */
final class RunLedger {
  /**
   * What happened to a file; {@link #GONE} is a page whose file is no longer there, {@link
   * #DEFERRED} a file that changed during the run and had no page to keep; neither is counted.
   */
  enum Outcome {
    ADDED,
    UPDATED,
    UNCHANGED,
    SKIPPED,
    FAILED,
    GONE,
    DEFERRED
  }

  /**
   * One file's entry.
   *
   * @param outcome what happened to it
   * @param id the id its page takes part in the duplicate check with, or null
   * @param problem why it failed, or null
   * @param skip why Hugo would not publish it, or null
   * @param warnings fields left out of its page, which was still written
   * @param written whether this run wrote its page
   * @param deleted whether the page the index held for it before is gone (counted as deleted)
   */
  record Entry(
      Outcome outcome,
      String id,
      ContentProblem problem,
      ContentProblem skip,
      List<ContentProblem> warnings,
      boolean written,
      boolean deleted) {
    Entry {
      warnings = List.copyOf(warnings);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * The files the plan leaves alone, path to id: most of a large site on an incremental run, so
   * kept apart from {@link #entries}, without an entry each. Filled on the run's thread before the
   * workers start (their files are others), read after they end.
   */
  private final Map<String, String> unchanged = new HashMap<>();

  private final Queue<ContentProblem> slowPages = new ConcurrentLinkedQueue<>();

  /** A file the plan leaves alone: its page stays, under its id. */
  void unchanged(String path, String id) {
    unchanged.put(path, id);
  }

  /**
   * A page written this run: added, updated, or rewritten with the same bytes (then counted
   * unchanged).
   */
  void wrote(String path, Outcome outcome, String id, List<ContentProblem> warnings) {
    entries.put(path, new Entry(outcome, id, null, null, warnings, true, false));
  }

  /** A file Hugo would not publish, for {@code reason}; {@code deleted} when the index held it. */
  void skipped(String path, String reason, boolean deleted) {
    entries.put(
        path,
        new Entry(
            Outcome.SKIPPED,
            null,
            null,
            ContentProblem.of(path, reason),
            List.of(),
            false,
            deleted));
  }

  /**
   * A file that could not be indexed. {@code keptId} is the id of its last good version when that
   * stays and takes part in the duplicate check, else null; {@code deleted} when the index held a
   * page for it that is now gone.
   */
  void failed(String path, ContentProblem problem, String keptId, boolean deleted) {
    entries.put(path, new Entry(Outcome.FAILED, keptId, problem, null, List.of(), false, deleted));
  }

  /**
   * A file that changed after the walk, left for the next run with {@code warning}: its page stays
   * as it was under {@code keptId} (counted unchanged), or there is none ({@code keptId} null);
   * {@code deleted} when a page the index held for it is gone (an expired one).
   */
  void changed(String path, ContentProblem warning, String keptId, boolean deleted) {
    Outcome outcome = keptId != null ? Outcome.UNCHANGED : Outcome.DEFERRED;
    entries.put(path, new Entry(outcome, keptId, null, null, List.of(warning), false, deleted));
  }

  /** A page whose file is gone from the folder. */
  void gone(String path) {
    entries.put(path, new Entry(Outcome.GONE, null, null, null, List.of(), false, true));
  }

  /**
   * A page that lost its id to a smaller path: failed with {@code problem}. {@code deleted} when
   * that takes a page of the previous commit out; {@code stillWritten} false when its write is no
   * change worth a commit (the page was not in the index before, so writing and taking it out again
   * leaves the index as it was).
   */
  void lostDuplicate(String path, ContentProblem problem, boolean deleted, boolean stillWritten) {
    String unchangedId = unchanged.remove(path);
    if (unchangedId != null)
      entries.put(
          path, new Entry(Outcome.UNCHANGED, unchangedId, null, null, List.of(), false, false));
    entries.computeIfPresent(
        path,
        (p, e) ->
            new Entry(
                Outcome.FAILED,
                e.id(),
                problem,
                null,
                e.warnings(),
                e.written() && stillWritten,
                e.deleted() || deleted));
  }

  boolean has(String path) {
    return unchanged.containsKey(path) || entries.containsKey(path);
  }

  /** Each page that takes part in the duplicate check, as path and id, without a copy of them. */
  void forEachId(BiConsumer<String, String> action) {
    unchanged.forEach(action);
    entries.forEach(
        (path, e) -> {
          if (e.id() != null) action.accept(path, e.id());
        });
  }

  /** Whether the run changed the index: a page written or one taken out. */
  boolean changedIndex() {
    return entries.values().stream().anyMatch(e -> e.written() || e.deleted());
  }

  /** How many files had each outcome ({@link Outcome#GONE} included; the summary leaves it out). */
  Map<Outcome, Integer> counts() {
    var counts = new EnumMap<Outcome, Integer>(Outcome.class);
    for (Outcome o : Outcome.values()) counts.put(o, 0);
    entries.values().forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
    counts.merge(Outcome.UNCHANGED, unchanged.size(), Integer::sum);
    return counts;
  }

  /** How many pages of the previous commit the run took out. */
  int deleted() {
    return (int) entries.values().stream().filter(Entry::deleted).count();
  }

  /** Every failure, by path. */
  List<ContentProblem> failures() {
    var failures = new ArrayList<ContentProblem>();
    entries
        .values()
        .forEach(
            e -> {
              if (e.problem() != null) failures.add(e.problem());
            });
    failures.sort(Comparator.comparing(ContentProblem::path));
    return failures;
  }

  /** Every skipped file with why, by path. */
  List<ContentProblem> skips() {
    var skips = new ArrayList<ContentProblem>();
    entries
        .values()
        .forEach(
            e -> {
              if (e.skip() != null) skips.add(e.skip());
            });
    skips.sort(Comparator.comparing(ContentProblem::path));
    return skips;
  }

  /** A page over the per-page time budget, whatever came of it. */
  void slow(ContentProblem warning) {
    slowPages.add(warning);
  }

  /** Every warning, by path, then reason. */
  List<ContentProblem> warnings() {
    var warnings = new ArrayList<ContentProblem>(slowPages);
    entries.values().forEach(e -> warnings.addAll(e.warnings()));
    warnings.sort(Comparator.comparing(ContentProblem::path).thenComparing(ContentProblem::reason));
    return warnings;
  }
}
