package dev.sitesearch.bench;

import dev.sitesearch.app.RunningServer;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchService;
import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.TestAssembly;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query figures on the bench corpus with the shared query mix: single-thread latency and 2-thread
 * throughput in process, beside plain Lucene (BM25 top 10 on the body plus highlighting, no facets)
 * measured in the same run; HTTP throughput at 16 and 64 clients; suggestion latency; time to the
 * first answer of a freshly launched server. Set {@code -Dbench.index=DIR} to reuse an index of the
 * corpus built by {@code sitesearch index}.
 */
@Tag("benchmark")
class SearchBenchmark {
  private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

  @Test
  void search_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    QueryMix mix = QueryMix.load(BenchCorpus.queries());
    Path index = Path.of(System.getProperty("bench.index", tmp.resolve("index").toString()));
    var assembly = TestAssembly.of(corpus, index);
    assembly.indexer(false).run(false, Indexer.Progress.NONE);
    Path plain = tmp.resolve("plain");
    PlainLuceneIndexer.index(corpus, plain, 2);

    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp();
    try (var server = assembly.serve(options);
        var plainReader = DirectoryReader.open(FSDirectory.open(plain))) {
      SearchService service = server.search();
      // A large site's title suggester is built by the refresh thread after start: let it finish
      // before measuring.
      for (int tries = 0; tries < 600 && service.suggest("ca", 1).isEmpty(); tries++)
        Thread.sleep(100);
      var plainSearcher = new IndexSearcher(plainReader);
      List<Query> plainQueries = plainQueries(mix);
      warmUp(service, mix, plainSearcher, plainQueries);

      long[] ours = latencies(i -> service.search(mix.requests().get(i)), mix.requests().size());
      long[] base =
          latencies(i -> plainSearch(plainSearcher, plainQueries.get(i)), plainQueries.size());
      BenchCorpus.print(
          "1 thread, %d queries: sitesearch p50 %.2f ms, p99 %.2f ms; plain Lucene p50 %.2f ms, p99 %.2f ms",
          ours.length, pct(ours, 50), pct(ours, 99), pct(base, 50), pct(base, 99));

      double oursQps =
          throughput(2, i -> service.search(mix.requests().get(i % mix.requests().size())));
      double baseQps =
          throughput(2, i -> plainSearch(plainSearcher, plainQueries.get(i % plainQueries.size())));
      BenchCorpus.print(
          "2 threads in-process: sitesearch %.0f QPS, plain Lucene %.0f QPS, ratio %.2f",
          oursQps, baseQps, oursQps / baseQps);

      long[] suggest = latencies(i -> service.suggest(prefixOf(mix.requests().get(i)), 8), 2000);
      BenchCorpus.print(
          "suggest, 1 thread: p50 %.3f ms, p99 %.3f ms", pct(suggest, 50), pct(suggest, 99));

      var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String searchUrl = server.url() + "api/search?";
      for (int clients : new int[] {16, 64}) {
        var errors = new AtomicInteger();
        double qps =
            throughput(
                clients,
                i -> {
                  var response =
                      client.send(
                          HttpRequest.newBuilder(
                                  URI.create(
                                      searchUrl
                                          + mix.queryStrings().get(i % mix.queryStrings().size())))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) errors.incrementAndGet();
                });
        BenchCorpus.print(
            "HTTP, %d clients: %.0f QPS (%.2f x in-process 2-thread plain Lucene), %d errors",
            clients, qps, qps / baseQps, errors.get());
      }
    }
    firstAnswerAfterLaunch(corpus, index);
  }

  /**
   * Launches {@code serve} on the existing, current index and times it to the first answered
   * search.
   */
  private static void firstAnswerAfterLaunch(Path corpus, Path index) throws Exception {
    int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
    var args =
        List.of(
            "serve",
            "--content",
            corpus.toString(),
            "--index",
            index.toString(),
            "--port",
            String.valueOf(port));
    long start = System.nanoTime();
    Process serve =
        ChildJvm.sitesearch(List.of(), args)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      var client = HttpClient.newHttpClient();
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=cancer"))
              .build();
      while (System.nanoTime() - start < 60_000_000_000L) {
        try {
          if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            BenchCorpus.print(
                "serve on a current index: first search answered %d ms after launch",
                (System.nanoTime() - start) / 1_000_000);
            return;
          }
        } catch (java.io.IOException notYet) {
          Thread.sleep(20);
        }
      }
      BenchCorpus.print("serve did not answer within 60 s");
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  interface Op {
    void run(int i) throws Exception;
  }

  private static String prefixOf(SearchRequest request) {
    String q = request.q();
    return q.length() > 4 ? q.substring(0, 4) : q.isEmpty() ? "ca" : q;
  }

  private static List<Query> plainQueries(QueryMix mix) throws Exception {
    var parser = new QueryParser("body", new StandardAnalyzer());
    var queries = new ArrayList<Query>();
    for (SearchRequest r : mix.requests()) {
      String q = r.q().isBlank() ? "*:*" : QueryParser.escape(r.q().replace("\"", ""));
      queries.add(parser.parse(q.equals("*:*") ? q : q));
    }
    return queries;
  }

  private static void plainSearch(IndexSearcher searcher, Query query) throws Exception {
    TopDocs top = searcher.search(query, 10);
    UnifiedHighlighter.builder(searcher, new StandardAnalyzer())
        .build()
        .highlight("body", query, top);
  }

  private static void warmUp(
      SearchService service, QueryMix mix, IndexSearcher plain, List<Query> plainQueries)
      throws Exception {
    for (int i = 0; i < Math.min(2000, mix.requests().size()); i++) {
      service.search(mix.requests().get(i));
      plainSearch(plain, plainQueries.get(i));
    }
  }

  private static long[] latencies(Op op, int n) throws Exception {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.run(i);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double pct(long[] sortedNanos, int p) {
    return sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
  }

  private static double throughput(int threads, Op op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var next = new AtomicInteger();
    var done = new AtomicLong();
    long end = System.nanoTime() + ROUND.toNanos();
    long start = System.nanoTime();
    var futures = new ArrayList<Future<?>>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  op.run(next.getAndIncrement());
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) f.get();
    pool.shutdown();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
