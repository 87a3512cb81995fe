package dev.sitesearch.bench;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.testing.ChildJvm;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing figures on the generated bench corpus: a full index (pages/s, beside plain Lucene
 * measured in the same run), an incremental pass with nothing changed, and one changed file,
 * in-process and as a fresh CLI process. Prints figures; asserts only that the runs did what they
 * say. Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
class IndexBenchmark {
  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  @Test
  void index_the_bench_corpus(@TempDir Path tmp) throws Exception {
    Path corpus = BenchCorpus.corpus();
    Path work = tmp.resolve("content");
    ContentFiles.copyTree(
        corpus, work); // the one-file change below must not touch the shared corpus
    Clock clock = Clock.systemUTC();
    Schema schema = Seed.schema();

    long t0 = System.nanoTime();
    int plainDocs = PlainLuceneIndexer.index(work, tmp.resolve("plain"), THREADS);
    double plainSeconds = (System.nanoTime() - t0) / 1e9;

    var indexer =
        new Indexer(
            work,
            tmp.resolve("index"),
            schema,
            new PageReader(5_000_000, false, clock),
            THREADS,
            clock);
    IndexSummary full = indexer.run(true, Indexer.Progress.NONE);
    double fullRate = full.added() / (full.tookMs() / 1000.0);
    double plainRate = plainDocs / plainSeconds;
    BenchCorpus.print(
        "full index: %d pages in %.1f s = %.0f pages/s; plain Lucene %.0f pages/s; ratio %.2f",
        full.added(), full.tookMs() / 1000.0, fullRate, plainRate, fullRate / plainRate);
    BenchCorpus.print(
        "index size: %.1f MB (plain Lucene %.1f MB); corpus %.1f MB",
        BenchCorpus.sizeOf(tmp.resolve("index")) / 1e6,
        BenchCorpus.sizeOf(tmp.resolve("plain")) / 1e6,
        BenchCorpus.sizeOf(work) / 1e6);

    List<Long> noChange = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      IndexSummary pass = indexer.run(false, Indexer.Progress.NONE);
      if (pass.added() + pass.updated() + pass.deleted() != 0)
        throw new AssertionError("not a no-change pass: " + pass.line());
      noChange.add(pass.tookMs());
    }
    BenchCorpus.print(
        "no-change incremental pass over %d files: %s ms (3 runs)", full.documents(), noChange);

    Path one;
    try (Stream<Path> files = Files.walk(work)) {
      one = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    List<Long> oneChange = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Files.writeString(one, Files.readString(one) + "\nEdited " + i + ".\n");
      Files.setLastModifiedTime(one, FileTime.fromMillis(System.currentTimeMillis() + i * 1000L));
      IndexSummary pass = indexer.run(false, Indexer.Progress.NONE);
      if (pass.updated() != 1) throw new AssertionError("expected one update: " + pass.line());
      oneChange.add(pass.tookMs());
    }
    BenchCorpus.print("one changed file, committed: %s ms in-process (3 runs)", oneChange);

    Files.writeString(one, Files.readString(one) + "\nEdited by the CLI run.\n");
    long c0 = System.nanoTime();
    Process cli =
        ChildJvm.sitesearch(
                List.of(),
                List.of(
                    "index",
                    "--content",
                    work.toString(),
                    "--index",
                    tmp.resolve("index").toString()))
            .start();
    String output = new String(cli.getInputStream().readAllBytes());
    int exit = cli.waitFor();
    BenchCorpus.print(
        "one changed file as a fresh CLI process (JVM start included): %d ms, exit %d: %s",
        (System.nanoTime() - c0) / 1_000_000, exit, output.strip());
  }
}
