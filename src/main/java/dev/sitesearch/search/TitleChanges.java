package dev.sitesearch.search;

import dev.sitesearch.index.SegmentKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;

/**
 * What changed in the titles from one commit to the next, found segment by segment: a segment the
 * previous commit had is unchanged but for its deletions, so only new segments are read. An edit of
 * one page on a site of 100,000 reads one page's title instead of every title.
 *
 * @param removed ids whose completion goes (deleted pages, and the old version of changed ones)
 * @param added completions to add, each replacing any completion of the same id
 * @param next the titles of the new commit, for the commit after it
 */
record TitleChanges(List<String> removed, List<TitleEntries.Entry> added, Snapshot next) {

  /**
   * The ids of a commit's titled pages, per segment (segment name and id) and document: what a
   * later commit is compared with. Untitled or deleted documents are null.
   */
  record Snapshot(Map<String, String[]> ids) {
    static final Snapshot EMPTY = new Snapshot(Map.of());

    /**
     * The changes from this snapshot to {@code reader}, or null when the reader's segments cannot
     * be told apart (a reader that is not made of Lucene segments).
     */
    TitleChanges changesTo(IndexReader reader, String dateField) throws IOException {
      var next = new HashMap<String, String[]>();
      var removed = new ArrayList<String>();
      var added = new ArrayList<TitleEntries.Entry>();
      for (LeafReaderContext context : reader.leaves()) {
        String key = SegmentKey.of(context);
        if (key == null) return null;
        String[] before = ids.get(key);
        if (before == null) {
          List<TitleEntries.Entry> entries = TitleEntries.of(context, dateField);
          String[] now = new String[context.reader().maxDoc()];
          for (TitleEntries.Entry e : entries) now[e.doc()] = e.id();
          added.addAll(entries);
          next.put(key, now);
        } else {
          next.put(key, withDeletions(before, context.reader().getLiveDocs(), removed));
        }
      }
      ids.forEach(
          (key, gone) -> {
            if (!next.containsKey(key)) collect(gone, removed); // merged away or emptied
          });
      return new TitleChanges(removed, added, new Snapshot(next));
    }

    /** {@code before} without the documents deleted since, whose ids go to {@code removed}. */
    private static String[] withDeletions(String[] before, Bits live, List<String> removed) {
      if (live == null) return before;
      String[] now = null;
      for (int doc = 0; doc < before.length; doc++) {
        if (before[doc] != null && !live.get(doc)) {
          if (now == null) now = before.clone();
          removed.add(before[doc]);
          now[doc] = null;
        }
      }
      return now == null ? before : now;
    }

    private static void collect(String[] ids, List<String> into) {
      for (String id : ids) if (id != null) into.add(id);
    }
  }

  /** How many completions change. */
  int size() {
    return removed.size() + added.size();
  }
}
