package dev.sitesearch.bench;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A query line may name its language first: {@code fr: échantillonnage}.
 */
@Tag("benchmark")
class SiteQueriesSurvey {
  private static final int TOP = 3;

  @Test
  void survey(@TempDir Path tmp) throws Exception {
    Path site = Path.of(System.getProperty("bench.site", "content"));
    List<String> queries =
        Files.readAllLines(Path.of(System.getProperty("bench.queries", "queries.txt"))).stream()
            .map(String::strip)
            .filter(q -> !q.isEmpty())
            .toList();
    String lang = System.getProperty("bench.lang", "");
    Path index = tmp.resolve("index");
    TestAssembly.index(site, index);
    var variants = new LinkedHashMap<String, RankingSettings>();
    variants.put("shipped", RankingSettings.DEFAULTS);
    variants.put(
        "recency off", RankingSettings.DEFAULTS.with(s -> s.recency = RankingSettings.Recency.OFF));
    for (Map.Entry<String, RankingSettings> variant : variants.entrySet()) {
      BenchCorpus.print("== %s on %s", variant.getKey(), site);
      try (var search = OpenedIndex.of(index, variant.getValue())) {
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
          for (Hit hit : search.search(request).hits()) {
            BenchCorpus.print(
                "      %-60s %s %s %.3f",
                hit.url(), hit.lang(), hit.date() == null ? "-" : hit.date(), hit.score());
          }
        }
      }
    }
  }
}
