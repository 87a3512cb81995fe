package dev.sitesearch.search;

/**
 * The knobs of ranking, with the shipped defaults chosen by the relevance benchmark (docs/relevance.md). Each
 * feature can be turned off, which is also how the benchmark measures what it costs and brings.
 *
 * @param bm25f               score each word with Lucene's BM25F over all text fields ({@code CombinedFieldQuery})
 *                            instead of the best field's BM25 ({@code DisjunctionMaxQuery})
 * @param bm25K1              BM25's term-frequency saturation. BM25F adds a word's counts over the fields times their
 *                            weights (once in a title weighted 3 counts 3), so counts run higher than in one field and
 *                            saturate later: 2.0 rather than Lucene's 1.2 (b stays 0.75)
 * @param tierBoost           added to pages that match enough of the words (all up to three, then three quarters),
 *                            so they come before pages with fewer; 0 turns tiers off
 * @param proximityWeight     weight of the bonus for query words near each other; 0 turns it off
 * @param proximitySlop       how far apart two adjacent query words may be to earn it
 * @param exactTitleBoost     added to a page whose title is the query; 0 turns it off
 * @param typos               match unknown words of 5+ letters within one edit (two from 9 letters)
 * @param recencyHalfLifeDays age at which the recency bonus halves; 0 turns recency off
 * @param recencyWeight       the bonus for a page dated today, as a share of its score
 * @param feedbackWeight      for long, question-like queries, weight of the words that best characterise the first
 *                            results (pseudo-relevance feedback); 0 turns it off
 */
public record RankingSettings(boolean bm25f, float bm25K1, float tierBoost, float proximityWeight, int proximitySlop,
    float exactTitleBoost, boolean typos, double recencyHalfLifeDays, double recencyWeight, float feedbackWeight) {

  public static final RankingSettings DEFAULTS = new RankingSettings(true, 2.0f, 100f, 0.3f, 3, 1000f, true, 365 * 2, 0.1, 0.5f);

  public RankingSettings {
    if (!(bm25K1 > 0)) throw new IllegalArgumentException("bm25K1 must be positive");
    if (feedbackWeight < 0 || tierBoost < 0 || proximityWeight < 0 || exactTitleBoost < 0 || recencyHalfLifeDays < 0
        || recencyWeight < 0) {
      throw new IllegalArgumentException("ranking settings must not be negative");
    }
  }

  public RankingSettings withFeedback(float weight) {
    return new RankingSettings(bm25f, bm25K1, tierBoost, proximityWeight, proximitySlop, exactTitleBoost, typos,
        recencyHalfLifeDays, recencyWeight, weight);
  }

  public RankingSettings withBm25f(boolean on) {
    return new RankingSettings(on, bm25K1, tierBoost, proximityWeight, proximitySlop, exactTitleBoost, typos,
        recencyHalfLifeDays, recencyWeight, feedbackWeight);
  }

  public RankingSettings withTierBoost(float boost) {
    return new RankingSettings(bm25f, bm25K1, boost, proximityWeight, proximitySlop, exactTitleBoost, typos,
        recencyHalfLifeDays, recencyWeight, feedbackWeight);
  }

  public RankingSettings withProximity(float weight, int slop) {
    return new RankingSettings(bm25f, bm25K1, tierBoost, weight, slop, exactTitleBoost, typos, recencyHalfLifeDays,
        recencyWeight, feedbackWeight);
  }

  public RankingSettings withExactTitleBoost(float boost) {
    return new RankingSettings(bm25f, bm25K1, tierBoost, proximityWeight, proximitySlop, boost, typos, recencyHalfLifeDays,
        recencyWeight, feedbackWeight);
  }

  public RankingSettings withTypos(boolean on) {
    return new RankingSettings(bm25f, bm25K1, tierBoost, proximityWeight, proximitySlop, exactTitleBoost, on,
        recencyHalfLifeDays, recencyWeight, feedbackWeight);
  }

  public RankingSettings withRecency(double halfLifeDays, double weight) {
    return new RankingSettings(bm25f, bm25K1, tierBoost, proximityWeight, proximitySlop, exactTitleBoost, typos, halfLifeDays,
        weight, feedbackWeight);
  }

  public RankingSettings withBm25K1(float k1) {
    return new RankingSettings(bm25f, k1, tierBoost, proximityWeight, proximitySlop, exactTitleBoost, typos,
        recencyHalfLifeDays, recencyWeight, feedbackWeight);
  }
}
