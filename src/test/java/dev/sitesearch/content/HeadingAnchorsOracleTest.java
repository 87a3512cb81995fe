package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.testing.HugoBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hugo is the oracle for heading ids: a page of tricky headings (accents, emoji, punctuation,
 * duplicates, code spans, links, entities, custom ids, setext headings, headings in lists, quotes
 * and code fences) is built by Debian's {@code hugo} with each {@code autoHeadingIDType}, and the
 * ids it writes must be the anchors our sections carry, in the same order.
 */
class HeadingAnchorsOracleTest {
  private static final String PAGE =
      """
      ---
      title: Tricky headings
      ---
      # Café au lait
      ## Hello, World!
      ## Hello, World!
      ## Hello World
      ## 🚀 Launch 🚀 day
      ## Use `go build` now
      ## *Emphasis* and __strong__ and _under_
      ## See [the docs](https://example.com/a_b) here
      ## Custom one {#my-id}
      ## my-id
      Setext Heading
      ==============
      Second *setext*
      ---------------
      ## Tom &amp; Jerry's "quotes" — dash – x
      ## C++ / C# & .NET 2.0
      ##   Spaces   inside   ##
      ## Ünïcödé ÆØÅ straße
      ## 日本語 見出し
      ## ---
      ## Heading {.cls}
      - ## In a list
      > ## In a quote

      ```
      ## Not a heading
      ```
      ## Snake_case_word
      ## Trailing hashes ###
      ## 1. Numbered
      """;

  private static final Pattern ID = Pattern.compile("<h[1-6][^>]*\\bid=\"([^\"]*)\"");

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"github", "github-ascii", "blackfriday"})
  void our_anchors_are_the_ids_hugo_writes(String type) throws Exception {
    HugoBuild.assumeHugo();
    Files.writeString(
        root.resolve("hugo.toml"),
        "baseURL = 'https://example.org/'\n"
            + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n"
            + "[markup.goldmark.parser]\nautoHeadingIDType = '"
            + type
            + "'\n");
    Path layouts = Files.createDirectories(root.resolve("layouts/_default"));
    Files.writeString(layouts.resolve("single.html"), "{{ .Content }}\n");
    Files.writeString(layouts.resolve("list.html"), "{{ .Content }}\n");
    Files.createDirectories(root.resolve("content"));
    Files.writeString(root.resolve("content/p.md"), PAGE);
    hugo(root);
    List<String> hugoIds = new ArrayList<>();
    Matcher m = ID.matcher(Files.readString(root.resolve("public/p/index.html")));
    while (m.find()) hugoIds.add(m.group(1));

    HeadingIds ids = HeadingIds.read(HugoProject.read(root));
    List<String> ours =
        MarkdownText.render(PAGE.substring(PAGE.indexOf("---\n", 4) + 4), ids).sections().stream()
            .map(PageSection::anchor)
            .toList();
    assertEquals(hugoIds, ours);
  }

  private static void hugo(Path root) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("hugo", "--quiet", "--source", root.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
      throw new IOException("hugo failed: " + out);
  }
}
