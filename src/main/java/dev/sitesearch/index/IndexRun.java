package dev.sitesearch.index;

import static dev.sitesearch.index.RunLedger.Outcome.ADDED;
import static dev.sitesearch.index.RunLedger.Outcome.FAILED;
import static dev.sitesearch.index.RunLedger.Outcome.SKIPPED;
import static dev.sitesearch.index.RunLedger.Outcome.UNCHANGED;
import static dev.sitesearch.index.RunLedger.Outcome.UPDATED;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.Site;
import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@link Indexer}, made for a single {@link Indexer#run} call: it brings the index
 * in line with the content folder in one commit, or leaves the previous commit as it was.
 *
 * <p>The steps, in order: {@link #plan} (walk the folder, compare it with the index, full or
 * incremental), {@link #readAndWrite} (the changed files on every core, each one's page written or
 * taken out by {@link #write}), {@link #dropVanished} (pages whose files are gone), {@link
 * #reconcileDuplicateIds} (the smaller path wins), then one {@link #commit} with the commit data.
 * Any failure on the way {@linkplain #rollBack rolls back} to the previous commit. What happened to
 * each file is kept in one {@link RunLedger}, from which the {@link IndexSummary} is made.
 *
 * <p>One class of about 250 lines on purpose: the steps share one writer, plan and ledger, and read
 * top to bottom in the order they run.
 */
final class IndexRun {
  // A run speaks as the indexer: its start and summary lines are what operators (and IndexProcess)
  // look for.
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  /** A page that takes longer than this to read is reported in the run's warnings. */
  static final long SLOW_PAGE_NANOS = 1_000_000_000L;

  /** What every run of one indexer shares. {@code indexDir} is null for a run into memory. */
  record Settings(
      Path contentDir,
      Path indexDir,
      DocumentMapper mapper,
      PageSource pages,
      RebuildPolicy policy,
      int threads,
      Clock clock,
      IndexedFiles.Cache indexed) {}

  private final Settings settings;
  private final IndexWriter writer;
  private final Directory dir;
  private final Indexer.Progress progress;
  private final long startNanos;
  private final RunLedger ledger = new RunLedger();
  private RunPlan plan;
  private Site site;
  private ContentWalker.Result walk;

  /**
   * A run that writes with {@code writer} (and closes it, whatever happens) into the writer's
   * directory; {@code startNanos} is when the caller began, for the summary's time.
   */
  IndexRun(Settings settings, IndexWriter writer, Indexer.Progress progress, long startNanos) {
    this.settings = settings;
    this.writer = writer;
    this.dir = writer.getDirectory();
    this.progress = progress;
    this.startNanos = startNanos;
  }

  /** What the walk of the folder found (after {@link #run}). */
  ContentWalker.Result walk() {
    return walk;
  }

  /**
   * Runs every step; commits at most once, rolls back on any failure, and closes the writer either
   * way.
   */
  IndexSummary run(boolean full) throws IOException {
    return run(full, null);
  }

  /**
   * {@link #run(boolean)} over {@code walk}, a walk of the folder brought up to date from the files
   * known to have changed, instead of a new one (null: walk the folder).
   */
  IndexSummary run(boolean full, ContentWalker.Result walk) throws IOException {
    try {
      plan(full, walk);
      readAndWrite();
      dropVanished();
      reconcileDuplicateIds();
      commit();
      IndexSummary summary = summary();
      LOG.atInfo()
          .addKeyValue("mode", summary.mode())
          .addKeyValue("added", summary.added())
          .addKeyValue("updated", summary.updated())
          .addKeyValue("deleted", summary.deleted())
          .addKeyValue("failed", summary.failed())
          .addKeyValue("documents", summary.documents())
          .addKeyValue("ms", summary.tookMs())
          .log("{}", summary.line());
      writer.close();
      return summary;
    } catch (IOException | RuntimeException | Error e) {
      rollBack(e);
      throw e;
    }
  }

  /**
   * Walks the folder, reads the site around it, and decides what to read; records the files left
   * alone and those the walk could not list.
   */
  private void plan(boolean full, ContentWalker.Result known) throws IOException {
    walk = known != null ? known : ContentWalker.walk(settings.contentDir());
    site = settings.pages().site(settings.contentDir(), walk.files());
    plan =
        RunPlan.make(
            full,
            settings.policy(),
            dir,
            walk,
            site.fingerprint(),
            settings.clock(),
            settings.indexed());
    if (plan.rebuild()) writer.deleteAll();
    LOG.info(
        "indexing {} into {} ({}); {}",
        settings.contentDir(),
        settings.indexDir() == null ? "memory" : settings.indexDir(),
        plan.describe(),
        site.describe());
    for (IndexedFile file : plan.unchanged()) ledger.unchanged(file.path(), file.id());
    // What the walk could not list (a link out of the folder, a loop, a dangling link, no
    // permission) keeps no last good version: the path may lead out of the folder now.
    for (ContentProblem problem : plan.unlisted()) {
      String path = problem.path();
      if (plan.holds(path)) delete(path);
      ledger.failed(path, problem, null, plan.indexed().containsKey(path));
    }
  }

  /** Reads the changed files on every core, each one written as it is read. */
  private void readAndWrite() throws IOException {
    progress.start(plan.toRead().size());
    ReadWorkers.forEach(
        plan.toRead(),
        settings.threads(),
        file -> {
          write(file, read(file));
          progress.advance();
        });
    progress.finish();
  }

  /**
   * Reads one file. Whatever its reading throws (an OutOfMemoryError, a StackOverflowError in a
   * parser, a bug) fails that page, never the run: one file must not stop the site being indexed.
   */
  private ReadOutcome read(SourceFile file) {
    long start = System.nanoTime();
    try {
      return settings.pages().read(file, site);
    } catch (RuntimeException | Error e) {
      return new ReadOutcome.Failed(pageFailure(file.relPath(), "could not be read", e));
    } finally {
      long nanos = System.nanoTime() - start;
      if (nanos > SLOW_PAGE_NANOS) ledger.slow(slowPage(file.relPath(), nanos));
    }
  }

  /**
   * Reading is linear in a page's size, so a page over the budget is one to look at: it delays
   * every update queued behind its run (watch mode, admin reindex). It is still indexed.
   */
  private static ContentProblem slowPage(String path, long nanos) {
    ContentProblem problem =
        ContentProblem.of(
            path,
            String.format(
                Locale.ROOT,
                "took %.1f s to read, over the %d s per-page budget; a page this slow holds up"
                    + " every update behind it (split it, or lower content.maxFileSize)",
                nanos / 1e9,
                SLOW_PAGE_NANOS / 1_000_000_000L));
    LOG.warn("{}: {}", path, problem.reason());
    return problem;
  }

  /** Applies one file's read to the index and the ledger; runs on the workers. */
  private void write(SourceFile file, ReadOutcome outcome) throws IOException {
    String path = file.relPath();
    IndexedFile known = plan.indexed().get(path);
    switch (outcome) {
      case ReadOutcome.Parsed parsed -> add(path, known, parsed.page());
      case ReadOutcome.Skipped skipped -> {
        if (plan.holds(path)) delete(path);
        ledger.skipped(path, skipped.reason(), known != null);
      }
      case ReadOutcome.Gone gone -> {
        // No entry: dropVanished takes it out like any file that is no longer in the folder.
      }
      case ReadOutcome.Failed failed -> contentFailed(path, known, failed.problem());
      case ReadOutcome.Changed changed -> {
        // Not read: the index keeps what it held (from a regular file in the folder), and the
        // file's size and mtime no longer match that record, so the next run reads it.
        boolean keep = plan.keepsLastGood(path);
        if (!keep && plan.holds(path)) delete(path);
        ledger.changed(path, changed.problem(), keep ? known.id() : null, !keep && known != null);
      }
      case ReadOutcome.Unreadable unreadable -> {
        // No last good version: what the path leads to now may be outside the folder.
        if (plan.holds(path)) delete(path);
        ledger.failed(path, unreadable.problem(), null, known != null);
      }
    }
  }

  /** A page whose content cannot be indexed: its last good version stays, if it may. */
  private void contentFailed(String path, IndexedFile known, ContentProblem problem)
      throws IOException {
    boolean keep = plan.keepsLastGood(path);
    if (!keep && plan.holds(path)) delete(path);
    ledger.failed(path, noted(problem, keep), keep ? known.id() : null, !keep && known != null);
  }

  private void add(String path, IndexedFile known, ContentPage page) throws IOException {
    MappedDocument mapped;
    try {
      mapped = settings.mapper().map(page);
    } catch (RuntimeException | Error e) { // as in read(): one page's failure
      contentFailed(path, known, pageFailure(path, "could not be indexed", e));
      return;
    }
    try {
      writer.updateDocument(new Term(Fields.PATH, path), mapped.document());
    } catch (IllegalArgumentException e) {
      // Lucene refuses this one document (say, a value too large for a term) and keeps the old one;
      // the run goes on.
      ledger.failed(
          path,
          noted(
              ContentProblem.of(path, "cannot be indexed: " + e.getMessage()),
              plan.keepsLastGood(path)),
          null,
          false);
      return;
    }
    RunLedger.Outcome outcome =
        known == null
            ? ADDED
            : known.contentHash().equals(page.contentHash()) ? UNCHANGED : UPDATED;
    ledger.wrote(path, outcome, page.id(), mapped.warnings());
  }

  /**
   * Pages whose files are no longer in the folder leave the index (a file the walk could not read
   * has an entry).
   */
  private void dropVanished() throws IOException {
    for (String path : plan.indexed().keySet()) {
      if (ledger.has(path)) continue;
      if (!plan.rebuild()) delete(path);
      ledger.gone(path);
    }
  }

  /**
   * Of several pages with one id, the smallest path stays; the others are taken out and reported.
   */
  private void reconcileDuplicateIds() throws IOException {
    for (DuplicateIds.Loser loser : DuplicateIds.losers(ledger::forEachId)) {
      delete(loser.path());
      boolean wasIndexed = plan.indexed().containsKey(loser.path());
      // A loser new to the index is written and taken out again on every run: no change worth a
      // commit.
      ledger.lostDuplicate(
          loser.path(), loser.problem(), wasIndexed && !plan.rebuild(), wasIndexed);
    }
  }

  /**
   * One commit with the commit data, unless the run changed nothing (then the index keeps its
   * generation).
   */
  private void commit() throws IOException {
    if (!plan.rebuild() && !ledger.changedIndex()) return;
    writer.setLiveCommitData(
        settings.policy().commitData(settings.clock().instant(), site.fingerprint()).entrySet());
    writer.commit();
  }

  private IndexSummary summary() throws IOException {
    long documents = writer.getDocStats().numDocs;
    long generation = SegmentInfos.getLastCommitGeneration(dir);
    long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
    double seconds = Math.max(tookMs, 1) / 1000.0;
    Map<RunLedger.Outcome, Integer> counts = ledger.counts();
    return new IndexSummary(
        plan.rebuild() ? "full" : "incremental",
        plan.reason(),
        counts.get(ADDED),
        counts.get(UPDATED),
        ledger.deleted(),
        counts.get(UNCHANGED),
        counts.get(SKIPPED),
        counts.get(FAILED),
        documents,
        tookMs,
        plan.toRead().size() / seconds,
        generation,
        ledger.failures(),
        ledger.skips(),
        ledger.warnings());
  }

  /**
   * Drops everything since the previous commit and closes the writer. Lucene's rollback gives up
   * half-way on an interrupted thread (it waits on a semaphore), so the interrupt is set aside for
   * it and kept for the caller.
   */
  private void rollBack(Throwable cause) {
    boolean interrupted = Thread.interrupted();
    try {
      writer.rollback();
    } catch (IOException | RuntimeException rollbackFailure) {
      cause.addSuppressed(
          rollbackFailure); // the cause matters more; the last commit is intact either way
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private void delete(String path) throws IOException {
    writer.deleteDocuments(new Term(Fields.PATH, path));
  }

  /** One page's failure, logged with its stack (it is a bug or a resource running out). */
  private static ContentProblem pageFailure(String path, String what, Throwable e) {
    LOG.warn("{}: {}", path, what, e);
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return ContentProblem.of(path, what + " (" + e.getClass().getSimpleName() + ")" + message);
  }

  /** A failure whose page stays in the index says so, so nobody wonders why it is still found. */
  private static ContentProblem noted(ContentProblem problem, boolean stillIndexed) {
    if (!stillIndexed) return problem;
    return new ContentProblem(
        problem.path(),
        problem.line(),
        problem.column(),
        problem.reason() + " (its last good version stays in the index until this is fixed)");
  }
}
