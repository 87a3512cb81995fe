package dev.sitesearch.bench;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real site's top 3 for a list of visitor queries (one a line, written before looking at any
 * result), as shipped and with recency off, so a person can judge whether a right page is among
 * them (docs/hugo.md, "Real sites: visitor queries"). Prints; asserts nothing.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=SiteQueriesSurvey -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.site=/tmp/sites/flux/content/en -Dbench.queries=/tmp/queries.txt [-Dbench.lang=fr]
 * </pre>
 *
 * A query line may name its language first: {@code fr: échantillonnage}. {@code
 * -Dbench.variants=...} ({@link VariantSpec}) searches other rankings on the same index instead of
 * "shipped" and "recency off". {@code -Dbench.judged=FILE}, lines of a query, a tab and the right
 * pages' URLs separated by spaces (judged once, by a person), marks each hit {@code +} (judged
 * right) or {@code ?} (not judged: look at it) and prints per variant how many queries have a right
 * page in the top 3, and the mean reciprocal rank of the first right page in the first {@value
 * #DEEP}; a query with no right page listed counts as a miss. fluxcd's and OpenTelemetry's queries
 * and right pages (docs/hugo.md) are in {@code src/test/resources/bench/visitor-queries/}.
 */
@Tag("benchmark")
class SiteQueriesSurvey {
  private static final int TOP = 3;

  /** How deep to look for a right page that missed the top 3. */
  private static final int DEEP = 50;

  @Test
  void survey(@TempDir Path tmp) throws Exception {
    Path site = Path.of(System.getProperty("bench.site", "content"));
    List<String> queries =
        Files.readAllLines(Path.of(System.getProperty("bench.queries", "queries.txt"))).stream()
            .map(String::strip)
            .filter(q -> !q.isEmpty())
            .toList();
    String lang = System.getProperty("bench.lang", "");
    Map<String, Set<String>> judged = judged(System.getProperty("bench.judged", ""));
    Path index = tmp.resolve("index");
    TestAssembly.index(site, index);
    var variants = new LinkedHashMap<String, SitesearchConfig>();
    String spec = System.getProperty("bench.variants", "");
    if (spec.isBlank()) {
      variants.put("shipped", Seed.config().withRanking(RankingSettings.DEFAULTS));
      variants.put(
          "recency off",
          Seed.config()
              .withRanking(
                  RankingSettings.DEFAULTS.with(s -> s.recency = RankingSettings.Recency.OFF)));
    } else {
      VariantSpec.parse(spec).forEach((name, config) -> variants.put(name, onSeed(config)));
    }
    var summary = new ArrayList<String>();
    for (Map.Entry<String, SitesearchConfig> variant : variants.entrySet()) {
      BenchCorpus.print("== %s on %s", variant.getKey(), site);
      int right = 0;
      double reciprocalRanks = 0;
      var missed = new ArrayList<String>();
      try (var search = OpenedIndex.of(variant.getValue(), index, Clock.systemUTC())) {
        for (String line : queries) {
          String q = line;
          String queryLang = lang.isEmpty() ? null : lang;
          int colon = line.indexOf(": ");
          if (colon > 0 && colon <= 5) {
            queryLang = line.substring(0, colon);
            q = line.substring(colon + 2);
          }
          var request = SearchRequest.of(q).withSize(TOP).withLang(queryLang);
          BenchCorpus.print("  %s", line);
          Set<String> good = judged.getOrDefault(line, Set.of());
          boolean found = false;
          for (Hit hit : search.search(request).hits()) {
            boolean isRight = good.contains(hit.url());
            found |= isRight;
            BenchCorpus.print(
                "    %s %-60s %s %s %.3f",
                judged.isEmpty() ? " " : isRight ? "+" : "?",
                hit.url(),
                hit.lang(),
                hit.date() == null ? "-" : hit.date(),
                hit.score());
          }
          if (found) right++;
          else missed.add(line);
          if (!good.isEmpty()) {
            List<Hit> deeper = search.search(request.withSize(DEEP)).hits();
            for (int i = 0; i < deeper.size(); i++) {
              if (good.contains(deeper.get(i).url())) {
                reciprocalRanks += 1.0 / (i + 1);
                if (!found) {
                  BenchCorpus.print(
                      "      first right page: %d. %s %.3f",
                      i + 1, deeper.get(i).url(), deeper.get(i).score());
                }
                break;
              }
            }
          }
        }
      }
      if (!judged.isEmpty()) {
        summary.add(
            "%-40s %d/%d  MRR %.3f  missed: %s"
                .formatted(
                    variant.getKey(),
                    right,
                    queries.size(),
                    reciprocalRanks / queries.size(),
                    String.join(" | ", missed)));
      }
    }
    summary.forEach(s -> BenchCorpus.print("JUDGED %s", s));
  }

  /** The seed settings the index was built with, but {@code config}'s ranking and field weights. */
  private static SitesearchConfig onSeed(SitesearchConfig config) {
    FieldSettings f = Seed.FIELDS;
    return Seed.config()
        .withRanking(config.ranking())
        .withFields(
            new FieldSettings(
                config.fields().text(),
                f.facets(),
                f.dates(),
                f.stored(),
                f.stemmer(),
                f.labels()));
  }

  /** Query to the right pages' URLs, from a file of "query TAB url url…" lines; empty if none. */
  private static Map<String, Set<String>> judged(String file) throws java.io.IOException {
    var out = new LinkedHashMap<String, Set<String>>();
    if (file.isBlank()) return out;
    for (String line : Files.readAllLines(Path.of(file))) {
      if (line.isBlank()) continue;
      String[] parts = line.split("\t", 2);
      String urls = parts.length > 1 ? parts[1].strip() : "";
      out.put(parts[0].strip(), urls.isEmpty() ? Set.of() : Set.of(urls.split("\\s+")));
    }
    return out;
  }
}
