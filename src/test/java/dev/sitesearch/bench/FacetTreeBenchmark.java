package dev.sitesearch.bench;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.ValueQuery;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What topic trees cost per query, one thread, on the bench corpus indexed twice: {@code
 * communityTopics} flat (the default) and as a tree ({@code hierarchies: {communityTopics: ": "}},
 * each "Source: Topic" value also counting for its source). Three loads on each: the query mix as
 * generated (about 10% filtered), the same mix with a topic ticked on every query (so every search
 * also counts its results for {@code ifAdded}), and the value finder's typo search. Time limit off,
 * so no search is cut short.
 */
@Tag("benchmark")
class FacetTreeBenchmark {
  private static final String TOPICS = "communityTopics";

  @Test
  void topic_trees_on_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    QueryMix mix = QueryMix.load(BenchCorpus.queries());
    var d = Seed.FIELDS;
    var limits = ServerLimits.defaults().withSearchTimeout(Duration.ofHours(1));
    var base = Seed.config().withServer(ServerSettings.DEFAULTS.withLimits(limits));
    var variants = new LinkedHashMap<String, SitesearchConfig>();
    variants.put("flat", base);
    variants.put(
        "tree",
        base.withFields(
            new FieldSettings(
                d.text(),
                d.facets(),
                d.dates(),
                d.stored(),
                d.stemmer(),
                d.labels(),
                Map.of(TOPICS, ": "))));
    List<SearchRequest> ticked = new ArrayList<>();
    for (SearchRequest r : mix.requests()) {
      var filters = new LinkedHashMap<>(r.filters());
      filters.putIfAbsent(TOPICS, List.of("Medigy: Patient Acquisition"));
      ticked.add(r.withFilters(filters));
    }
    var opened = new LinkedHashMap<String, OpenedIndex>();
    try {
      for (var variant : variants.entrySet()) {
        Path index = tmp.resolve(variant.getKey());
        long t = System.nanoTime();
        var summary =
            TestAssembly.of(corpus, index)
                .withConfig(variant.getValue())
                .indexer(false)
                .run(false, Indexer.Progress.NONE);
        BenchCorpus.print(
            "facet tree %s: indexed %d pages in %.0f s, index %d MB",
            variant.getKey(),
            summary.documents(),
            (System.nanoTime() - t) / 1e9,
            BenchCorpus.sizeOf(index) / (1024 * 1024));
        opened.put(variant.getKey(), OpenedIndex.of(variant.getValue(), index, Clock.systemUTC()));
      }
      var both = List.copyOf(opened.values());
      for (var search : both)
        for (int i = 0; i < 1000; i++) search.search(mix.requests().get(i)); // warm-up
      // The variants take turns query by query, so the machine's drift weighs on both alike.
      compare("query mix", both, i -> mix.requests().get(i), mix.requests().size(), false);
      compare("mix + a topic ticked", both, ticked::get, ticked.size(), false);
      compare("value finder, typo", both, i -> mix.requests().get(i), 1000, true);
    } finally {
      for (var search : opened.values()) search.close();
    }
  }

  private interface Requests {
    SearchRequest get(int i);
  }

  private static void compare(
      String load, List<OpenedIndex> variants, Requests requests, int n, boolean finder)
      throws Exception {
    long[][] nanos = new long[variants.size()][n];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < variants.size(); v++) {
        long t = System.nanoTime();
        if (finder)
          variants
              .get(v)
              .service()
              .facetValues(
                  TOPICS,
                  new ValueQuery("", "pateint", ValueQuery.Order.COUNT, 0, 20),
                  requests.get(i));
        else variants.get(v).search(requests.get(i));
        nanos[v][i] = System.nanoTime() - t;
      }
    }
    String[] names = {"flat", "tree"};
    for (int v = 0; v < variants.size(); v++) {
      Arrays.sort(nanos[v]);
      report(names[v], load, nanos[v]);
    }
  }

  private static void report(String variant, String load, long[] sorted) {
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    BenchCorpus.print(
        "facet tree %-4s %-22s %5d queries: mean %6.2f ms, p50 %6.2f ms, p99 %6.2f ms",
        variant,
        load,
        sorted.length,
        mean,
        sorted[sorted.length / 2] / 1e6,
        sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1e6);
  }
}
