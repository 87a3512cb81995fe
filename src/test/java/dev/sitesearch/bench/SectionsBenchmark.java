package dev.sitesearch.bench;

import dev.sitesearch.search.Excerpts;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SortOrder;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What heading results cost. The bench corpus has no headings, so a copy is made with one before
 * every second paragraph ({@code ##}/{@code ###} and the paragraph's first words: about five per
 * page); both are indexed (time and size), and the query mix's relevance queries run on both with
 * sections off ({@code sections=0}), on (the default, three), and with {@code snippets=3}. Each
 * query runs every variant in turn, in a rotating order, so a drifting machine weighs on all of
 * them alike. {@code -Dbench.sectionQueries=N} (default 1,000) sets how many queries.
 */
@Tag("benchmark")
class SectionsBenchmark {
  private static final int QUERIES = Integer.getInteger("bench.sectionQueries", 1000);

  @Test
  void what_sections_cost_on_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    Path headed = tmp.resolve("headed");
    int headings = withHeadings(corpus, headed);
    Path plainIndex = tmp.resolve("plain-index");
    Path headedIndex = tmp.resolve("headed-index");
    long t = System.nanoTime();
    var plain = TestAssembly.index(corpus, plainIndex);
    long plainNanos = System.nanoTime() - t;
    t = System.nanoTime();
    var withHeadings = TestAssembly.index(headed, headedIndex);
    long headedNanos = System.nanoTime() - t;
    BenchCorpus.print(
        "sections: %d headings added; index without headings %.1f MB in %.1f s (%s), with %.1f MB"
            + " in %.1f s (%s)",
        headings,
        BenchCorpus.sizeOf(plainIndex) / 1e6,
        plainNanos / 1e9,
        plain.added() + " pages",
        BenchCorpus.sizeOf(headedIndex) / 1e6,
        headedNanos / 1e9,
        withHeadings.added() + " pages");

    List<SearchRequest> requests = new ArrayList<>();
    for (SearchRequest r : QueryMix.load(BenchCorpus.queries()).requests()) {
      if (r.sort() == SortOrder.RELEVANCE && !r.q().isBlank()) requests.add(r);
      if (requests.size() == QUERIES) break;
    }
    var variants = new LinkedHashMap<String, Variant>();
    try (var plainSearch = OpenedIndex.of(plainIndex);
        var headedSearch = OpenedIndex.of(headedIndex)) {
      variants.put("no headings, sections=0", new Variant(plainSearch, new Excerpts(1, 0)));
      variants.put("no headings, default", new Variant(plainSearch, Excerpts.DEFAULT));
      variants.put("headings, sections=0", new Variant(headedSearch, new Excerpts(1, 0)));
      variants.put("headings, default (3 sections)", new Variant(headedSearch, Excerpts.DEFAULT));
      variants.put("headings, snippets=3", new Variant(headedSearch, new Excerpts(3, 3)));
      List<Variant> order = new ArrayList<>(variants.values());
      for (SearchRequest r : requests.subList(0, Math.min(200, requests.size()))) {
        for (Variant v : order) v.run(r, false); // warm-up
      }
      for (int q = 0; q < requests.size(); q++) {
        for (int k = 0; k < order.size(); k++) {
          order.get((q + k) % order.size()).run(requests.get(q), true);
        }
      }
    }
    variants.forEach(
        (name, v) -> {
          long[] n = v.nanos();
          Arrays.sort(n);
          double mean = Arrays.stream(n).average().orElse(0) / 1e6;
          BenchCorpus.print(
              "sections: %-32s mean %6.2f ms, median %6.2f ms, p95 %6.2f ms; hits with sections"
                  + " %d%%, sections per hit %.2f",
              name,
              mean,
              n[n.length / 2] / 1e6,
              n[(int) (n.length * 0.95)] / 1e6,
              v.hits == 0 ? 0 : 100 * v.hitsWithSections / v.hits,
              v.hits == 0 ? 0.0 : (double) v.sections / v.hits);
        });
  }

  /** One way of asking, with its timings and what it showed. */
  private static final class Variant {
    final OpenedIndex search;
    final Excerpts excerpts;
    final List<Long> times = new ArrayList<>();
    long hits;
    long hitsWithSections;
    long sections;

    Variant(OpenedIndex search, Excerpts excerpts) {
      this.search = search;
      this.excerpts = excerpts;
    }

    void run(SearchRequest request, boolean measured) throws IOException {
      SearchRequest r = request.withExcerpts(excerpts);
      long t = System.nanoTime();
      SearchResponse response = search.search(r);
      long n = System.nanoTime() - t;
      if (!measured) return;
      times.add(n);
      for (SearchResponse.Hit hit : response.hits()) {
        hits++;
        if (!hit.sections().isEmpty()) hitsWithSections++;
        sections += hit.sections().size();
      }
    }

    long[] nanos() {
      return times.stream().mapToLong(Long::longValue).toArray();
    }
  }

  /**
   * Copies the corpus with a heading before every second paragraph of each body; answers how many
   * headings it wrote.
   */
  private static int withHeadings(Path from, Path to) throws IOException {
    int headings = 0;
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
          continue;
        }
        String text = Files.readString(source);
        int bodyStart = text.indexOf("\n---\n", 4);
        if (!source.toString().endsWith(".md") || bodyStart < 0) {
          Files.copy(source, target);
          continue;
        }
        bodyStart += 5;
        String[] paragraphs = text.substring(bodyStart).split("\n\n");
        var out = new StringBuilder(text.length() + 256).append(text, 0, bodyStart);
        for (int i = 0; i < paragraphs.length; i++) {
          if (i % 2 == 1 && !paragraphs[i].isBlank()) {
            out.append(i % 4 == 1 ? "## " : "### ").append(heading(paragraphs[i])).append("\n\n");
            headings++;
          }
          out.append(paragraphs[i]).append("\n\n");
        }
        Files.writeString(target, out);
      }
    }
    return headings;
  }

  /** A paragraph's first four words, without punctuation, as its heading. */
  private static String heading(String paragraph) {
    String[] words = paragraph.strip().split("\\s+", 5);
    return String.join(" ", Arrays.copyOf(words, Math.min(4, words.length)))
        .replaceAll("[^\\p{L}\\p{N} -]", "");
  }
}
