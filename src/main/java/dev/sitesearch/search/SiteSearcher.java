package dev.sitesearch.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher over one index commit, with what is built once per commit rather than per query: the
 * facet ordinal state and the commit's metadata. A request searches through its own copy ({@link
 * #within}) whose searches stop at the request's deadline.
 */
final class SiteSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final Map<String, String> commitData;
  private final long generation;
  private final QueryTimeout deadline;
  private volatile boolean ranOutOfTime;

  private SiteSearcher(
      IndexReader reader,
      SortedSetDocValuesReaderState facetState,
      Map<String, String> commitData,
      long generation,
      Similarity similarity,
      QueryTimeout deadline) {
    super(reader);
    setSimilarity(similarity);
    this.facetState = facetState;
    this.commitData = commitData;
    this.generation = generation;
    this.deadline = deadline;
  }

  /**
   * A searcher over the same commit whose searches stop at {@code deadline}, for one request: this
   * one is shared by every request, so the deadline cannot be set on it. Cheap: it shares the
   * reader and the facet state.
   */
  SiteSearcher within(QueryTimeout deadline) {
    return new SiteSearcher(
        getIndexReader(), facetState, commitData, generation, getSimilarity(), deadline);
  }

  /** Each segment's matches are collected up to the deadline, when there is one. */
  @Override
  protected void searchLeaf(
      LeafReaderContext context, int minDocId, int maxDocId, Weight weight, Collector collector)
      throws IOException {
    super.searchLeaf(
        context,
        minDocId,
        maxDocId,
        weight,
        deadline == null
            ? collector
            : new DeadlineCollector(collector, deadline, () -> ranOutOfTime = true));
  }

  /** Facet collectors that stop at this searcher's deadline, when it has one. */
  FacetsCollectorManager facetCollectors() {
    return deadline == null
        ? new FacetsCollectorManager()
        : DeadlineCollector.facetCollectors(deadline, () -> ranOutOfTime = true);
  }

  /** Whether a search of this searcher stopped at its deadline (its results are partial). */
  @Override
  public boolean timedOut() {
    return ranOutOfTime || super.timedOut();
  }

  /** Null when the index holds no facet values yet (an empty site). */
  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  Map<String, String> commitData() {
    return commitData;
  }

  long generation() {
    return generation;
  }

  /** Makes a {@link SiteSearcher} for each commit a {@code SearcherManager} opens. */
  static SearcherFactory factory(FacetsConfig facetsConfig, Similarity similarity) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
          throws IOException {
        SortedSetDocValuesReaderState state;
        try {
          state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException e) {
          state = null; // no facet field in this index yet
        }
        Map<String, String> data = Map.of();
        long generation = 0;
        if (reader instanceof DirectoryReader dr) {
          data = dr.getIndexCommit().getUserData();
          generation = dr.getIndexCommit().getGeneration();
        }
        return new SiteSearcher(reader, state, data, generation, similarity, null);
      }
    };
  }
}
