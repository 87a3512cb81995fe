package dev.sitesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;

/**
 * Counts of every facet value, by the index's ordinals ({@link FacetOrdinals}), read as Lucene's
 * {@code SortedSetDocValuesFacetCounts} reads its own for flat, multi-valued facets: the same
 * values, order and figures ({@code OrdinalFacetCountsTest} compares the two).
 */
final class OrdinalFacetCounts extends Facets {
  private final SortedSetDocValuesReaderState state;

  /** By the index's ordinals; null when nothing matched (Lucene's counter then has none). */
  private final int[] counts;

  private SortedSetDocValues labels;

  OrdinalFacetCounts(SortedSetDocValuesReaderState state, int[] counts) {
    this.state = state;
    this.counts = counts;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = range(dim, path);
    if (range == null || counts == null) return null;
    var queue = new TopOrds(Math.min(topN, range.end() - range.start() + 1));
    int childCount = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] <= 0) continue;
      childCount++;
      queue.insertWithOverflow(new long[] {counts[ord], ord});
    }
    if (childCount == 0) return null;
    var top = new LabelAndValue[queue.size()];
    for (int i = top.length - 1; i >= 0; i--) {
      long[] entry = queue.pop();
      top[i] = new LabelAndValue(label((int) entry[1]), (int) entry[0]);
    }
    return new FacetResult(dim, path, -1, top, childCount);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = range(dim, path);
    if (range == null || counts == null) return null;
    var all = new ArrayList<LabelAndValue>();
    for (int ord = range.start(); ord <= range.end(); ord++)
      if (counts[ord] > 0) all.add(new LabelAndValue(label(ord), counts[ord]));
    return new FacetResult(dim, path, -1, all.toArray(new LabelAndValue[0]), all.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1)
      throw new IllegalArgumentException("path must be length=1 for a flat facet");
    long ord = labels().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts == null ? 0 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    validateTopN(topN);
    var results = new ArrayList<FacetResult>();
    for (String dim : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) results.add(result);
    }
    // Lucene orders by each facet's count, then name; a multi-valued facet's count is always -1.
    results.sort(Comparator.comparing((FacetResult r) -> r.dim));
    return results;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length > 0)
      throw new IllegalArgumentException("the facet is flat: a path must be empty");
    return state.getOrdRange(dim);
  }

  private String label(int ord) throws IOException {
    return FacetsConfig.stringToPath(labels().lookupOrd(ord).utf8ToString())[1];
  }

  /** The index's value names, opened on first use (per request, as they are not thread-safe). */
  private SortedSetDocValues labels() throws IOException {
    if (labels == null) labels = state.getDocValues();
    return labels;
  }

  /** The top values by count, a tie going to the lower ordinal (the value first in byte order). */
  private static final class TopOrds extends PriorityQueue<long[]> {
    TopOrds(int size) {
      super(size);
    }

    @Override
    protected boolean lessThan(long[] a, long[] b) {
      return a[0] < b[0] || (a[0] == b[0] && a[1] > b[1]);
    }
  }
}
