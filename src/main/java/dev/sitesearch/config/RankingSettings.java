package dev.sitesearch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that shapes ranking, in one place with its defaults: the scoring features and their
 * weights (chosen by the relevance benchmark, docs/relevance.md), the synonyms and the editors'
 * pins and hides. The {@code ranking:} section of {@code sitesearch.yml} sets the site-facing ones;
 * the others are for the benchmarks, which turn each feature off to measure what it costs and
 * brings. A feature with two knobs has them in one small record; {@link #with} makes a changed
 * copy.
 *
 * @param bm25f score each word with BM25F over all text fields ({@code CombinedFieldQuery}) instead
 *     of the best field's BM25 ({@code DisjunctionMaxQuery})
 * @param bm25K1 BM25's term-frequency saturation: Lucene's and the literature's 1.2 (b stays 0.75).
 *     A k1 of 2.0, picked on MED and CISI, did not carry to CACM and ADI (docs/relevance.md)
 * @param tierBoost added to pages that match enough of the words (all up to three, then three
 *     quarters), so they come before pages with fewer; 0 turns tiers off
 * @param summaryTierBoost added, for a query of two or three known words, to pages whose title or
 *     description holds each of them (a page about the query before one that mentions it), above an
 *     exact heading and below an exact title; 0 turns it off
 * @param titleWordsWeight for a query of up to three words, each word in a page's title earns its
 *     title-field BM25 score again at this weight (the title saturates at once); 0 turns it off
 * @param proximity the bonus for query words near each other
 * @param exactTitleBoost added to a page whose title is the query; 0 turns it off
 * @param exactHeadingBoost added to a page one of whose headings is the query (below a title: a
 *     page about the thing comes before a page with a section on it); 0 turns it off
 * @param typos match unknown words of 5+ letters within one edit (two from 9 letters)
 * @param recency the bonus for newer pages
 * @param feedbackWeight for long, question-like queries, weight of the words that best characterise
 *     the first results (pseudo-relevance feedback); 0 turns it off
 * @param splitCompounds a typed word the analyzer splits into parts of letters only ({@code
 *     two-dimensional}, {@code e-mail}) matches as one word whose parts share its weight, the parts
 *     in sequence earning the proximity bonus on top; off, it matches only as a phrase, and a page
 *     without the phrase gets nothing for it. Words with digits ({@code covid-19}, {@code
 *     iso-9001}) are codes and always match as a phrase
 * @param synonyms where query-time synonyms come from
 * @param pins query (case, accents and punctuation do not matter) to the ids shown first, in order
 * @param hides query to the ids never shown for it
 */
public record RankingSettings(
    boolean bm25f,
    float bm25K1,
    float tierBoost,
    float summaryTierBoost,
    float titleWordsWeight,
    Proximity proximity,
    float exactTitleBoost,
    float exactHeadingBoost,
    boolean typos,
    Recency recency,
    float feedbackWeight,
    boolean splitCompounds,
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
          1.2f,
          100f,
          500f,
          0.5f,
          new Proximity(0.3f, 3),
          1000f,
          300f,
          true,
          new Recency(730, 0.1),
          0.3f,
          true,
          Synonyms.NONE,
          Map.of(),
          Map.of());

  /**
   * Every ranking feature off (no bonuses, stages, typos or synonyms): the words' BM25F scores
   * alone. The benchmarks measure the features against it; the features' unit tests start from it
   * and turn on the one they are about.
   */
  public static final RankingSettings WORDS_ONLY =
      DEFAULTS.with(
          s -> {
            s.tierBoost = 0;
            s.summaryTierBoost = 0;
            s.titleWordsWeight = 0;
            s.proximity = Proximity.OFF;
            s.exactTitleBoost = 0;
            s.exactHeadingBoost = 0;
            s.typos = false;
            s.recency = Recency.OFF;
            s.feedbackWeight = 0;
            s.synonyms = Synonyms.NONE;
          });

  public RankingSettings {
    if (!(bm25K1 > 0)) throw new IllegalArgumentException("bm25K1 must be positive");
    if (feedbackWeight < 0
        || tierBoost < 0
        || summaryTierBoost < 0
        || titleWordsWeight < 0
        || exactTitleBoost < 0
        || exactHeadingBoost < 0) {
      throw new IllegalArgumentException("ranking settings must not be negative");
    }
    Objects.requireNonNull(proximity);
    Objects.requireNonNull(recency);
    Objects.requireNonNull(synonyms);
    pins = copy(pins);
    hides = copy(hides);
  }

  /**
   * Query words near each other earn a bonus per pair.
   *
   * @param weight the bonus's weight; 0 turns it off
   * @param slop how far apart two adjacent query words may be to earn it
   */
  public record Proximity(float weight, int slop) {
    public static final Proximity OFF = new Proximity(0, 0);

    public Proximity {
      if (weight < 0 || slop < 0)
        throw new IllegalArgumentException("proximity must not be negative");
    }
  }

  /**
   * Newer pages earn a bonus that halves with age.
   *
   * @param halfLifeDays age at which the bonus halves; 0 turns recency off
   * @param weight the bonus for a page dated today, as a share of its score
   */
  public record Recency(double halfLifeDays, double weight) {
    public static final Recency OFF = new Recency(0, 0);

    public Recency {
      if (halfLifeDays < 0 || weight < 0)
        throw new IllegalArgumentException("recency must not be negative");
    }
  }

  /**
   * Where synonyms come from: none (the default: which words mean the same is the site's own
   * knowledge), or a Solr-format file the site keeps.
   *
   * @param file the file, or null for none
   */
  public record Synonyms(boolean on, Path file) {
    public static final Synonyms NONE = new Synonyms(false, null);

    public Synonyms {
      if (on != (file != null)) throw new IllegalArgumentException("synonyms on without a file");
    }

    public static Synonyms file(Path file) {
      return new Synonyms(true, Objects.requireNonNull(file));
    }
  }

  static RankingSettings fromConfig(ConfigSection r) {
    r.allowOnly("synonyms", "recencyHalfLifeDays", "typos", "pins", "hides");
    Synonyms synonyms = synonyms(r);
    return DEFAULTS.with(
        s -> {
          s.synonyms = synonyms;
          s.recency =
              new Recency(
                  r.number(
                      "recencyHalfLifeDays",
                      DEFAULTS.recency().halfLifeDays(),
                      0,
                      1e6,
                      "a number of days, 0 to turn recency off"),
                  DEFAULTS.recency().weight());
          s.typos = r.bool("typos", DEFAULTS.typos());
          s.pins = curation(r.section("pins"));
          s.hides = curation(r.section("hides"));
        });
  }

  private static Synonyms synonyms(ConfigSection r) {
    String name = r.string("synonyms", "none");
    if ("none".equalsIgnoreCase(name)) return Synonyms.NONE;
    Path file = r.file("synonyms", null);
    if (file == null) return DEFAULTS.synonyms();
    if (!Files.isRegularFile(file)) throw r.error("synonyms", "file not found: " + file);
    return Synonyms.file(file);
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

  /**
   * A copy with some settings changed, in the way Javalin takes its config: {@code DEFAULTS.with(s
   * -> s.typos = false)}. The copy is checked as any settings are.
   */
  public RankingSettings with(Consumer<Changes> change) {
    var changes = new Changes(this);
    change.accept(changes);
    return changes.settings();
  }

  /** The settings as fields to set inside {@link #with}; each is the component of that name. */
  public static final class Changes {
    public boolean bm25f;
    public float bm25K1;
    public float tierBoost;
    public float summaryTierBoost;
    public float titleWordsWeight;
    public Proximity proximity;
    public float exactTitleBoost;
    public float exactHeadingBoost;
    public boolean typos;
    public Recency recency;
    public float feedbackWeight;
    public boolean splitCompounds;
    public Synonyms synonyms;
    public Map<String, List<String>> pins;
    public Map<String, List<String>> hides;

    private Changes(RankingSettings s) {
      bm25f = s.bm25f;
      bm25K1 = s.bm25K1;
      tierBoost = s.tierBoost;
      summaryTierBoost = s.summaryTierBoost;
      titleWordsWeight = s.titleWordsWeight;
      proximity = s.proximity;
      exactTitleBoost = s.exactTitleBoost;
      exactHeadingBoost = s.exactHeadingBoost;
      typos = s.typos;
      recency = s.recency;
      feedbackWeight = s.feedbackWeight;
      splitCompounds = s.splitCompounds;
      synonyms = s.synonyms;
      pins = s.pins;
      hides = s.hides;
    }

    private RankingSettings settings() {
      return new RankingSettings(
          bm25f,
          bm25K1,
          tierBoost,
          summaryTierBoost,
          titleWordsWeight,
          proximity,
          exactTitleBoost,
          exactHeadingBoost,
          typos,
          recency,
          feedbackWeight,
          splitCompounds,
          synonyms,
          pins,
          hides);
    }
  }
}
