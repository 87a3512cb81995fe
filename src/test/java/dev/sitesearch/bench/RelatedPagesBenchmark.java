package dev.sitesearch.bench;

import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.RelatedRequest;
import dev.sitesearch.search.RelatedRequest.PageKey;
import dev.sitesearch.search.RelatedResponse;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one related-pages request costs on the bench corpus, one thread: 400 pages ({@code
 * -Dbench.pages}) spread over the corpus (every n-th file), each asked for its 5 related pages,
 * unfiltered and within one facet value, after a warm-up round; an ordinary search is timed beside
 * them for scale. Prints the median, 90th and 99th percentile and the slowest, and how many answers
 * were cut short by the search time limit ({@code -Dbench.timeLimitMs}, default the shipped one).
 */
@Tag("benchmark")
class RelatedPagesBenchmark {
  private static final int PAGES = Integer.getInteger("bench.pages", 400);

  private static final Duration TIME_LIMIT =
      Duration.ofMillis(
          Long.getLong("bench.timeLimitMs", ServerLimits.DEFAULT_SEARCH_TIMEOUT.toMillis()));

  @Test
  void related_pages_cost_on_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    Path index = Path.of(System.getProperty("bench.index", tmp.resolve("index").toString()));
    long t0 = System.nanoTime();
    TestAssembly.index(corpus, index);
    BenchCorpus.print("related: indexed in %.1f s", (System.nanoTime() - t0) / 1e9);
    var limits = ServerLimits.defaults().withSearchTimeout(TIME_LIMIT);
    var config = Seed.config().withServer(ServerSettings.DEFAULTS.withLimits(limits));
    List<String> ids = sampleIds(corpus);
    BenchCorpus.print(
        "related: %d pages, search time limit %d ms", ids.size(), TIME_LIMIT.toMillis());
    try (var search = OpenedIndex.of(config, index, Clock.systemUTC())) {
      var unfiltered = new ArrayList<RelatedRequest>();
      var filtered = new ArrayList<RelatedRequest>();
      for (String id : ids) {
        unfiltered.add(new RelatedRequest(new PageKey.Id(id), Map.of(), null, null, 5));
        filtered.add(
            new RelatedRequest(
                new PageKey.Id(id), Map.of("searchCategory", List.of("Article")), null, null, 5));
      }
      for (RelatedRequest r : unfiltered) search.service().related(r); // warm-up: JIT, caches
      measure(search, "5 related pages", unfiltered);
      measure(search, "5 related, f.searchCategory=Article", filtered);
      long[] nanos = new long[ids.size()];
      var ordinary = SearchRequest.of("heart failure");
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        search.search(ordinary);
        nanos[i] = System.nanoTime() - t;
      }
      report("search 'heart failure' (scale)", nanos, 0);
    }
  }

  private static void measure(OpenedIndex search, String name, List<RelatedRequest> requests)
      throws IOException {
    long[] nanos = new long[requests.size()];
    int partial = 0;
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      RelatedResponse answer = search.service().related(requests.get(i)).orElseThrow();
      nanos[i] = System.nanoTime() - t;
      if (answer.partial()) partial++;
    }
    report(name, nanos, partial);
  }

  private static void report(String name, long[] nanos, int partial) {
    Arrays.sort(nanos);
    BenchCorpus.print(
        "related %-38s median %6.1f ms, p90 %6.1f ms, p99 %6.1f ms, max %6.1f ms; partial %d",
        name,
        nanos[nanos.length / 2] / 1e6,
        nanos[nanos.length * 9 / 10] / 1e6,
        nanos[nanos.length * 99 / 100] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        partial);
  }

  /** The ids of every n-th page file, so the sample spreads over sections, years and lengths. */
  private static List<String> sampleIds(Path corpus) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    var ids = new ArrayList<String>();
    int step = Math.max(1, files.size() / PAGES);
    for (int i = 0; i < files.size() && ids.size() < PAGES; i += step) {
      try (Stream<String> lines = Files.lines(files.get(i))) {
        lines
            .limit(5)
            .filter(l -> l.startsWith("id: "))
            .findFirst()
            .ifPresent(l -> ids.add(l.substring(4).strip()));
      }
    }
    return ids;
  }
}
