package dev.sitesearch.bench;

import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.AnalyticsSettings;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.search.SearchService;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under sustained load while its content changes: the shared query mix from 64
 * concurrent HTTP clients for 60 s ({@code -Dbench.seconds}, {@code -Dbench.clients}) against the
 * bench corpus, with the default limits, while a thread edits three pages and reindexes every 3 s.
 * Prints requests, errors, refusals (429/503, which the defaults must not cause for loopback
 * clients), latency percentiles, throughput, the reindexes and their durations, and heap and open
 * files before and after (a leaked searcher keeps the files of old commits open and their readers
 * in the heap). Then a hostile phase: the same clients beside issue 12's attackers ({@link
 * HostileClients}: clients of the costliest requests, connections that never read, connections that
 * trickle a request), reporting the normal clients' latency against the quiet phase's.
 *
 * <p>The corpus is hard-linked into a temporary folder and pages are edited by replacing the link,
 * so the shared corpus is never changed.
 */
@Tag("benchmark")
class SoakBenchmark {
  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
  private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final Duration EDIT_EVERY = Duration.ofSeconds(3);

  /** The hostile phase: as long as the quiet one unless {@code -Dbench.hostileSeconds}. */
  private static final Duration HOSTILE_RUN =
      Duration.ofSeconds(Integer.getInteger("bench.hostileSeconds", (int) RUN.toSeconds()));

  /**
   * Issue 12's attackers: clients of the costliest requests, readers that never read, tricklers.
   */
  private static final int EXPENSIVE = Integer.getInteger("bench.expensiveClients", 8);

  private static final int SLOW_READERS = Integer.getInteger("bench.slowReaders", 140);
  private static final int TRICKLERS = Integer.getInteger("bench.tricklers", 300);

  @Test
  void soak_under_load_while_content_is_edited_and_reindexed(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    List<String> queries = QueryMix.load(BenchCorpus.queries()).queryStrings();
    Path content = tmp.resolve("content");
    List<Path> pages = BenchCorpus.linkTree(corpus, content);
    Path index = tmp.resolve("index");
    var assembly = TestAssembly.of(content, index);
    long t0 = System.nanoTime();
    IndexSummary built = assembly.indexer(false).run(true, Indexer.Progress.NONE);
    BenchCorpus.print(
        "soak: %d pages indexed in %.1f s; %d clients for %d s, an edit of 3 pages + reindex every %d s",
        built.documents(),
        (System.nanoTime() - t0) / 1e9,
        CLIENTS,
        RUN.toSeconds(),
        EDIT_EVERY.toSeconds());

    try (var server =
        assembly.serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp())) {
      SearchService service = server.search();
      Reindexer reindexer = server.reindexer();
      {
        String base = server.url() + "api/search?";
        var client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        load(
            client, base, queries, Duration.ofSeconds(15), null); // warm-up: JIT, caches, suggester
        Snapshot before = Snapshot.take(index);

        var editor = new Editor(pages, reindexer);
        Thread editing = Thread.ofPlatform().name("soak-editor").start(editor);
        Result result = load(client, base, queries, RUN, editor);
        Result hostile;
        try (var attackers =
            new HostileClients(server.port()).start(EXPENSIVE, SLOW_READERS, TRICKLERS)) {
          hostile = load(client, base, queries, HOSTILE_RUN, editor);
          BenchCorpus.print(
              "soak hostile phase, %d s: %d expensive-query clients (answers by status %s, %d of"
                  + " them partial), %d slow-reader connections opened (pipelining 20 searches,"
                  + " never reading), %d trickle connections opened (a byte every 8 s)",
              HOSTILE_RUN.toSeconds(),
              EXPENSIVE,
              attackers.expensiveStatuses(),
              attackers.expensivePartial.get(),
              attackers.slowReaderConnections.get(),
              attackers.trickleConnections.get());
        }
        editor.stop.set(true);
        editing.join();
        // On a site this large the refresh thread rebuilds the title suggester after each commit;
        // let it finish, so the heap is compared between two quiet moments rather than against a
        // build in flight.
        Thread.sleep(SETTLE.toMillis());
        Snapshot after = Snapshot.take(index);

        BenchCorpus.print(
            "soak: %d requests in %.1f s = %.0f QPS; %d errors; refused: %d x 429, %d x 503",
            result.requests,
            result.seconds,
            result.requests / result.seconds,
            result.errors,
            result.status429,
            result.status503);
        BenchCorpus.print(
            "soak latency of answers, ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f",
            result.pct(50), result.pct(95), result.pct(99), result.max());
        BenchCorpus.print(
            "soak hostile phase, the %d normal clients: %d requests = %.0f QPS; %d errors;"
                + " refused: %d x 429, %d x 503; latency of answers, ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f;"
                + " p99 %.2f x the quiet phase's",
            CLIENTS,
            hostile.requests,
            hostile.requests / hostile.seconds,
            hostile.errors,
            hostile.status429,
            hostile.status503,
            hostile.pct(50),
            hostile.pct(95),
            hostile.pct(99),
            hostile.max(),
            hostile.pct(99) / result.pct(99));
        BenchCorpus.print(
            "soak reindexes: %d, each %s ms with the searcher refresh (median %d, max %d), of which "
                + "indexing and commit %s ms; %d failed",
            editor.durations.size(),
            editor.durations,
            median(editor.durations),
            editor.durations.stream().mapToLong(l -> l).max().orElse(0),
            editor.indexing,
            editor.failures.get());
        BenchCorpus.print(
            "soak heap after full GC: %d MB before, %d MB after (%+d MB); open file descriptors: %d "
                + "before, %d after; index files mapped: %d before, %d after, of them deleted on disk: %d before, %d after",
            before.heapMb,
            after.heapMb,
            after.heapMb - before.heapMb,
            before.fds,
            after.fds,
            before.mappedIndexFiles,
            after.mappedIndexFiles,
            before.mappedDeleted,
            after.mappedDeleted);
        BenchCorpus.print(
            "soak: %d pages searchable at the end (generation %d)",
            service.health().documents(), service.health().generation());
        Assertions.assertEquals(0, result.errors, "errors");
        Assertions.assertEquals(0, hostile.errors, "errors of normal clients beside hostile ones");
        Assertions.assertEquals(
            0, result.status429 + result.status503, "refusals under the default limits");
        Assertions.assertEquals(0, editor.failures.get(), "failed reindexes");
      }
    }
  }

  /**
   * The analytics write path under the soak's load: two servers on the same index at once, one with
   * analytics off and one with it on, each warmed up for 10 s, then the soak's clients load them in
   * turn in short slices ({@code -Dbench.analyticsSlices} of {@code -Dbench.analyticsSliceSeconds},
   * 16 of 5 s), in the order off, on, on, off, …, so a change of the machine's load during the run
   * falls on both alike. Prints each setting's QPS per slice, its mean and spread, and what
   * analytics recorded and dropped; fails on any error, and on events dropped at this load.
   */
  @Test
  void analytics_on_against_off_under_the_soak_load(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    List<String> queries = QueryMix.load(BenchCorpus.queries()).queryStrings();
    Path content = tmp.resolve("content");
    BenchCorpus.linkTree(corpus, content);
    Path index = tmp.resolve("index");
    var assembly = TestAssembly.of(content, index);
    IndexSummary built = assembly.indexer(false).run(true, Indexer.Progress.NONE);
    int slices = Integer.getInteger("bench.analyticsSlices", 16);
    Duration slice = Duration.ofSeconds(Integer.getInteger("bench.analyticsSliceSeconds", 5));
    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp();
    var defaults = Seed.config();
    try (var off =
            assembly.withConfig(defaults.withAnalytics(AnalyticsSettings.OFF)).serve(options);
        var on = assembly.withConfig(defaults).serve(options)) {
      Assertions.assertTrue(on.analytics().enabled() && !off.analytics().enabled());
      load(client, off.url() + "api/search?", queries, Duration.ofSeconds(10), null);
      load(client, on.url() + "api/search?", queries, Duration.ofSeconds(10), null);
      var qps = new LinkedHashMap<Boolean, List<Double>>();
      var p50 = new LinkedHashMap<Boolean, List<Double>>();
      long errors = 0;
      long requestsOn = 0;
      for (int i = 0; i < slices; i++) {
        boolean analytics = i % 4 == 1 || i % 4 == 2; // off, on, on, off, …
        var server = analytics ? on : off;
        Result r = load(client, server.url() + "api/search?", queries, slice, null);
        errors += r.errors;
        if (analytics) requestsOn += r.requests;
        qps.computeIfAbsent(analytics, k -> new ArrayList<>())
            .add((r.requests - r.status503 - r.status429) / r.seconds);
        p50.computeIfAbsent(analytics, k -> new ArrayList<>()).add(r.pct(50));
      }
      Thread.sleep(2000); // the last events committed
      var status = on.analytics().status();
      BenchCorpus.print(
          "soak analytics, %d pages, %d clients, %d slices of %d s: answers/s with analytics off %s,"
              + " on %s",
          built.documents(),
          CLIENTS,
          slices,
          slice.toSeconds(),
          rounded(qps.get(false)),
          rounded(qps.get(true)));
      BenchCorpus.print(
          "soak analytics: off mean %.1f QPS (sd %.1f, p50 %.0f ms), on mean %.1f QPS (sd %.1f,"
              + " p50 %.0f ms): on/off %.3f; difference %.1f ± %.1f QPS (2 standard errors);"
              + " events recorded for %d requests: dropped %d, failed %d, waiting %d; %d errors",
          mean(qps.get(false)),
          sd(qps.get(false)),
          mean(p50.get(false)),
          mean(qps.get(true)),
          sd(qps.get(true)),
          mean(p50.get(true)),
          mean(qps.get(true)) / mean(qps.get(false)),
          mean(qps.get(true)) - mean(qps.get(false)),
          2
              * Math.sqrt(
                  sd(qps.get(true)) * sd(qps.get(true)) / qps.get(true).size()
                      + sd(qps.get(false)) * sd(qps.get(false)) / qps.get(false).size()),
          requestsOn,
          status.dropped(),
          status.failed(),
          status.waiting(),
          errors);
      Assertions.assertEquals(0, errors, "errors");
      Assertions.assertEquals(0, status.dropped() + status.failed(), "events lost at this load");
    }
  }

  private static List<String> rounded(List<Double> values) {
    return values.stream().map(d -> String.format("%.0f", d)).toList();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(d -> d).average().orElse(0);
  }

  private static double sd(List<Double> values) {
    double m = mean(values);
    return Math.sqrt(
        values.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / Math.max(1, values.size() - 1));
  }

  private static Result load(
      HttpClient client, String base, List<String> queries, Duration length, Editor editor)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var done = new CountDownLatch(CLIENTS);
    var perClient = new long[CLIENTS][];
    var counts = new long[CLIENTS];
    var errors = new AtomicLong();
    var status429 = new AtomicLong();
    var status503 = new AtomicLong();
    long start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      int id = c;
      Thread.ofPlatform()
          .daemon()
          .name("soak-client-" + c)
          .start(
              () -> {
                long[] nanos = new long[4096];
                int n = 0;
                int i = id * 997;
                try {
                  while (!stop.get()) {
                    var request =
                        HttpRequest.newBuilder(URI.create(base + queries.get(i++ % queries.size())))
                            .timeout(Duration.ofSeconds(30))
                            .build();
                    long t = System.nanoTime();
                    int status;
                    try {
                      status =
                          client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                      status = -1;
                    } catch (InterruptedException e) {
                      return;
                    }
                    // Latency of answers: a refusal is fast and counted apart, not a quick answer.
                    if (status == 200) {
                      if (n == nanos.length) nanos = Arrays.copyOf(nanos, n * 2);
                      nanos[n++] = System.nanoTime() - t;
                    }
                    if (status == 429) status429.incrementAndGet();
                    else if (status == 503) status503.incrementAndGet();
                    else if (status != 200) errors.incrementAndGet();
                  }
                } finally {
                  perClient[id] = Arrays.copyOf(nanos, n);
                  counts[id] = n;
                  done.countDown();
                }
              });
    }
    Thread.sleep(length.toMillis());
    stop.set(true);
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).sorted().toArray();
    long refused = status429.get() + status503.get();
    return new Result(
        all.length + errors.get() + refused,
        seconds,
        errors.get(),
        status429.get(),
        status503.get(),
        all);
  }

  private record Result(
      long requests, double seconds, long errors, long status429, long status503, long[] nanos) {
    double pct(int p) {
      return nanos.length == 0
          ? 0
          : nanos[Math.min(nanos.length - 1, (int) ((long) nanos.length * p / 100))] / 1e6;
    }

    double max() {
      return nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6;
    }
  }

  /**
   * Every few seconds: three pages get a new sentence, then an incremental reindex commits them.
   */
  private static final class Editor implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> indexing = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong failures = new AtomicLong();
    private final List<Path> pages;
    private final Reindexer reindexer;
    private final Random random = new Random(42);

    Editor(List<Path> pages, Reindexer reindexer) {
      this.pages = pages;
      this.reindexer = reindexer;
    }

    @Override
    public void run() {
      int round = 0;
      while (!stop.get()) {
        try {
          Thread.sleep(EDIT_EVERY.toMillis());
          round++;
          for (int i = 0; i < 3; i++) edit(pages.get(random.nextInt(pages.size())), round);
          long t = System.nanoTime();
          IndexSummary summary = reindexer.run(false);
          durations.add((System.nanoTime() - t) / 1_000_000);
          indexing.add(summary.tookMs());
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          failures.incrementAndGet();
          System.out.println("BENCH soak: reindex failed: " + e);
        }
      }
    }

    /**
     * Writes a new file and moves it over the link, so the shared corpus file behind the link is
     * left alone.
     */
    private static void edit(Path page, int round) throws IOException {
      String text =
          Files.readString(page) + "\nSoak edit " + round + ": zymurgy quokka " + round + ".\n";
      Path temp = page.resolveSibling(page.getFileName() + ".tmp-soak");
      Files.writeString(temp, text);
      Files.move(temp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Heap after a full GC; open file descriptors; index files mapped into memory (Lucene maps index
   * files and closes their descriptors, so a reader that is never released shows up here, as files
   * of old commits, deleted on disk).
   */
  private record Snapshot(long heapMb, long fds, long mappedIndexFiles, long mappedDeleted) {
    static Snapshot take(Path index) throws Exception {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(200);
      }
      long heap =
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
      long fds;
      try (Stream<Path> links = Files.list(Path.of("/proc/self/fd"))) {
        fds = links.count();
      }
      String indexPath = index.toRealPath().toString();
      var mapped = new java.util.HashSet<String>();
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int at = line.indexOf(indexPath);
        if (at >= 0) mapped.add(line.substring(at));
      }
      long deleted = mapped.stream().filter(f -> f.endsWith("(deleted)")).count();
      return new Snapshot(heap, fds, mapped.size(), deleted);
    }
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) return 0;
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
