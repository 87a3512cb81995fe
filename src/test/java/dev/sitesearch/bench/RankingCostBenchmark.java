package dev.sitesearch.bench;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.RankingSettings.Proximity;
import dev.sitesearch.config.RankingSettings.Recency;
import dev.sitesearch.config.RankingSettings.Synonyms;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each ranking feature costs in query time: the shared query mix on the bench corpus, one
 * thread, with the shipped defaults and with each feature turned off in turn, p50 and p99 side by
 * side. Every variant is measured in three interleaved rounds over one index and searcher and the
 * best round is kept, so a burst of noise on a shared machine does not land on one variant.
 */
@Tag("benchmark")
class RankingCostBenchmark {
  private static final int ROUNDS = 3;

  @Test
  void each_ranking_feature_on_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    List<SearchRequest> all = QueryMix.load(BenchCorpus.queries()).requests();
    List<SearchRequest> requests =
        all.subList(0, Math.min(all.size(), Integer.getInteger("bench.queryCount", 2000)));
    Path index = Path.of(System.getProperty("bench.index", tmp.resolve("index").toString()));
    TestAssembly.index(corpus, index);

    var d = RankingSettings.DEFAULTS;
    var variants = new LinkedHashMap<String, RankingSettings>();
    variants.put("shipped defaults", d);
    variants.put("without tiers", d.with(s -> s.tierBoost = 0));
    variants.put("without summary tier", d.with(s -> s.summaryTierBoost = 0));
    variants.put("without title words", d.with(s -> s.titleWordsWeight = 0));
    variants.put("without proximity", d.with(s -> s.proximity = Proximity.OFF));
    variants.put("without exact title", d.with(s -> s.exactTitleBoost = 0));
    variants.put("without typo tolerance", d.with(s -> s.typos = false));
    variants.put("without recency", d.with(s -> s.recency = Recency.OFF));
    variants.put("without feedback", d.with(s -> s.feedbackWeight = 0));
    variants.put("without synonyms", d.with(s -> s.synonyms = Synonyms.NONE));
    variants.put("compounds as phrases", d.with(s -> s.splitCompounds = false));
    variants.put("best-field BM25 instead of BM25F", d.with(s -> s.bm25f = false));
    variants.put(
        "words only (all of the above off)",
        RankingSettings.WORDS_ONLY.with(s -> s.splitCompounds = false));

    var best = new LinkedHashMap<String, long[]>();
    for (int round = 0; round < ROUNDS; round++) {
      for (var v : variants.entrySet()) {
        try (var service = OpenedIndex.of(index, v.getValue())) {
          for (int i = 0; i < Math.min(1000, requests.size()); i++)
            service.search(requests.get(i)); // warm up
          long[] nanos = latencies(service, requests);
          best.merge(v.getKey(), nanos, (a, b) -> pct(a, 50) <= pct(b, 50) ? a : b);
        }
      }
    }
    long[] base = best.get("shipped defaults");
    BenchCorpus.print(
        "ranking cost, %d queries of the shared mix, 1 thread, best of %d rounds:",
        requests.size(), ROUNDS);
    for (var e : best.entrySet()) {
      long[] n = e.getValue();
      BenchCorpus.print(
          "  %-36s p50 %6.2f ms (%+6.2f)  p99 %6.2f ms (%+6.2f)",
          e.getKey(),
          pct(n, 50),
          pct(n, 50) - pct(base, 50),
          pct(n, 99),
          pct(n, 99) - pct(base, 99));
    }
  }

  private static long[] latencies(OpenedIndex service, List<SearchRequest> requests)
      throws Exception {
    long[] nanos = new long[requests.size()];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      service.search(requests.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double pct(long[] sortedNanos, int p) {
    return sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
  }
}
