package dev.sitesearch.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Reads, from the index itself, every live page's path, id, size, modification time, hash and
 * expiry: the state an incremental run compares the content folder against. Doc values only (no
 * stored fields); a {@link Cache} keeps what it read of each segment for the next run.
 */
final class IndexedFiles {
  private IndexedFiles() {}

  static Map<String, IndexedFile> read(DirectoryReader reader) throws IOException {
    return new Cache().read(reader);
  }

  /**
   * What was read from each segment, kept for the next run: a segment the previous commit had is
   * the same but for deletions, so an incremental run after an edit reads the edit's new segment
   * and not every page again. One indexer's runs use it one at a time. It keeps nothing until told
   * to ({@link #keep}): about 300 bytes a page, worth it for an indexer that runs after every save.
   */
  static final class Cache {
    private Map<String, IndexedFile[]> segments = new HashMap<>();
    private volatile boolean keep;

    /** From now on, keeps what it read for the next run. */
    void keep() {
      keep = true;
    }

    /** Every live page of {@code reader}, reading only the segments not read before. */
    synchronized Map<String, IndexedFile> read(DirectoryReader reader) throws IOException {
      var files = new HashMap<String, IndexedFile>(reader.numDocs() * 2);
      var next = new HashMap<String, IndexedFile[]>();
      for (LeafReaderContext context : reader.leaves()) {
        String key = SegmentKey.of(context);
        IndexedFile[] byDoc = key == null ? null : segments.get(key);
        if (byDoc == null) byDoc = readSegment(context.reader());
        if (key != null) next.put(key, byDoc);
        Bits live = context.reader().getLiveDocs();
        for (int doc = 0; doc < byDoc.length; doc++) {
          if (byDoc[doc] != null && (live == null || live.get(doc)))
            files.put(byDoc[doc].path(), byDoc[doc]);
        }
      }
      segments = keep ? next : Map.of(); // segments merged away are forgotten
      return files;
    }
  }

  /** Each document's record by doc id, deleted ones included (their liveness is the commit's). */
  private static IndexedFile[] readSegment(LeafReader leaf) throws IOException {
    var byDoc = new IndexedFile[leaf.maxDoc()];
    SortedDocValues paths = DocValues.getSorted(leaf, Fields.PATH);
    SortedDocValues ids = DocValues.getSorted(leaf, Fields.ID);
    BinaryDocValues hashes = DocValues.getBinary(leaf, Fields.HASH);
    NumericDocValues sizes = DocValues.getNumeric(leaf, Fields.SIZE);
    NumericDocValues mtimes = DocValues.getNumeric(leaf, Fields.MTIME);
    NumericDocValues expires = DocValues.getNumeric(leaf, Fields.EXPIRES);
    for (int doc = paths.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
      String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
      String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : path;
      String hash = hashes.advanceExact(doc) ? hashes.binaryValue().utf8ToString() : "";
      long size = sizes.advanceExact(doc) ? sizes.longValue() : -1;
      long mtime = mtimes.advanceExact(doc) ? mtimes.longValue() : -1;
      long expiry = expires.advanceExact(doc) ? expires.longValue() : IndexedFile.NEVER;
      byDoc[doc] = new IndexedFile(path, id, size, mtime, hash, expiry);
    }
    return byDoc;
  }
}
