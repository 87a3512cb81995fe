package dev.sitesearch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that shapes ranking, in one place with its defaults: the scoring features and their
 * weights (chosen by the relevance benchmark, docs/relevance.md), the synonyms and the editors'
 * pins and hides. The {@code ranking:} section of {@code sitesearch.yml} sets the site-facing ones;
 * the others are for the benchmarks, which turn each feature off to measure what it costs and
 * brings.
 *
 * @param bm25f score each word with BM25F over all text fields ({@code CombinedFieldQuery}) instead
 *     of the best field's BM25 ({@code DisjunctionMaxQuery})
 * @param bm25K1 BM25's term-frequency saturation. BM25F adds a word's counts over the fields times
 *     their weights (once in a title weighted 3 counts 3), so counts run higher than in one field
 *     and saturate later: 2.0 rather than Lucene's 1.2 (b stays 0.75)
 * @param tierBoost added to pages that match enough of the words (all up to three, then three
 *     quarters), so they come before pages with fewer; 0 turns tiers off
 * @param proximityWeight weight of the bonus for query words near each other; 0 turns it off
 * @param proximitySlop how far apart two adjacent query words may be to earn it
 * @param exactTitleBoost added to a page whose title is the query; 0 turns it off
 * @param typos match unknown words of 5+ letters within one edit (two from 9 letters)
 * @param recencyHalfLifeDays age at which the recency bonus halves; 0 turns recency off
 * @param recencyWeight the bonus for a page dated today, as a share of its score
 * @param feedbackWeight for long, question-like queries, weight of the words that best characterise
 *     the first results (pseudo-relevance feedback); 0 turns it off
 * @param synonyms where query-time synonyms come from
 * @param pins query (case, accents and punctuation do not matter) to the ids shown first, in order
 * @param hides query to the ids never shown for it
 */
public record RankingSettings(
    boolean bm25f,
    float bm25K1,
    float tierBoost,
    float proximityWeight,
    int proximitySlop,
    float exactTitleBoost,
    boolean typos,
    double recencyHalfLifeDays,
    double recencyWeight,
    float feedbackWeight,
    Synonyms synonyms,
    Map<String, List<String>> pins,
    Map<String, List<String>> hides) {

  /**
   * Pins or hides per query: an editor's list, not a second index (each id is a clause of the
   * query).
   */
  public static final int MAX_CURATED_IDS = 100;

  public static final RankingSettings DEFAULTS =
      new RankingSettings(
          true,
          2.0f,
          100f,
          0.3f,
          3,
          1000f,
          true,
          730,
          0.1,
          0.5f,
          Synonyms.BUNDLED,
          Map.of(),
          Map.of());

  public RankingSettings {
    if (!(bm25K1 > 0)) throw new IllegalArgumentException("bm25K1 must be positive");
    if (feedbackWeight < 0
        || tierBoost < 0
        || proximityWeight < 0
        || proximitySlop < 0
        || exactTitleBoost < 0
        || recencyHalfLifeDays < 0
        || recencyWeight < 0) {
      throw new IllegalArgumentException("ranking settings must not be negative");
    }
    Objects.requireNonNull(synonyms);
    pins = copy(pins);
    hides = copy(hides);
  }

  /**
   * Where synonyms come from: the bundled list, none, or a Solr-format file.
   *
   * @param file the file, or null for the bundled list or none
   */
  public record Synonyms(boolean on, Path file) {
    public static final Synonyms BUNDLED = new Synonyms(true, null);
    public static final Synonyms NONE = new Synonyms(false, null);

    public static Synonyms file(Path file) {
      return new Synonyms(true, Objects.requireNonNull(file));
    }
  }

  static RankingSettings fromConfig(ConfigSection r) {
    r.allowOnly("synonyms", "recencyHalfLifeDays", "typos", "pins", "hides");
    Synonyms synonyms = DEFAULTS.synonyms();
    if ("none".equalsIgnoreCase(r.string("synonyms", ""))) {
      synonyms = Synonyms.NONE;
    } else {
      Path file = r.file("synonyms", null);
      if (file != null) {
        if (!Files.isRegularFile(file)) throw r.error("synonyms", "file not found: " + file);
        synonyms = Synonyms.file(file);
      }
    }
    return DEFAULTS.toBuilder()
        .synonyms(synonyms)
        .recency(
            r.number(
                "recencyHalfLifeDays",
                DEFAULTS.recencyHalfLifeDays(),
                0,
                1e6,
                "a number of days, 0 to turn recency off"),
            DEFAULTS.recencyWeight())
        .typos(r.bool("typos", DEFAULTS.typos()))
        .pins(curation(r.section("pins")))
        .hides(curation(r.section("hides")))
        .build();
  }

  private static Map<String, List<String>> curation(ConfigSection s) {
    var out = new LinkedHashMap<String, List<String>>();
    for (String query : s.keys()) {
      List<String> ids = s.strings(query, List.of());
      if (ids.isEmpty()) throw s.error(query, "expected a list of page ids");
      if (ids.size() > MAX_CURATED_IDS)
        throw s.error(query, "at most " + MAX_CURATED_IDS + " page ids per query");
      out.put(query, ids);
    }
    return out;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    var out = new LinkedHashMap<String, List<String>>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes a few settings of a copy: {@code DEFAULTS.toBuilder().typos(false).build()}. */
  public static final class Builder {
    private boolean bm25f;
    private float bm25K1;
    private float tierBoost;
    private float proximityWeight;
    private int proximitySlop;
    private float exactTitleBoost;
    private boolean typos;
    private double recencyHalfLifeDays;
    private double recencyWeight;
    private float feedbackWeight;
    private Synonyms synonyms;
    private Map<String, List<String>> pins;
    private Map<String, List<String>> hides;

    private Builder(RankingSettings s) {
      bm25f = s.bm25f;
      bm25K1 = s.bm25K1;
      tierBoost = s.tierBoost;
      proximityWeight = s.proximityWeight;
      proximitySlop = s.proximitySlop;
      exactTitleBoost = s.exactTitleBoost;
      typos = s.typos;
      recencyHalfLifeDays = s.recencyHalfLifeDays;
      recencyWeight = s.recencyWeight;
      feedbackWeight = s.feedbackWeight;
      synonyms = s.synonyms;
      pins = s.pins;
      hides = s.hides;
    }

    public Builder bm25f(boolean on) {
      bm25f = on;
      return this;
    }

    public Builder bm25K1(float k1) {
      bm25K1 = k1;
      return this;
    }

    public Builder tierBoost(float boost) {
      tierBoost = boost;
      return this;
    }

    public Builder proximity(float weight, int slop) {
      proximityWeight = weight;
      proximitySlop = slop;
      return this;
    }

    public Builder exactTitleBoost(float boost) {
      exactTitleBoost = boost;
      return this;
    }

    public Builder typos(boolean on) {
      typos = on;
      return this;
    }

    public Builder recency(double halfLifeDays, double weight) {
      recencyHalfLifeDays = halfLifeDays;
      recencyWeight = weight;
      return this;
    }

    public Builder feedback(float weight) {
      feedbackWeight = weight;
      return this;
    }

    public Builder synonyms(Synonyms source) {
      synonyms = source;
      return this;
    }

    public Builder pins(Map<String, List<String>> byQuery) {
      pins = byQuery;
      return this;
    }

    public Builder hides(Map<String, List<String>> byQuery) {
      hides = byQuery;
      return this;
    }

    public RankingSettings build() {
      return new RankingSettings(
          bm25f,
          bm25K1,
          tierBoost,
          proximityWeight,
          proximitySlop,
          exactTitleBoost,
          typos,
          recencyHalfLifeDays,
          recencyWeight,
          feedbackWeight,
          synonyms,
          pins,
          hides);
    }
  }
}
