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
 * stored fields), so 100k pages take milliseconds.
 */
final class IndexedFiles {
  private IndexedFiles() {}

  static Map<String, IndexedFile> read(DirectoryReader reader) throws IOException {
    var files = new HashMap<String, IndexedFile>(reader.numDocs() * 2);
    for (LeafReaderContext context : reader.leaves()) {
      LeafReader leaf = context.reader();
      Bits live = leaf.getLiveDocs();
      SortedDocValues paths = DocValues.getSorted(leaf, Fields.PATH);
      SortedDocValues ids = DocValues.getSorted(leaf, Fields.ID);
      BinaryDocValues hashes = DocValues.getBinary(leaf, Fields.HASH);
      NumericDocValues sizes = DocValues.getNumeric(leaf, Fields.SIZE);
      NumericDocValues mtimes = DocValues.getNumeric(leaf, Fields.MTIME);
      NumericDocValues expires = DocValues.getNumeric(leaf, Fields.EXPIRES);
      for (int doc = paths.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
        String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : path;
        String hash = hashes.advanceExact(doc) ? hashes.binaryValue().utf8ToString() : "";
        long size = sizes.advanceExact(doc) ? sizes.longValue() : -1;
        long mtime = mtimes.advanceExact(doc) ? mtimes.longValue() : -1;
        long expiry = expires.advanceExact(doc) ? expires.longValue() : IndexedFile.NEVER;
        files.put(path, new IndexedFile(path, id, size, mtime, hash, expiry));
      }
    }
    return files;
  }
}
