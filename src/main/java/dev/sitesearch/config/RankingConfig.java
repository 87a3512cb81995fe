package dev.sitesearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code ranking:} section of {@code sitesearch.yml}.
 *
 * @param synonymsFile        a Solr-format synonyms file, or null for the bundled health-care list
 * @param synonymsOff         true when {@code synonyms: none}
 * @param recencyHalfLifeDays age at which the recency bonus halves; 0 turns it off
 * @param typos               typo tolerance on (default) or off
 * @param pins                query (as written; case, accents and punctuation do not matter) to the ids shown
 *                            first for it, in order
 * @param hides               query to the ids never shown for it
 */
public record RankingConfig(Path synonymsFile, boolean synonymsOff, double recencyHalfLifeDays, boolean typos,
    Map<String, List<String>> pins, Map<String, List<String>> hides) {

  public static final double DEFAULT_RECENCY_HALF_LIFE_DAYS = 730;

  public RankingConfig {
    pins = Map.copyOf(pins);
    hides = Map.copyOf(hides);
    if (recencyHalfLifeDays < 0) throw new IllegalArgumentException("recencyHalfLifeDays must not be negative");
  }

  public static RankingConfig defaults() {
    return new RankingConfig(null, false, DEFAULT_RECENCY_HALF_LIFE_DAYS, true, Map.of(), Map.of());
  }
}
