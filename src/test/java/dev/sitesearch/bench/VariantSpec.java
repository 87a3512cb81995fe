package dev.sitesearch.bench;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.RankingSettings.Proximity;
import dev.sitesearch.config.RankingSettings.Recency;
import dev.sitesearch.config.SitesearchConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ranking variants written on the command line, so an experiment needs no new code: {@code
 * -Dbench.variants="no tiers:tiers=0|light feedback:feedback=0.3,weights=2/1/1"}. Each variant is a
 * label, a colon and {@code key=value} changes to the shipped defaults ({@code base=words} starts
 * from every feature off instead).
 */
final class VariantSpec {
  private VariantSpec() {}

  static Map<String, SitesearchConfig> parse(String spec) {
    var out = new LinkedHashMap<String, SitesearchConfig>();
    for (String variant : spec.split("\\|")) {
      if (variant.isBlank()) continue;
      int colon = variant.indexOf(':');
      String label = colon < 0 ? variant.strip() : variant.substring(0, colon).strip();
      String changes = colon < 0 ? "" : variant.substring(colon + 1);
      out.put(label, config(changes));
    }
    return out;
  }

  private static SitesearchConfig config(String changes) {
    RankingSettings ranking = RankingSettings.DEFAULTS;
    SitesearchConfig config = SitesearchConfig.defaults();
    for (String change : changes.split(",")) {
      if (change.isBlank()) continue;
      String[] kv = change.split("=", 2);
      String key = kv[0].strip();
      String value = kv[1].strip();
      if (key.equals("weights")) {
        config = RankingExperiment.weights(value.replace('/', ','));
        continue;
      }
      ranking = ranking.with(s -> set(s, key, value));
    }
    return config.withRanking(ranking);
  }

  private static void set(RankingSettings.Changes s, String key, String value) {
    switch (key) {
      case "base" -> {
        if (!value.equals("words")) throw new IllegalArgumentException("base=words only");
        RankingSettings w = RankingSettings.WORDS_ONLY;
        s.tierBoost = w.tierBoost();
        s.summaryTierBoost = w.summaryTierBoost();
        s.titleWordsWeight = w.titleWordsWeight();
        s.proximity = w.proximity();
        s.exactTitleBoost = w.exactTitleBoost();
        s.exactHeadingBoost = w.exactHeadingBoost();
        s.typos = w.typos();
        s.recency = w.recency();
        s.feedbackWeight = w.feedbackWeight();
        s.synonyms = w.synonyms();
      }
      case "k1" -> s.bm25K1 = Float.parseFloat(value);
      case "bm25f" -> s.bm25f = Boolean.parseBoolean(value);
      case "tiers" -> s.tierBoost = Float.parseFloat(value);
      case "summary" -> s.summaryTierBoost = Float.parseFloat(value);
      case "titlewords" -> s.titleWordsWeight = Float.parseFloat(value);
      case "prox" -> {
        String[] p = value.split("/");
        s.proximity = new Proximity(Float.parseFloat(p[0]), Integer.parseInt(p[1]));
      }
      case "title" -> s.exactTitleBoost = Float.parseFloat(value);
      case "heading" -> s.exactHeadingBoost = Float.parseFloat(value);
      case "typos" -> s.typos = Boolean.parseBoolean(value);
      case "recency" ->
          s.recency = value.equals("0") ? Recency.OFF : RankingSettings.DEFAULTS.recency();
      case "feedback" -> s.feedbackWeight = Float.parseFloat(value);
      case "split" -> s.splitCompounds = Boolean.parseBoolean(value);
      case "syn" ->
          s.synonyms =
              value.equals("none")
                  ? RankingSettings.Synonyms.NONE
                  : dev.sitesearch.testing.Seed.SYNONYMS; // the sample site's health-care list
      default -> throw new IllegalArgumentException("unknown variant key " + key);
    }
  }
}
