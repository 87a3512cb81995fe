package dev.sitesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Where the generated benchmark corpus is (never committed): {@code -Dbench.corpus=DIR}. */
final class BenchCorpus {
  private BenchCorpus() {}

  static Path corpus() {
    String dir = System.getProperty("bench.corpus", "/tmp/bench-100k");
    Path path = Path.of(dir);
    Assumptions.assumeTrue(
        Files.isDirectory(path),
        "no corpus at "
            + path
            + ": python3 ../shared/bench/gen.py --docs 100000 --out "
            + path
            + " --seed 42");
    return path;
  }

  static Path queries() {
    Path path = Path.of(System.getProperty("bench.queries", "/tmp/bench-queries.jsonl"));
    Assumptions.assumeTrue(
        Files.isRegularFile(path),
        "no query mix at "
            + path
            + ": python3 ../shared/bench/gen.py --queries 5000 --out "
            + path
            + " --seed 42");
    return path;
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void print(String format, Object... args) {
    System.out.printf("BENCH " + format + "%n", args);
  }

  /**
   * Hard-links every file of {@code from} under {@code to} (copies when links are not possible);
   * returns the pages.
   */
  static List<Path> linkTree(Path from, Path to) throws IOException {
    var pages = new ArrayList<Path>();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
          continue;
        }
        try {
          Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(source, target);
        }
        if (target.toString().endsWith(".md")) pages.add(target);
      }
    }
    return pages;
  }
}
