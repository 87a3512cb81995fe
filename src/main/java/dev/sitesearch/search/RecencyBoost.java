package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Recency as a tie-breaker: the words' own relevance (the matching clauses, before any bonus) is
 * multiplied by {@code 1 - weight × (1 - 0.5^(age / halfLife))}, from 1 for a page of today down to
 * {@code 1 - weight} (0.9) for a very old one, so of two comparably relevant pages the newer comes
 * first, and a page passes one only when that one is less than about {@code weight} (10%) more
 * relevant. The constant bonuses (tiers, exact title) are added outside it, so recency never
 * outweighs them: multiplying the whole score (as before) turned the tier bonus of 100 into up to
 * 10 points of recency, more than the words' whole score on most pages, and on a docs-and-blog site
 * put recent posts above the right docs page (docs/hugo.md, "Recency on a docs-and-blog site").
 *
 * <p>Undated pages (most docs) are not penalised: they count as current (factor 1), so an old post
 * never passes an equally relevant undated page, and a site without dates ranks as without recency.
 */
record RecencyBoost(double halfLifeDays, double weight) {
  private static final double MILLIS_PER_DAY = 86_400_000d;

  /**
   * {@code relevance} (a page's matching clauses) with the bonus for newer pages, searched at
   * {@code nowMillis}; {@code relevance} itself when recency is off.
   */
  Query around(Query relevance, long nowMillis) {
    if (halfLifeDays <= 0 || weight <= 0) return relevance;
    return FunctionScoreQuery.boostByValue(relevance, new Decay(this, nowMillis));
  }

  /** The multiplier per page at the time of the query, from the page date's doc values. */
  static final class Decay extends DoubleValuesSource {
    private final RecencyBoost boost;
    private final long nowMillis;

    Decay(RecencyBoost boost, long nowMillis) {
      this.boost = boost;
      this.nowMillis = nowMillis;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      NumericDocValues dates = DocValues.getNumeric(ctx.reader(), Fields.RECENCY);
      return new DoubleValues() {
        private double value = 1;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          if (!dates.advanceExact(doc)) {
            value = 1; // undated: current, never behind a dated page
            return true;
          }
          double ageDays = Math.max(0, (nowMillis - dates.longValue()) / MILLIS_PER_DAY);
          value = 1 - boost.weight() * (1 - Math.pow(0.5, ageDays / boost.halfLifeDays()));
          return true;
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false; // depends on the time of the query
    }

    @Override
    public int hashCode() {
      return Objects.hash(nowMillis / 3_600_000, boost);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decay d
          && d.nowMillis / 3_600_000 == nowMillis / 3_600_000
          && d.boost.equals(boost);
    }

    @Override
    public String toString() {
      return "recency(halfLife=" + boost.halfLifeDays() + "d, weight=" + boost.weight() + ")";
    }
  }
}
