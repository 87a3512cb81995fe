package dev.sitesearch.index;

import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.PageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Brings the index in line with the content folder, in one atomic commit.
 *
 * <p>Incremental by default: a file whose size and modification time match what the index recorded
 * is not read; a changed one is read, and rewritten unless its hash shows the bytes are the same;
 * pages whose files are gone, turned draft or expired are deleted. A full run (asked for, or as the
 * {@link RebuildPolicy} requires: a new index, a changed schema, drafts included or left out now)
 * rewrites everything. Either way readers see the previous commit until the new one is complete,
 * and any failure rolls back to it.
 *
 * <p>A file that fails to parse keeps its last good version in the index (a typo in a page must not
 * take it off the site) and is reported on every run until fixed; a file that cannot be reached (it
 * became a link out of the folder, it cannot be read) leaves the index. Of two files with the same
 * id, the one with the smaller path wins and the other is reported, both paths named.
 *
 * <p>This class holds what every run shares and owns the index folder and its write lock; each
 * {@link #run} is one {@link IndexRun}, whose steps are plan, read and write, reconcile duplicate
 * ids, commit or roll back.
 */
public final class Indexer {
  /** Receives progress of the read-and-index phase (a terminal progress bar, or nothing). */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void start(int filesToRead) {}

    default void advance() {}

    default void finish() {}
  }

  private final Path indexDir;
  private final Schema schema;
  private final IndexRun.Settings settings;

  /** The walk of the last run that committed, for {@link #runChanged}; null before one. */
  private volatile Walked lastWalk;

  /** Whether {@link #runChanged} was called: only then are walks kept between runs. */
  private volatile boolean followsChanges;

  public Indexer(
      Path contentDir, Path indexDir, Schema schema, PageReader reader, int threads, Clock clock) {
    this(contentDir, indexDir, schema, PageSource.of(reader), threads, clock);
  }

  /**
   * An indexer that gets its pages from {@code pages}: the seam tests use to stand in for the
   * {@link PageReader}.
   */
  Indexer(
      Path contentDir, Path indexDir, Schema schema, PageSource pages, int threads, Clock clock) {
    this.indexDir = indexDir;
    this.schema = schema;
    this.settings =
        new IndexRun.Settings(
            contentDir,
            indexDir,
            new DocumentMapper(schema),
            pages,
            new RebuildPolicy(schema, pages.includeDrafts()),
            Math.max(1, threads),
            clock,
            new IndexedFiles.Cache());
  }

  /**
   * An indexer that builds into memory and writes nothing: {@code sitesearch check} uses it so that
   * a check applies exactly the rules of a real run.
   */
  public static Indexer dryRun(
      Path contentDir, Schema schema, PageReader reader, int threads, Clock clock) {
    return new Indexer(contentDir, null, schema, reader, threads, clock);
  }

  /**
   * Why the next run must rebuild everything (no index yet, one made with another schema, or with
   * drafts included when they are left out now, or the other way round), or null when an
   * incremental run will do and the index can be served as it is meanwhile. The run asks the same
   * {@link RebuildPolicy}, so the two cannot disagree.
   */
  public String rebuildReason() throws IOException {
    if (indexDir == null || !Files.isDirectory(indexDir)) return RebuildPolicy.NEW_INDEX;
    try (Directory dir = FSDirectory.open(indexDir)) {
      return settings.policy().reason(dir);
    }
  }

  /**
   * Brings the index in line with the content folder: incrementally, or rebuilding everything when
   * {@code full} is asked for or {@link #rebuildReason()} says so. Commits once, or leaves the
   * previous commit on any failure (an interrupt of the calling thread included, which is kept for
   * the caller).
   */
  public IndexSummary run(boolean full, Progress progress) throws IOException {
    return run(full, null, progress);
  }

  /**
   * An incremental run told which files changed since this indexer's last run (paths relative to
   * the content folder, as a watcher saw them): only those are looked at, not the whole folder,
   * when the last run's walk can be brought up to date from them ({@link ContentWalker#update}) and
   * nobody else has committed since. Otherwise, or when {@code changed} is null, it walks the
   * folder as {@link #run(boolean, Progress)} does.
   */
  public IndexSummary runChanged(Collection<String> changed, Progress progress) throws IOException {
    // An indexer told of changes runs after every save: from now on it keeps what makes the next
    // run cheap (its walk, the index's file records), about 1 KB a page.
    followsChanges = true;
    settings.indexed().keep();
    Walked last = lastWalk;
    ContentWalker.Result walk =
        last == null || changed == null
            ? null
            : ContentWalker.update(settings.contentDir(), last.walk(), changed);
    return run(false, walk == null ? null : new Walked(last.generation(), walk), progress);
  }

  private IndexSummary run(boolean full, Walked known, Progress progress) throws IOException {
    long startNanos = System.nanoTime();
    Path contentDir = settings.contentDir();
    if (!Files.isDirectory(contentDir))
      throw new IOException("content folder not found: " + contentDir);
    if (indexDir != null) {
      IndexFolder.checkWritable(indexDir);
      Files.createDirectories(indexDir);
    }
    lastWalk = null; // kept only from a run that commits
    try (Directory dir =
        indexDir == null ? new ByteBuffersDirectory() : FSDirectory.open(indexDir)) {
      IndexWriter writer = openWriter(dir);
      // The walk is current only for the commit it was made with: another process may have
      // written since (the write lock is held from here on).
      boolean current =
          known != null
              && indexDir != null
              && SegmentInfos.getLastCommitGeneration(dir) == known.generation();
      var run = new IndexRun(settings, writer, progress, startNanos);
      IndexSummary summary = run.run(full, current ? known.walk() : null);
      if (indexDir != null && followsChanges)
        lastWalk = new Walked(summary.generation(), run.walk());
      return summary;
    }
  }

  /** The last run's walk, and the commit generation it left. */
  private record Walked(long generation, ContentWalker.Result walk) {}

  private IndexWriter openWriter(Directory dir) throws IOException {
    var config =
        new IndexWriterConfig(new Languages(schema.stemmer()).indexAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(256)
            .setCommitOnClose(false);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException(
          "another indexer is writing to "
              + indexDir.toAbsolutePath()
              + " (its write.lock is held); wait for it to finish, then run again",
          e);
    }
  }
}
