package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content pipeline (read a page, map it to a document) on pages built to make a parser rescan
 * or backtrack: one page of 128 KB against 32 pages of 4 KB of the same kind. Linear work is the
 * same for both, quadratic work 32 times as much for the large page; the bound, 8 times (3 times
 * the work per doubling of the size), sits far from both, so a noisy machine cannot make it flake:
 * the worst linear input measured 2.7 times with both cores busy, the quadratic ones this test
 * found 15 to 30 times. The work is the CPU time of this thread (other processes, the collector and
 * the compiler run on other threads), the least of a few runs after one warm-up run of each size.
 *
 * <p>The inputs: tokens known to open something that is never closed (comments, tags, shortcodes,
 * links, emphasis, YAML aliases) repeated in the body, a description and a facet value (one long
 * front-matter line), then random mixes of them (fixed seed, so a failure names an input that fails
 * again).
 */
class SuperLinearInputTest {
  private static final int SMALL = 4 * 1024;
  private static final int GROWTH = 32;
  private static final double MAX_WORK_RATIO = 8;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Openers and other fragments each Markdown, HTML, Hugo or YAML reader has to match up. */
  static final List<String> TOKENS =
      List.of(
          "<!--",
          "<script ",
          "<style ",
          "<a ",
          "<div <a ",
          "<a href=\"",
          "</",
          "<?",
          "<![CDATA[",
          "{{<",
          "{{%",
          "{{</*",
          "{{< x ",
          ">}}",
          "[",
          "[a](",
          "![",
          "*_",
          "**a",
          "`",
          "&#",
          "\\",
          "| a ",
          "> [!",
          "{#",
          "{.a ",
          "- [ ] ",
          "\n> ",
          "\n- ",
          "\n# a {",
          "\n| a | b |\n| --- |",
          "\n```\n");

  record Input(String name, IntFunction<String> page) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Input> inputs() {
    var inputs = new ArrayList<Input>();
    for (String token : TOKENS) {
      String shown = token.replace("\n", "\\n");
      inputs.add(new Input("body of " + shown, size -> body(repeat(token, size))));
      String inline = token.replace("\n", " ");
      inputs.add(new Input("description of " + shown, size -> description(repeat(inline, size))));
      inputs.add(new Input("tag of " + shown, size -> tags(repeat(inline, size))));
    }
    inputs.add(new Input("scalar aliases", SuperLinearInputTest::scalarAliases));
    var random = new Random(42);
    for (int i = 0; i < 20; i++) {
      var mix = new StringBuilder();
      for (int n = 2 + random.nextInt(4); n > 0; n--)
        mix.append(TOKENS.get(random.nextInt(TOKENS.size())))
            .append(random.nextBoolean() ? "x" : "");
      String token = mix.toString();
      inputs.add(new Input("mix " + token.replace("\n", "\\n"), size -> body(repeat(token, size))));
    }
    return inputs.stream();
  }

  @TempDir Path root;

  private final PageReader reader = new PageReader(50_000_000, false, Clock.systemUTC());
  private final DocumentMapper mapper = new DocumentMapper(Seed.schema());

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void the_work_for_a_page_grows_linearly_with_its_size(Input input) throws IOException {
    Path small = write("small.md", input.page().apply(SMALL));
    Path large = write("large.md", input.page().apply(SMALL * GROWTH));
    work(small, 1); // the first runs pay for loading and compiling the code they reach
    work(large, 1);
    long smallPages = Math.max(leastWork(small, GROWTH, 3, 0), 1);

    long limit = (long) (smallPages * MAX_WORK_RATIO);
    long largePage = leastWork(large, 1, 5, limit);

    assertTrue(
        largePage <= limit,
        () ->
            String.format(
                "%s: %d pages of %d KB took %.1f ms of CPU, one of %d KB %.1f ms: %.1f times the"
                    + " work of the same amount of text",
                input,
                GROWTH,
                SMALL / 1024,
                smallPages / 1e6,
                SMALL * GROWTH / 1024,
                largePage / 1e6,
                (double) largePage / smallPages));
  }

  /**
   * The least CPU time of up to {@code tries} runs of {@code pages} readings of {@code file},
   * stopping at the first one within {@code limit} (0: all tries).
   */
  private long leastWork(Path file, int pages, int tries, long limit) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < tries && least > limit; i++) least = Math.min(least, work(file, pages));
    return least;
  }

  private long work(Path file, int pages) {
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      var source = new SourceFile(file.getFileName().toString(), file, Files.size(file), 0);
      for (int i = 0; i < pages; i++) {
        if (reader.read(source) instanceof ReadOutcome.Parsed parsed) mapper.map(parsed.page());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(root.resolve(name), text);
  }

  private static String repeat(String token, int size) {
    return token.repeat(Math.max(1, size / token.length()));
  }

  private static String body(String text) {
    return "---\ntitle: Page\n---\n" + text + "\n";
  }

  private static String description(String text) {
    return "---\ntitle: Page\ndescription: |\n  " + text + "\n---\nBody.\n";
  }

  private static String tags(String text) {
    return "---\ntitle: Page\ntags:\n  - |\n    " + text + "\n---\nBody.\n";
  }

  /** A long scalar with an anchor, then a list of aliases to it: each one the whole scalar. */
  private static String scalarAliases(int size) {
    return "---\ntitle: Page\nname: &s "
        + "x".repeat(size / 2)
        + "\ntags: ["
        + "*s, ".repeat(size / 8)
        + "*s]\n---\nBody.\n";
  }
}
