package dev.sitesearch.content;

import dev.sitesearch.testing.HugoBuild;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Hugo site read by sitesearch beside Hugo's own build of it (made with the oracle's
 * templates, see docs/hugo.md for the commands): how many pages each publishes, how many both do,
 * and how many of those have the same URL; then the differences, page by page. Prints figures
 * ({@code SITE} lines); asserts nothing. Properties: {@code site.content} (the folder given as
 * {@code --content}), {@code site.public} (Hugo's output), {@code site.hugoContent} (the same
 * folder in the copy Hugo built, when it built a copy), {@code site.clock} (the {@code --clock}
 * Hugo built at), {@code site.lang} (compare Hugo's pages in this language only).
 */
@Tag("benchmark")
class RealSiteComparison {
  @Test
  void compare_with_hugos_build() throws Exception {
    Path content = Path.of(System.getProperty("site.content"));
    Path publicDir = Path.of(System.getProperty("site.public"));
    Clock clock =
        Clock.fixed(
            Instant.parse(System.getProperty("site.clock", HugoBuild.CLOCK)), ZoneOffset.UTC);
    long t0 = System.nanoTime();
    ProductPages ours = ProductPages.read(content, PageReader.SiteOptions.FIND, clock);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    HugoBuild hugo =
        HugoBuild.published(
            publicDir,
            Path.of(System.getProperty("site.hugoContent", content.toString())),
            System.getProperty("site.lang"));

    var both = new TreeSet<>(ours.pages().keySet());
    both.retainAll(hugo.pages().keySet());
    var onlyOurs = new TreeSet<>(ours.pages().keySet());
    onlyOurs.removeAll(hugo.pages().keySet());
    var onlyHugo = new TreeSet<>(hugo.pages().keySet());
    onlyHugo.removeAll(ours.pages().keySet());
    var differentUrl = new TreeMap<String, String>();
    for (String path : both) {
      String mine = HugoPaths.percentDecode(ours.pages().get(path).url());
      String theirs = HugoPaths.percentDecode(hugo.pages().get(path).url());
      if (!mine.equals(theirs)) differentUrl.put(path, mine + "  hugo: " + theirs);
    }
    System.out.printf(
        "SITE %s: sitesearch %d pages, %d skipped, %d failed (read in %d ms); hugo %d pages;"
            + " both %d; same URL %d of %d (%.1f%%); only sitesearch %d; only hugo %d%n",
        content,
        ours.pages().size(),
        ours.skipped().size(),
        ours.failures().size(),
        ms,
        hugo.pages().size(),
        both.size(),
        both.size() - differentUrl.size(),
        both.size(),
        100.0 * (both.size() - differentUrl.size()) / Math.max(1, both.size()),
        onlyOurs.size(),
        onlyHugo.size());
    print(
        "only sitesearch",
        onlyOurs.stream().collect(TreeMap::new, (m, p) -> m.put(p, ""), Map::putAll));
    print(
        "only hugo", onlyHugo.stream().collect(TreeMap::new, (m, p) -> m.put(p, ""), Map::putAll));
    print("different URL", differentUrl);
    print("failed", new TreeMap<>(ours.failures()));
  }

  private static void print(String what, Map<String, String> items) {
    items.entrySet().stream()
        .limit(40)
        .forEach(
            e -> System.out.println("SITE   " + what + ": " + e.getKey() + " " + e.getValue()));
  }
}
