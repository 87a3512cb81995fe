package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the content folder, in one atomic commit.
 *
 * <p>Incremental by default: a file whose size and modification time match what the index recorded is not read; a
 * changed one is read, and rewritten unless its hash shows the bytes are the same; pages whose files are gone,
 * turned draft or expired are deleted. A full run (asked for, a new index, or a changed schema) rewrites everything.
 * Either way readers see the previous commit until the new one is complete, and any failure rolls back to it.
 *
 * <p>A file that fails to parse keeps its last good version in the index (a typo in a page must not take it off the
 * site) and is reported on every run until fixed. Of two files with the same id, the one with the smaller path wins
 * and the other is reported, both paths named.
 */
public final class Indexer {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  /** Receives progress of the read-and-index phase (a terminal progress bar, or nothing). */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void start(int filesToRead) {}

    default void advance() {}

    default void finish() {}
  }

  private enum Outcome { ADDED, UPDATED, UNCHANGED, SKIPPED, FAILED }

  private final Path contentDir;
  private final Path indexDir;
  private final Schema schema;
  private final PageSource reader;
  private final DocumentMapper mapper;
  private final int threads;
  private final Clock clock;
  private final RebuildPolicy policy;

  public Indexer(Path contentDir, Path indexDir, Schema schema, PageReader reader, int threads, Clock clock) {
    this(contentDir, indexDir, schema, PageSource.of(reader), threads, clock);
  }

  /** An indexer that gets its pages from {@code reader}: the seam tests use to stand in for the {@link PageReader}. */
  Indexer(Path contentDir, Path indexDir, Schema schema, PageSource reader, int threads, Clock clock) {
    this.contentDir = contentDir;
    this.indexDir = indexDir;
    this.schema = schema;
    this.reader = reader;
    this.mapper = new DocumentMapper(schema);
    this.threads = Math.max(1, threads);
    this.clock = clock;
    this.policy = new RebuildPolicy(schema, reader.includeDrafts());
  }

  /**
   * An indexer that builds into memory and writes nothing: {@code sitesearch check} uses it so that a check applies
   * exactly the rules of a real run.
   */
  public static Indexer dryRun(Path contentDir, Schema schema, PageReader reader, int threads, Clock clock) {
    return new Indexer(contentDir, null, schema, reader, threads, clock);
  }

  /**
   * Why the next run must rebuild everything (no index yet, one made with another schema, or with drafts included
   * when they are left out now, or the other way round), or null when an incremental run will do and the index can
   * be served as it is meanwhile. The run asks the same {@link RebuildPolicy}, so the two cannot disagree.
   */
  public String rebuildReason() throws IOException {
    if (indexDir == null || !Files.isDirectory(indexDir)) return "new index";
    try (Directory dir = FSDirectory.open(indexDir)) {
      return policy.reason(dir);
    }
  }

  public IndexSummary run(boolean full, Progress progress) throws IOException {
    long startNanos = System.nanoTime();
    if (!Files.isDirectory(contentDir)) throw new IOException("content folder not found: " + contentDir);
    if (indexDir != null) Files.createDirectories(indexDir);
    try (Directory dir = indexDir == null ? new ByteBuffersDirectory() : FSDirectory.open(indexDir)) {
      IndexWriter writer = openWriter(dir);
      try {
        IndexSummary summary = update(dir, writer, full, progress, startNanos);
        writer.close();
        return summary;
      } catch (IOException | RuntimeException | Error e) {
        // An interrupted run's rollback must still complete: Lucene's gives up half-way on an interrupted thread
        // (it waits on a semaphore), which would leave the writer half-closed. The interrupt is kept for the caller.
        boolean interrupted = Thread.interrupted();
        try {
          writer.rollback();
        } catch (IOException | RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure); // the cause matters more; the last commit is intact either way
        } finally {
          if (interrupted) Thread.currentThread().interrupt();
        }
        throw e;
      }
    }
  }

  private IndexWriter openWriter(Directory dir) throws IOException {
    var config = new IndexWriterConfig(new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
        new TextAnalyzer(schema.stemmer()), Map.of(Fields.SPELL, new SpellingAnalyzer())))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(256)
        .setCommitOnClose(false);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException("another indexer is writing to " + indexDir.toAbsolutePath()
          + " (its write.lock is held); wait for it to finish, then run again", e);
    }
  }

  private IndexSummary update(Directory dir, IndexWriter writer, boolean full, Progress progress, long startNanos)
      throws IOException {
    boolean exists = DirectoryReader.indexExists(dir);
    String reason = full ? "requested" : policy.reason(dir);
    boolean rebuild = reason != null;
    Map<String, IndexedFile> indexed = exists ? readIndexed(dir) : Map.of();
    if (rebuild) writer.deleteAll();
    LOG.info("indexing {} into {} ({}{})", contentDir, indexDir == null ? "memory" : indexDir, rebuild ? "full" : "incremental",
        reason == null ? "" : ", " + reason);

    ContentWalker.Result walk = ContentWalker.walk(contentDir);
    var outcomes = new ConcurrentHashMap<String, Outcome>();
    var ids = new ConcurrentHashMap<String, String>();
    var failures = new ConcurrentHashMap<String, ContentProblem>();
    var warnings = java.util.Collections.synchronizedList(new ArrayList<ContentProblem>());
    long now = clock.millis();

    var toRead = new ArrayList<SourceFile>();
    for (SourceFile file : walk.files()) {
      IndexedFile known = indexed.get(file.relPath());
      if (!rebuild && known != null && known.size() == file.size() && known.modifiedMillis() == file.modifiedMillis()
          && known.expiresMillis() > now) {
        outcomes.put(file.relPath(), Outcome.UNCHANGED);
        ids.put(file.relPath(), known.id());
      } else {
        toRead.add(file);
      }
    }
    var deletedPaths = ConcurrentHashMap.<String>newKeySet();
    for (ContentProblem p : walk.problems()) {
      IndexedFile known = indexed.get(p.path());
      boolean keep = !rebuild && keepsLastGood(known, now);
      if (!keep && known != null) {
        if (!rebuild) writer.deleteDocuments(new Term(Fields.PATH, p.path()));
        deletedPaths.add(p.path());
      }
      failures.put(p.path(), keepNote(p, keep));
      outcomes.put(p.path(), Outcome.FAILED);
    }

    var writtenPaths = ConcurrentHashMap.<String>newKeySet();
    progress.start(toRead.size());
    ReadWorkers.forEach(toRead, threads, file -> {
      IndexedFile known = indexed.get(file.relPath());
      boolean inIndex = known != null && !rebuild;
      switch (reader.read(file)) {
        case ReadOutcome.Parsed parsed -> {
          ContentPage page = parsed.page();
          MappedDocument mapped = mapper.map(page);
          try {
            writer.updateDocument(new Term(Fields.PATH, file.relPath()), mapped.document());
          } catch (IllegalArgumentException e) {
            // Lucene refuses this one document (say, a value too large for a term); the run goes on without it.
            outcomes.put(file.relPath(), Outcome.FAILED);
            failures.put(file.relPath(), keepNote(ContentProblem.of(file.relPath(),
                "cannot be indexed: " + e.getMessage()), inIndex && keepsLastGood(known, now)));
            progress.advance();
            return;
          }
          writtenPaths.add(file.relPath());
          warnings.addAll(mapped.warnings());
          ids.put(file.relPath(), page.id());
          outcomes.put(file.relPath(), known == null ? Outcome.ADDED
              : known.contentHash().equals(page.contentHash()) ? Outcome.UNCHANGED : Outcome.UPDATED);
        }
        case ReadOutcome.Skipped skipped -> {
          outcomes.put(file.relPath(), Outcome.SKIPPED);
          if (inIndex) writer.deleteDocuments(new Term(Fields.PATH, file.relPath()));
          if (known != null) deletedPaths.add(file.relPath());
        }
        case ReadOutcome.Gone gone -> {
          // No outcome: below, it leaves the index like any file that is no longer in the folder.
        }
        case ReadOutcome.Failed failed -> {
          outcomes.put(file.relPath(), Outcome.FAILED);
          boolean keep = inIndex && keepsLastGood(known, now);
          failures.put(file.relPath(), keepNote(failed.problem(), keep));
          if (keep) {
            ids.put(file.relPath(), known.id());
          } else if (known != null) {
            // A rebuild cannot keep the old version, and an expired one is not kept either.
            if (inIndex) writer.deleteDocuments(new Term(Fields.PATH, file.relPath()));
            deletedPaths.add(file.relPath());
          }
        }
      }
      progress.advance();
    });
    progress.finish();

    // Files gone from the folder leave the index (a file the walker could not read has an outcome: FAILED).
    Set<String> present = new HashSet<>(outcomes.keySet());
    for (String path : indexed.keySet()) {
      if (!present.contains(path)) {
        if (!rebuild) writer.deleteDocuments(new Term(Fields.PATH, path));
        deletedPaths.add(path);
      }
    }
    Set<String> losers = resolveDuplicateIds(writer, ids, outcomes, failures, indexed, deletedPaths, rebuild);
    // A duplicate id's losing page is written and taken out again on every run: no change worth a commit.
    writtenPaths.removeIf(path -> losers.contains(path) && !indexed.containsKey(path));

    var counts = new HashMap<Outcome, Integer>();
    outcomes.values().forEach(o -> counts.merge(o, 1, Integer::sum));
    if (rebuild || !writtenPaths.isEmpty() || !deletedPaths.isEmpty()) {
      writer.setLiveCommitData(policy.commitData(clock.instant()).entrySet());
      writer.commit();
    }
    long documents = writer.getDocStats().numDocs;
    long generation = SegmentInfos.getLastCommitGeneration(dir);
    long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
    double seconds = Math.max(tookMs, 1) / 1000.0;
    var failureList = new ArrayList<>(failures.values());
    failureList.sort(Comparator.comparing(ContentProblem::path));
    var warningList = new ArrayList<>(warnings);
    warningList.sort(Comparator.comparing(ContentProblem::path).thenComparing(ContentProblem::reason));
    var summary = new IndexSummary(rebuild ? "full" : "incremental", reason,
        counts.getOrDefault(Outcome.ADDED, 0), counts.getOrDefault(Outcome.UPDATED, 0), deletedPaths.size(),
        counts.getOrDefault(Outcome.UNCHANGED, 0), counts.getOrDefault(Outcome.SKIPPED, 0),
        counts.getOrDefault(Outcome.FAILED, 0), documents, tookMs, toRead.size() / seconds, generation,
        failureList, warningList);
    LOG.info("{}", summary.line());
    return summary;
  }

  private Map<String, IndexedFile> readIndexed(Directory dir) {
    try (DirectoryReader existing = DirectoryReader.open(dir)) {
      return IndexedFiles.read(existing);
    } catch (IOException | RuntimeException e) {
      // An index written by an older layout may lack these doc values; it is being rebuilt anyway.
      LOG.debug("cannot read the previous index state: {}", e.toString());
      return Map.of();
    }
  }

  /** Of several files sharing an id, the smallest path wins; the others are reported and kept out of the index. */
  /** Takes the losing pages of each duplicate id out of the index and reports them; returns their paths. */
  private static Set<String> resolveDuplicateIds(IndexWriter writer, Map<String, String> ids, Map<String, Outcome> outcomes,
      Map<String, ContentProblem> failures, Map<String, IndexedFile> indexed, Set<String> deletedPaths,
      boolean rebuild) throws IOException {
    var losers = new HashSet<String>();
    var pathsById = new TreeMap<String, TreeSet<String>>();
    ids.forEach((path, id) -> pathsById.computeIfAbsent(id, k -> new TreeSet<>()).add(path));
    for (var entry : pathsById.entrySet()) {
      if (entry.getValue().size() < 2) continue;
      String winner = entry.getValue().first();
      for (String loser : entry.getValue().tailSet(winner, false)) {
        losers.add(loser);
        writer.deleteDocuments(new Term(Fields.PATH, loser));
        if (indexed.containsKey(loser) && !rebuild) deletedPaths.add(loser);
        outcomes.put(loser, Outcome.FAILED);
        failures.put(loser, ContentProblem.of(loser, "duplicate id '" + entry.getKey() + "': " + winner
            + " has it too and wins (the first path in sort order); give this page its own id"));
      }
    }
    return losers;
  }

  /** A broken page's last good version stays in the index until fixed, but not past its expiry date. */
  private static boolean keepsLastGood(IndexedFile known, long now) {
    return known != null && known.expiresMillis() > now;
  }

  private static ContentProblem keepNote(ContentProblem problem, boolean stillIndexed) {
    if (!stillIndexed) return problem;
    return new ContentProblem(problem.path(), problem.line(), problem.column(),
        problem.reason() + " (its last good version stays in the index until this is fixed)");
  }
}
