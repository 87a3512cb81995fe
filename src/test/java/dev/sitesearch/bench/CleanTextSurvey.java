package dev.sitesearch.bench;

import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.VisibleMarkup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many top-5 hits of a real Hugo site show raw syntax (shortcodes, tables, alerts, attribute
 * lists, HTML, Markdown links) in their snippet, description or facet values, over common queries.
 * A finding that the page itself shows as code (an example in a code block or code span, an escaped
 * shortcode) is counted apart: that is the page's text, not markup that leaked. Prints figures;
 * asserts nothing. Run (docs/hugo.md, "Clean text"):
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=CleanTextSurvey -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.site=/tmp/sites/hugodocs/content [-Dbench.index=DIR] [-Dbench.queries='a,b,…']
 * </pre>
 *
 * Without {@code bench.index} the site is indexed with the current code; with it, an index built by
 * another build (say the one before a change) is surveyed instead.
 */
@Tag("benchmark")
class CleanTextSurvey {
  private static final int TOP = 5;

  /** Twenty queries a visitor of a documentation site types. */
  private static final String DEFAULT_QUERIES =
      "install,configuration,template,shortcode,front matter,menu,image,deploy,markdown,"
          + "theme,taxonomy,partial,render hook,multilingual,pagination,sitemap,data,module,"
          + "security,release";

  private static final Pattern ESCAPED_SHORTCODE =
      Pattern.compile("\\{\\{([<%])/\\*\\s*(.*?)\\s*\\*/([>%])\\}\\}", Pattern.DOTALL);

  @Test
  void survey(@TempDir Path tmp) throws Exception {
    Path site = Path.of(System.getProperty("bench.site", "content"));
    String given = System.getProperty("bench.index", "");
    Path index = given.isEmpty() ? tmp.resolve("index") : Path.of(given);
    if (given.isEmpty()) TestAssembly.index(site, index);
    List<String> queries =
        List.of(System.getProperty("bench.queries", DEFAULT_QUERIES).split("\\s*,\\s*"));

    int hits = 0;
    var leaked = new ArrayList<String>();
    var asCode = new ArrayList<String>();
    Map<String, Integer> kinds = new TreeMap<>();
    try (var search = OpenedIndex.of(index)) {
      for (String q : queries) {
        for (Hit hit : search.search(SearchRequest.of(q).withSize(TOP)).hits()) {
          hits++;
          String shown =
              Hit.visibleText(hit.snippet() + " ¦ " + hit.description()) + " ¦ " + hit.fields();
          List<String> found = VisibleMarkup.find(shown);
          if (found.isEmpty()) continue;
          String line = q + " → " + hit.id() + " " + found + ": " + oneLine(shown);
          if (shownAsCode(site.resolve(hit.id()), shown)) {
            asCode.add(line);
          } else {
            leaked.add(line);
            found.forEach(k -> kinds.merge(k, 1, Integer::sum));
          }
        }
      }
    }
    BenchCorpus.print(
        "clean text on %s: %d queries, %d top-%d hits; %d show markup %s; %d more show code the"
            + " page shows",
        site, queries.size(), hits, TOP, leaked.size(), kinds, asCode.size());
    leaked.forEach(l -> BenchCorpus.print("  markup: %s", l));
    asCode.forEach(l -> BenchCorpus.print("  code:   %s", l));
  }

  /**
   * Whether the raw syntax in {@code shown} is text the page shows as code: every stretch of it is
   * found in the page's code blocks and code spans (escaped shortcodes read as Hugo shows them).
   */
  private static boolean shownAsCode(Path page, String shown) throws Exception {
    if (!Files.isRegularFile(page)) return false;
    String source = ESCAPED_SHORTCODE.matcher(Files.readString(page)).replaceAll("{{$1 $2 $3}}");
    var code = new StringBuilder();
    Parser.builder()
        .build()
        .parse(source)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Code c) {
                code.append(c.getLiteral()).append(' ');
              }

              @Override
              public void visit(FencedCodeBlock c) {
                code.append(c.getLiteral()).append(' ');
              }

              @Override
              public void visit(IndentedCodeBlock c) {
                code.append(c.getLiteral()).append(' ');
              }
            });
    String codeText = squeeze(code.toString());
    for (String markup : VisibleMarkup.matches(shown)) {
      if (!codeText.contains(squeeze(markup))) return false;
    }
    return true;
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String oneLine(String s) {
    String line = squeeze(s);
    return line.length() > 220 ? line.substring(0, 220) + "…" : line;
  }
}
