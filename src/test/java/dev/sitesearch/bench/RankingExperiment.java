package dev.sitesearch.bench;

import dev.sitesearch.bench.RelevanceBenchmark.Collections;
import dev.sitesearch.bench.RelevanceBenchmark.Metrics;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.OpenedIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ranking variants on all four shared collections at once, each against Lucene's default BM25 in
 * the same run, with the paired difference per query, its standard error and the count of queries
 * better and worse: the tool for deciding a default honestly. {@code -Dbench.knob=NAME} picks a
 * group of variants (see {@link #knobs}); with {@code -Dbench.loco=true} each variant's value is
 * also chosen leave-one-collection-out: picked on three collections by mean relative nDCG@10 gain,
 * reported on the fourth.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=RankingExperiment -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.knob=feedback -Dbench.loco=true
 * </pre>
 */
@Tag("benchmark")
class RankingExperiment {
  static final List<String> COLLECTIONS = List.of("med", "cisi", "cacm", "adi");

  /** A prepared collection: its queries, judgments, our index and the baseline's scores. */
  record Prepared(
      String name,
      Map<String, String> queries,
      Map<String, Map<String, Integer>> qrels,
      Path index,
      Map<String, Metrics> baseline) {}

  /** Named groups of variants; each changes the shipped defaults. */
  static Map<String, Map<String, SitesearchConfig>> knobs() {
    var d = RankingSettings.DEFAULTS;
    var knobs = new LinkedHashMap<String, Map<String, SitesearchConfig>>();
    knobs.put("defaults", ranking(Map.of("shipped defaults", d)));
    knobs.put(
        "features",
        ranking(
            Map.of(
                "shipped defaults", d,
                "words only", RankingSettings.WORDS_ONLY,
                "no tiers", d.with(s -> s.tierBoost = 0),
                "no summary tier", d.with(s -> s.summaryTierBoost = 0),
                "no title words", d.with(s -> s.titleWordsWeight = 0),
                "no proximity", d.with(s -> s.proximity = RankingSettings.Proximity.OFF),
                "no feedback", d.with(s -> s.feedbackWeight = 0),
                "no typos", d.with(s -> s.typos = false))));
    var weights = new LinkedHashMap<String, SitesearchConfig>();
    for (String w : List.of("3,2,1", "2,1,1", "1,1,1", "1.5,1,1"))
      weights.put("weights " + w, weights(w));
    knobs.put("weights", weights);
    var phrase = d.with(s -> s.splitCompounds = false);
    var compounds =
        new LinkedHashMap<String, SitesearchConfig>(ranking(Map.of("shipped defaults", d)));
    compounds.put("compounds as phrases", SitesearchConfig.defaults().withRanking(phrase));
    compounds.put("compounds as phrases 2,1,1", weights("2,1,1").withRanking(phrase));
    knobs.put("compounds", compounds);
    knobs.put(
        "feedback",
        variants(
            "feedback",
            List.of(0f, 0.2f, 0.3f, 0.5f, 0.7f),
            w -> d.with(s -> s.feedbackWeight = w)));
    knobs.put(
        "tiers", variants("tier boost", List.of(0f, 10f, 100f), b -> d.with(s -> s.tierBoost = b)));
    knobs.put(
        "k1", variants("k1", List.of(1.2f, 1.5f, 2.0f, 2.5f), k -> d.with(s -> s.bm25K1 = k)));
    return knobs;
  }

  private static Map<String, SitesearchConfig> ranking(Map<String, RankingSettings> settings) {
    var out = new LinkedHashMap<String, SitesearchConfig>();
    new TreeMap<>(settings)
        .forEach((k, v) -> out.put(k, SitesearchConfig.defaults().withRanking(v)));
    return out;
  }

  /** Field weights title,description,body. */
  static SitesearchConfig weights(String csv) {
    String[] w = csv.split(",");
    var text = new LinkedHashMap<String, Float>();
    text.put("title", Float.parseFloat(w[0]));
    text.put("description", Float.parseFloat(w[1]));
    text.put("body", Float.parseFloat(w[2]));
    var f = FieldSettings.DEFAULTS;
    return SitesearchConfig.defaults()
        .withFields(
            new FieldSettings(text, f.facets(), f.dates(), f.stored(), f.stemmer(), f.labels()));
  }

  private static <T> Map<String, SitesearchConfig> variants(
      String label, List<T> values, Function<T, RankingSettings> make) {
    var out = new LinkedHashMap<String, SitesearchConfig>();
    for (T v : values)
      out.put(label + " " + v, SitesearchConfig.defaults().withRanking(make.apply(v)));
    return out;
  }

  @Test
  void compare_variants_on_every_collection() throws Exception {
    String spec = System.getProperty("bench.variants", "");
    String knob = System.getProperty("bench.knob", "defaults");
    Map<String, SitesearchConfig> variants =
        spec.isBlank() ? knobs().get(knob) : VariantSpec.parse(spec);
    if (variants == null)
      throw new IllegalArgumentException("no knob " + knob + "; " + knobs().keySet());
    var prepared = new ArrayList<Prepared>();
    for (String name : COLLECTIONS) prepared.add(prepare(name));
    // variant -> collection -> per-query metrics
    var results = new LinkedHashMap<String, Map<String, Map<String, Metrics>>>();
    for (var v : variants.entrySet()) {
      var byCollection = new LinkedHashMap<String, Map<String, Metrics>>();
      for (Prepared p : prepared) {
        try (var search = OpenedIndex.of(v.getValue(), p.index(), Clock.systemUTC())) {
          byCollection.put(
              p.name(), Metrics.perQuery(RelevanceBenchmark.run(search, p.queries()), p.qrels()));
        }
      }
      results.put(v.getKey(), byCollection);
    }
    for (Prepared p : prepared) {
      BenchCorpus.print(
          "%-5s Lucene default BM25: %s (%d queries)",
          p.name(), Metrics.mean(p.baseline()), p.baseline().size());
    }
    for (var r : results.entrySet()) {
      for (Prepared p : prepared) {
        BenchCorpus.print(
            "%-5s %-28s %s",
            p.name(), r.getKey(), compare(r.getValue().get(p.name()), p.baseline()));
      }
    }
    if (Boolean.getBoolean("bench.loco")) loco(results, prepared);
    if (Boolean.getBoolean("bench.dump")) dump(results, prepared);
  }

  /**
   * Per-query nDCG@10 and AP of every variant and of the baseline, one line per collection and
   * query, under {@code target/relevance/experiments}: for studying wins and losses.
   */
  private static void dump(
      Map<String, Map<String, Map<String, Metrics>>> results, List<Prepared> prepared)
      throws java.io.IOException {
    Path dir = Path.of("target", "relevance", "experiments");
    java.nio.file.Files.createDirectories(dir);
    var base = new ArrayList<String>();
    for (Prepared p : prepared)
      p.baseline()
          .forEach(
              (q, m) -> base.add("%s\t%s\t%.4f\t%.4f".formatted(p.name(), q, m.ndcg10(), m.map())));
    java.nio.file.Files.write(dir.resolve("baseline.tsv"), base);
    for (var r : results.entrySet()) {
      var lines = new ArrayList<String>();
      r.getValue()
          .forEach(
              (c, perQuery) ->
                  perQuery.forEach(
                      (q, m) ->
                          lines.add("%s\t%s\t%.4f\t%.4f".formatted(c, q, m.ndcg10(), m.map()))));
      java.nio.file.Files.write(
          dir.resolve(r.getKey().replaceAll("[^A-Za-z0-9.=,_-]+", "_") + ".tsv"), lines);
    }
  }

  /** Leave one collection out: the value best on the other three, reported on the one left out. */
  private static void loco(
      Map<String, Map<String, Map<String, Metrics>>> results, List<Prepared> prepared) {
    for (Prepared heldOut : prepared) {
      String best = null;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (var r : results.entrySet()) {
        double gain = 0;
        for (Prepared p : prepared) {
          if (p == heldOut) continue;
          gain += gain(r.getValue().get(p.name()), p.baseline());
        }
        if (gain > bestGain) {
          bestGain = gain;
          best = r.getKey();
        }
      }
      BenchCorpus.print(
          "LOCO %-5s picked on the others: %-24s -> on %s: %s",
          heldOut.name(),
          best,
          heldOut.name(),
          compare(results.get(best).get(heldOut.name()), heldOut.baseline()));
    }
  }

  private static double gain(Map<String, Metrics> ours, Map<String, Metrics> base) {
    return Metrics.mean(ours).ndcg10() / Metrics.mean(base).ndcg10() - 1;
  }

  /** nDCG@10 (ratio to the baseline, paired difference ± standard error, better/worse) and MAP. */
  static String compare(Map<String, Metrics> ours, Map<String, Metrics> base) {
    double[] diffs =
        base.keySet().stream()
            .mapToDouble(q -> ours.get(q).ndcg10() - base.get(q).ndcg10())
            .toArray();
    double mean = java.util.Arrays.stream(diffs).average().orElse(0);
    double var =
        java.util.Arrays.stream(diffs).map(x -> (x - mean) * (x - mean)).sum()
            / Math.max(1, diffs.length - 1);
    double se = Math.sqrt(var / Math.max(1, diffs.length));
    long better = java.util.Arrays.stream(diffs).filter(x -> x > 0.01).count();
    long worse = java.util.Arrays.stream(diffs).filter(x -> x < -0.01).count();
    Metrics o = Metrics.mean(ours);
    Metrics b = Metrics.mean(base);
    return "nDCG@10 %.4f (%.3fx, %+.4f ± %.4f, %d/%d)  MAP %.4f (%.3fx)"
        .formatted(
            o.ndcg10(),
            o.ndcg10() / b.ndcg10(),
            mean,
            se,
            better,
            worse,
            o.map(),
            o.map() / b.map());
  }

  static Prepared prepare(String name) throws Exception {
    Path collection = RelevanceBenchmark.relevanceDir().resolve(name);
    Path work =
        Path.of(System.getProperty("bench.work", "target/relevance"), name).toAbsolutePath();
    Path content = RelevanceBenchmark.converted(collection, work);
    Path index = work.resolve("index");
    var clock = Clock.systemUTC();
    new Indexer(
            content, index, Schema.defaults(), new PageReader(5_000_000, false, clock), 2, clock)
        .run(true, Indexer.Progress.NONE);
    var queries = Collections.queries(collection.resolve("queries.tsv"));
    var qrels = Collections.qrels(collection.resolve("qrels.txt"));
    var baseline =
        Metrics.perQuery(
            LuceneDefaultBm25.run(
                collection.resolve("docs.jsonl"), queries, work.resolve("baseline-index")),
            qrels);
    return new Prepared(name, queries, qrels, index, baseline);
  }
}
