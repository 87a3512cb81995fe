package dev.sitesearch.search;

import dev.sitesearch.config.ConfigException;
import dev.sitesearch.config.RankingConfig;
import java.io.IOException;
import java.text.ParseException;

/**
 * What shapes ranking beyond the index: the ranking settings, the synonyms and the editors' pins and hides.
 *
 * @param settings  scoring features and their weights
 * @param synonyms  query-time synonyms
 * @param curation  pins and hides per query
 */
public record SearchTuning(RankingSettings settings, SynonymExpander synonyms, Curation curation) {
  public static final SearchTuning DEFAULTS =
      new SearchTuning(RankingSettings.DEFAULTS, SynonymExpander.bundled(), Curation.NONE);

  /** The tuning a config asks for; a synonyms file that does not parse is a configuration error. */
  public static SearchTuning from(RankingConfig config) {
    RankingSettings settings = RankingSettings.DEFAULTS.withTypos(config.typos())
        .withRecency(config.recencyHalfLifeDays(), RankingSettings.DEFAULTS.recencyWeight());
    SynonymExpander synonyms;
    if (config.synonymsOff()) {
      synonyms = SynonymExpander.NONE;
    } else if (config.synonymsFile() == null) {
      synonyms = SynonymExpander.bundled();
    } else {
      try {
        synonyms = SynonymExpander.fromFile(config.synonymsFile());
      } catch (IOException | ParseException | IllegalArgumentException e) {
        throw new ConfigException(config.synonymsFile() + ": ranking.synonyms: cannot read the synonyms: "
            + e.getMessage(), e);
      }
    }
    return new SearchTuning(settings, synonyms, new Curation(config.pins(), config.hides()));
  }

  /** The shipped defaults with other ranking settings (benchmarks, tests). */
  public static SearchTuning of(RankingSettings settings) {
    return new SearchTuning(settings, DEFAULTS.synonyms(), Curation.NONE);
  }
}
