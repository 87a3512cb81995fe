package dev.sitesearch.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher over one index commit, with what is built once per commit rather than per query: the
 * facet ordinal state and the commit's metadata.
 */
final class SiteSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final Map<String, String> commitData;
  private final long generation;

  private SiteSearcher(
      IndexReader reader,
      SortedSetDocValuesReaderState facetState,
      Map<String, String> commitData,
      long generation,
      Similarity similarity) {
    super(reader);
    setSimilarity(similarity);
    this.facetState = facetState;
    this.commitData = commitData;
    this.generation = generation;
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
        return new SiteSearcher(reader, state, data, generation, similarity);
      }
    };
  }
}
