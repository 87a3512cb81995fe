package dev.sitesearch.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Stops a search at a deadline, keeping what it collected: no segment is started after it, and one
 * in progress stops within {@value #CHECK_EVERY} collected pages (Lucene ends a segment early, and
 * cleanly, on {@link CollectionTerminatedException}).
 *
 * <p>Why not Lucene's own limit ({@code IndexSearcher.setTimeout})? It scores a segment in windows
 * of documents, and the drill-sideways scorer that counts a filtered search's facets refuses
 * windows ("maxDoc must be Integer.MAX_VALUE"): every filtered search would fail. Every search's
 * matches pass through its collector, so the check sits here.
 */
final class DeadlineCollector implements Collector {
  /** Reading the clock once per this many pages keeps the check out of the profile. */
  static final int CHECK_EVERY = 256;

  private final Collector in;
  private final QueryTimeout deadline;
  private final Runnable onExpiry;

  /**
   * @param onExpiry told each time the deadline stops a segment
   */
  DeadlineCollector(Collector in, QueryTimeout deadline, Runnable onExpiry) {
    this.in = in;
    this.deadline = deadline;
    this.onExpiry = onExpiry;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    check();
    return new Leaf(in.getLeafCollector(context));
  }

  @Override
  public ScoreMode scoreMode() {
    return in.scoreMode();
  }

  @Override
  public void setWeight(Weight weight) {
    in.setWeight(weight);
  }

  /**
   * Facet collectors that stop at the deadline too: a filtered search's drill-sideways scorer feeds
   * the pages that miss one filter straight to these, past the hit collector, so a search with few
   * hits and many near misses is stopped here.
   */
  static FacetsCollectorManager facetCollectors(QueryTimeout deadline, Runnable onExpiry) {
    return new FacetsCollectorManager() {
      @Override
      public FacetsCollector newCollector() {
        return new FacetsCollector() {
          private int sinceCheck;

          @Override
          public void collect(int doc) throws IOException {
            if (++sinceCheck == CHECK_EVERY) {
              sinceCheck = 0;
              check(deadline, onExpiry);
            }
            super.collect(doc);
          }
        };
      }
    };
  }

  private void check() {
    check(deadline, onExpiry);
  }

  private static void check(QueryTimeout deadline, Runnable onExpiry) {
    if (deadline.shouldExit()) {
      onExpiry.run();
      throw new CollectionTerminatedException();
    }
  }

  /** Passes everything on, bulk forms included, reading the clock now and then. */
  private final class Leaf implements LeafCollector {
    private final LeafCollector in;
    private int sinceCheck;

    Leaf(LeafCollector in) {
      this.in = in;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      in.setScorer(scorer);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (++sinceCheck == CHECK_EVERY) {
        sinceCheck = 0;
        check();
      }
      in.collect(doc);
    }

    @Override
    public void collectRange(int min, int max) throws IOException {
      check();
      in.collectRange(min, max);
    }

    @Override
    public void collect(DocIdStream stream) throws IOException {
      check();
      in.collect(stream);
    }

    @Override
    public DocIdSetIterator competitiveIterator() throws IOException {
      return in.competitiveIterator();
    }

    @Override
    public void finish() throws IOException {
      in.finish();
    }
  }
}
