package dev.sitesearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * Every page's facet values of one commit, held in arrays on the heap, so counting the values of a
 * search's matches is a loop over arrays: Lucene's counter decodes them from the mapped doc values
 * for every match, which took a fifth of a search's time at 100k pages (about 17 values a page over
 * ten facets).
 *
 * <p>A segment's arrays hold its own ordinals and are kept for as long as the segment lives, so a
 * new commit reads only its new segments; they take 2 bytes a value and 4 a page (40 KB per 1,000
 * pages of 17 values each, as the bench corpus has). Each commit maps them to the whole index's
 * ordinals with a table per segment.
 */
final class FacetOrdinals {
  private final SortedSetDocValuesReaderState state;

  /** By leaf: the segment's values, or null when none of its pages has one. */
  private final SegmentOrdinals[] segments;

  /** By leaf: a segment ordinal's index-wide ordinal, or null when they are the same. */
  private final int[][] toGlobal;

  private FacetOrdinals(
      SortedSetDocValuesReaderState state, SegmentOrdinals[] segments, int[][] toGlobal) {
    this.state = state;
    this.segments = segments;
    this.toGlobal = toGlobal;
  }

  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** The counts of every value among the collected matches. */
  OrdinalFacetCounts count(FacetsCollector hits) throws IOException {
    int[] counts = new int[state.getSize()];
    boolean any = false;
    for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
      int leaf = docs.context().ord;
      SegmentOrdinals segment = segments[leaf];
      if (docs.totalHits() > 0) any = true;
      if (segment == null || docs.totalHits() == 0 || docs.bits() == null) continue;
      segment.count(docs.bits().iterator(), toGlobal[leaf], counts);
    }
    return new OrdinalFacetCounts(state, any ? counts : null);
  }

  /**
   * The segments' arrays of every commit a searcher manager opens, read once per segment: each
   * commit's {@link FacetOrdinals} takes the ones its segments already have and reads the rest. A
   * manager refreshes on one thread at a time; the lock is for any other caller.
   */
  static final class Cache {
    private final int narrowUpTo;
    private Map<Object, SegmentOrdinals> bySegment = new HashMap<>();

    Cache() {
      this(Character.MAX_VALUE + 1);
    }

    /** Ordinals are kept as chars in segments with at most {@code narrowUpTo} values. */
    Cache(int narrowUpTo) {
      this.narrowUpTo = Math.min(narrowUpTo, Character.MAX_VALUE + 1);
    }

    synchronized FacetOrdinals of(SortedSetDocValuesReaderState state) throws IOException {
      IndexReader reader = state.getReader();
      List<LeafReaderContext> leaves = reader.leaves();
      var kept = new HashMap<Object, SegmentOrdinals>();
      var segments = new SegmentOrdinals[leaves.size()];
      var toGlobal = new int[leaves.size()][];
      OrdinalMap map = ordinalMap(state);
      for (LeafReaderContext leaf : leaves) {
        var helper = leaf.reader().getCoreCacheHelper();
        Object key = helper == null ? null : helper.getKey();
        SegmentOrdinals ordinals = key == null ? null : bySegment.get(key);
        if (ordinals == null)
          ordinals = SegmentOrdinals.read(leaf.reader(), state.getField(), narrowUpTo);
        if (key != null) kept.put(key, ordinals);
        segments[leaf.ord] = ordinals;
        if (map != null && ordinals != null)
          toGlobal[leaf.ord] = table(map.getGlobalOrds(leaf.ord), ordinals.valueCount);
      }
      bySegment = kept;
      return new FacetOrdinals(state, segments, toGlobal);
    }

    /** The state's map of segment to index-wide ordinals; none for a single segment. */
    private static OrdinalMap ordinalMap(SortedSetDocValuesReaderState state) throws IOException {
      return state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
          ? multi.mapping
          : null;
    }

    private static int[] table(LongValues global, int valueCount) {
      var table = new int[valueCount];
      for (int ord = 0; ord < valueCount; ord++) table[ord] = Math.toIntExact(global.get(ord));
      return table;
    }
  }

  /**
   * One segment's values: the ordinals of page {@code d} are {@code ords[starts[d]..starts[d+1])}.
   * Ordinals fit in a char while a segment has at most 65,536 distinct values (most sites), which
   * halves the memory; otherwise an int each.
   */
  private record SegmentOrdinals(int[] starts, char[] narrow, int[] wide, int valueCount) {
    static SegmentOrdinals read(LeafReader reader, String field, int narrowUpTo)
        throws IOException {
      if (reader.getFieldInfos().fieldInfo(field) == null) return null;
      SortedSetDocValues values = DocValues.getSortedSet(reader, field);
      int valueCount = Math.toIntExact(values.getValueCount());
      boolean narrow = valueCount <= narrowUpTo;
      var starts = new int[reader.maxDoc() + 1];
      var ords = new int[Math.max(16, reader.maxDoc() * 2)];
      int size = 0;
      int next = 0;
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        while (next <= doc) starts[next++] = size;
        int count = values.docValueCount();
        if (size + count > ords.length)
          ords = java.util.Arrays.copyOf(ords, Math.max(size + count, ords.length * 3 / 2));
        for (int i = 0; i < count; i++) ords[size++] = (int) values.nextOrd();
      }
      while (next <= reader.maxDoc()) starts[next++] = size;
      if (!narrow)
        return new SegmentOrdinals(starts, null, java.util.Arrays.copyOf(ords, size), valueCount);
      var chars = new char[size];
      for (int i = 0; i < size; i++) chars[i] = (char) ords[i];
      return new SegmentOrdinals(starts, chars, null, valueCount);
    }

    void count(DocIdSetIterator docs, int[] toGlobal, int[] counts) throws IOException {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        int end = starts[doc + 1];
        for (int i = starts[doc]; i < end; i++) {
          int ord = narrow != null ? narrow[i] : wide[i];
          counts[toGlobal == null ? ord : toGlobal[ord]]++;
        }
      }
    }
  }
}
