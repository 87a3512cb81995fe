package dev.sitesearch.testing;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.index.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the bundled sample site ({@code content/sitesearch.yml}), which the tests'
 * fixtures and the bench corpus share: its pages' facets and labels and its health-care synonyms.
 * The product's own defaults fit any Hugo site (tags and categories, no synonyms); the tests that
 * browse the seed-shaped fixtures by their topics and categories use these.
 */
public final class Seed {
  private Seed() {}

  /** The sample site's synonyms file, from the project folder the tests run in. */
  public static final Path SYNONYMS_FILE = Path.of("content", "synonyms.txt").toAbsolutePath();

  public static final RankingSettings.Synonyms SYNONYMS =
      RankingSettings.Synonyms.file(SYNONYMS_FILE);

  public static final FieldSettings FIELDS =
      FieldSettings.DEFAULTS
          .withFacets(
              List.of(
                  "communityTopics",
                  "searchCategory",
                  "tags",
                  "categories",
                  "type",
                  "source",
                  "author",
                  "link.brand"))
          .withLabels(labels());

  public static final RankingSettings RANKING =
      RankingSettings.DEFAULTS.with(s -> s.synonyms = SYNONYMS);

  public static SitesearchConfig config() {
    return SitesearchConfig.defaults().withFields(FIELDS).withRanking(RANKING);
  }

  public static Schema schema() {
    return Schema.from(config());
  }

  /** The sample site's config file's text (its URL rule aside), for tests that run the CLI. */
  public static String yaml() {
    return """
        fields:
          facets: [communityTopics, searchCategory, tags, categories, type, source, author, link.brand]
          labels: {communityTopics: Topics, searchCategory: Category, link.brand: Site}
        ranking:
          synonyms: %s
        """
        .formatted(SYNONYMS_FILE.toString());
  }

  private static Map<String, String> labels() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("communityTopics", "Topics");
    labels.put("searchCategory", "Category");
    labels.put("link.brand", "Site");
    return labels;
  }
}
