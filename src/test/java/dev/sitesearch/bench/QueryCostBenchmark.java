package dev.sitesearch.bench;

import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.search.InvalidRequestException;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SortOrder;
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
 * What the most expensive requests a client may send cost, one thread, on the bench corpus: many
 * prefixes, deep pages under each sort, the longest plain queries; beside an ordinary query. Each
 * form runs {@value #RUNS} times after a warm-up ({@code -Dbench.forms=REGEX} picks some); the
 * median and the slowest are printed with the answer's total and whether it was cut short by the
 * search time limit. These figures chose the prefix caps, the search time limit and the deepest
 * page of each sort (docs/robustness.md).
 */
@Tag("benchmark")
class QueryCostBenchmark {
  private static final int RUNS = 7;

  /**
   * {@code -Dbench.timeLimitMs}: the search time limit (default: the shipped one); a large one
   * shows what the forms would cost without it.
   */
  private static final Duration TIME_LIMIT =
      Duration.ofMillis(
          Long.getLong("bench.timeLimitMs", ServerLimits.DEFAULT_SEARCH_TIMEOUT.toMillis()));

  /** {@code -Dbench.forms=REGEX}: only the forms whose names match. */
  private static final String ONLY = System.getProperty("bench.forms", ".*");

  @Test
  void the_costliest_requests_on_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    Path index = Path.of(System.getProperty("bench.index", tmp.resolve("index").toString()));
    TestAssembly.index(corpus, index);
    var limits = ServerLimits.defaults().withSearchTimeout(TIME_LIMIT);
    var config = Seed.config().withServer(ServerSettings.DEFAULTS.withLimits(limits));
    BenchCorpus.print("query cost: search time limit %d ms", TIME_LIMIT.toMillis());
    try (var search = OpenedIndex.of(config, index, Clock.systemUTC())) {
      for (var form : forms().entrySet()) {
        if (!form.getKey().matches(ONLY)) continue;
        SearchRequest request = form.getValue();
        try {
          search.search(request); // warm-up: rewrites, caches, JIT
        } catch (InvalidRequestException e) {
          BenchCorpus.print("query cost %-34s refused: %s", form.getKey(), e.getMessage());
          continue; // a client gets a 400 for it, at no cost
        }
        long[] nanos = new long[RUNS];
        SearchResponse last = null;
        for (int i = 0; i < RUNS; i++) {
          long t = System.nanoTime();
          last = search.search(request);
          nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        BenchCorpus.print(
            "query cost %-34s median %7.1f ms, max %7.1f ms; total %d%s",
            form.getKey(),
            nanos[RUNS / 2] / 1e6,
            nanos[RUNS - 1] / 1e6,
            last.total(),
            last.partial() ? " (partial)" : "");
      }
    }
  }

  private static Map<String, SearchRequest> forms() {
    var forms = new LinkedHashMap<String, SearchRequest>();
    forms.put("ordinary: 'heart failure'", request("heart failure", SortOrder.RELEVANCE, 1, 10));
    forms.put(
        "128 two-letter prefixes, size 100", request(prefixes(2), SortOrder.RELEVANCE, 1, 100));
    forms.put(
        "128 three-letter prefixes, size 100", request(prefixes(3), SortOrder.RELEVANCE, 1, 100));
    forms.put(
        "8 three-letter prefixes", request(firstWords(prefixes(3), 8), SortOrder.RELEVANCE, 1, 10));
    forms.put(
        "8 common prefixes, size 100",
        request("con* pro* pre* com* dis* int* res* tre*", SortOrder.RELEVANCE, 1, 100));
    forms.put("1 common prefix 'car*'", request("car*", SortOrder.RELEVANCE, 1, 10));
    forms.put("128 common words, size 100", request(commonWords(), SortOrder.RELEVANCE, 1, 100));
    for (int page : new int[] {1, 10, 100}) {
      forms.put(
          "broad 'patients study', page " + page + " x 100",
          request("patients study", SortOrder.RELEVANCE, page, 100));
    }
    for (SortOrder sort : SortOrder.values()) {
      String name = sort.name().toLowerCase();
      forms.put("browse, sort " + name + ", page 1", request("", sort, 1, 10));
      forms.put("browse, sort " + name + ", page 10 x 100", request("", sort, 10, 100));
      forms.put("browse, sort " + name + ", page 20 x 100", request("", sort, 20, 100));
      forms.put("browse, sort " + name + ", page 50 x 100", request("", sort, 50, 100));
      forms.put("browse, sort " + name + ", page 100 x 100", request("", sort, 100, 100));
      forms.put("'care', sort " + name + ", page 100 x 100", request("care", sort, 100, 100));
      forms.put("'care', sort " + name + ", page 10 x 100", request("care", sort, 10, 100));
    }
    return forms;
  }

  private static SearchRequest request(String q, SortOrder sort, int page, int size) {
    return new SearchRequest(q, Map.of(), null, null, sort, page, size, null, 10);
  }

  /** 128 prefixes of {@code letters} letters, as an attacker would write them: aa* ae* ai* … */
  private static String prefixes(int letters) {
    var out = new ArrayList<String>();
    String vowels = "aeiou";
    String consonants = "bcdlmnprst";
    for (char a = 'a'; a <= 'z' && out.size() < 128; a++) {
      for (char v : vowels.toCharArray()) {
        if (out.size() == 128) break;
        String p = "" + a + v;
        if (letters == 3) p += consonants.charAt(out.size() % consonants.length());
        out.add(p + "*");
      }
    }
    return String.join(" ", out);
  }

  private static String firstWords(String text, int n) {
    return String.join(" ", Arrays.asList(text.split(" ")).subList(0, n));
  }

  private static String commonWords() {
    List<String> words =
        List.of(
            "care",
            "health",
            "patient",
            "patients",
            "medical",
            "hospital",
            "treatment",
            "study",
            "clinical",
            "data",
            "new",
            "risk",
            "disease",
            "people",
            "use",
            "time");
    var out = new ArrayList<String>();
    for (int i = 0; i < 128; i++) out.add(words.get(i % words.size()));
    return String.join(" ", out);
  }
}
