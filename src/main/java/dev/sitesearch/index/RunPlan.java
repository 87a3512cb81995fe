package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run will do, decided before any file is read: full or incremental, which files to read,
 * which to leave alone, and the problems the walk met. A file whose size and modification time
 * match what the index recorded, and whose page has not expired since, is not read; a full run
 * reads everything into an emptied index.
 *
 * @param reason why the run rebuilds everything, or null for an incremental run
 * @param indexed what the previous commit holds, by path (read for a full run too: it tells added
 *     from updated)
 * @param toRead the files to read, in the walk's order
 * @param unchanged the indexed files left as they are
 * @param unlisted problems met by the walk, one per file it could not list
 * @param nowMillis the run's time, which expiry dates are compared with
 */
record RunPlan(
    String reason,
    Map<String, IndexedFile> indexed,
    List<SourceFile> toRead,
    List<IndexedFile> unchanged,
    List<ContentProblem> unlisted,
    long nowMillis) {
  private static final Logger LOG = LoggerFactory.getLogger(RunPlan.class);

  RunPlan {
    indexed =
        Collections.unmodifiableMap(
            indexed); // a view: copying 100k entries would cost a no-change pass time
    toRead = List.copyOf(toRead);
    unchanged = List.copyOf(unchanged);
    unlisted = List.copyOf(unlisted);
  }

  /**
   * Plans a run into {@code dir} over what the walk found, in a site whose fingerprint is {@code
   * siteFingerprint}; the caller holds the write lock, so the state is stable.
   */
  static RunPlan make(
      boolean full,
      RebuildPolicy policy,
      Directory dir,
      ContentWalker.Result walk,
      String siteFingerprint,
      Clock clock,
      IndexedFiles.Cache cache)
      throws IOException {
    String reason = full ? "requested" : policy.reason(dir, siteFingerprint);
    Map<String, IndexedFile> indexed =
        DirectoryReader.indexExists(dir) ? readIndexed(dir, cache) : Map.of();
    return of(reason, indexed, walk, clock.millis());
  }

  /**
   * Plans a run from its parts: why it rebuilds (or null), what the index holds, and what the walk
   * found.
   */
  static RunPlan of(
      String reason, Map<String, IndexedFile> indexed, ContentWalker.Result walk, long nowMillis) {
    var toRead = new ArrayList<SourceFile>();
    var unchanged = new ArrayList<IndexedFile>();
    for (SourceFile file : walk.files()) {
      IndexedFile known = indexed.get(file.relPath());
      if (reason == null
          && known != null
          && known.size() == file.size()
          && known.modifiedMillis() == file.modifiedMillis()
          && known.expiresMillis() > nowMillis) {
        unchanged.add(known);
      } else {
        toRead.add(file);
      }
    }
    return new RunPlan(reason, indexed, toRead, unchanged, walk.problems(), nowMillis);
  }

  boolean rebuild() {
    return reason != null;
  }

  /**
   * Whether the index this run writes into still holds {@code path}'s previous page (a rebuild
   * starts empty).
   */
  boolean holds(String path) {
    return !rebuild() && indexed.containsKey(path);
  }

  /**
   * Whether a file whose content cannot be indexed now, or that changed during the run, keeps its
   * last good version: a typo must not take a page off the site, but a rebuild has no old version
   * to keep, and an expired page is not kept either. A file that cannot be reached (a link out of
   * the folder, unreadable) never keeps one.
   */
  boolean keepsLastGood(String path) {
    IndexedFile known = indexed.get(path);
    return !rebuild() && known != null && known.expiresMillis() > nowMillis;
  }

  /** "full, reason" or "incremental", for the log. */
  String describe() {
    return rebuild() ? "full, " + reason : "incremental";
  }

  private static Map<String, IndexedFile> readIndexed(Directory dir, IndexedFiles.Cache cache) {
    try (DirectoryReader existing = DirectoryReader.open(dir)) {
      return cache.read(existing);
    } catch (IOException | RuntimeException e) {
      // An index written by an older layout may lack these doc values; it is being rebuilt anyway.
      LOG.debug("cannot read the previous index state: {}", e.toString());
      return Map.of();
    }
  }
}
