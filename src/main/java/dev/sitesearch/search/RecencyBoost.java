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
 * A gentle multiplier for newer pages: {@code 1 + weight × 0.5^(age / halfLife)}, so of two equally
 * good pages the newer comes first, while a much better old page still beats a new one. Undated
 * pages get no bonus. Applies only when some word matched (browsing is already sorted by date).
 */
record RecencyBoost(double halfLifeDays, double weight) implements RankingStage {
  private static final double MILLIS_PER_DAY = 86_400_000d;

  @Override
  public Query apply(Query query, Context context) {
    if (halfLifeDays <= 0 || weight <= 0 || context.words().isEmpty()) return query;
    return FunctionScoreQuery.boostByValue(query, new Decay(this, context.nowMillis()));
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
            value = 1;
            return true;
          }
          double ageDays = Math.max(0, (nowMillis - dates.longValue()) / MILLIS_PER_DAY);
          value = 1 + boost.weight() * Math.pow(0.5, ageDays / boost.halfLifeDays());
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
