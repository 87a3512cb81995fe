package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.testing.HugoBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small Hugo site written by a test, built by Hugo and read by sitesearch, and the comparison of
 * the two: the same pages published, each at the same URL and permalink, with the same kind and
 * language, and the same redirects for its aliases.
 */
final class HugoOracle {
  private final Path root;

  HugoOracle(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Writes a file of the site ({@code hugo.toml}, {@code content/docs/a.md}). */
  HugoOracle file(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return this;
  }

  /** Writes a page: YAML front matter lines and a short body. */
  HugoOracle page(String rel, String frontMatter) throws IOException {
    return file(rel, "---\n" + frontMatter + "\n---\nSome words about " + rel + ".\n");
  }

  /** What both made of the site, its content read from {@code content}. */
  record Result(HugoBuild hugo, ProductPages ours, String basePath) {
    /** Hugo's pages by path, with the URL each was published at. */
    Map<String, String> hugoUrls() {
      var out = new TreeMap<String, String>();
      hugo.pages().forEach((path, p) -> out.put(path, p.url()));
      return out;
    }
  }

  /**
   * Builds with Hugo and reads with sitesearch (the content folder being {@code content} under the
   * site), and asserts that they agree page for page.
   */
  Result agree(String content) throws IOException {
    Result r = both(content);
    assertAgree(r);
    return r;
  }

  Result both(String content) throws IOException {
    Path contentDir = root.resolve(content);
    HugoBuild hugo = HugoBuild.build(root, contentDir);
    String basePath = HugoSite.read(root).urls().basePath();
    return new Result(hugo, ProductPages.read(contentDir), basePath);
  }

  static void assertAgree(Result r) {
    assertEquals(Map.of(), r.ours().failures(), "no page failed");
    if (System.getProperty("oracle.print") != null) {
      System.out.println("HUGO  " + r.hugoUrls());
      System.out.println("OURS  " + r.ours().urls());
      System.out.println("SKIP  " + r.ours().skipped());
      System.out.println("ALIAS " + r.hugo().aliases());
      System.out.println("LIST  " + r.hugo().listed());
    }
    assertEquals(r.hugoUrls(), r.ours().urls(), "published pages and their URLs");
    var hugoFacts = new TreeMap<String, String>();
    r.hugo()
        .pages()
        .forEach((k, p) -> hugoFacts.put(k, p.permalink() + " " + p.kind() + " " + p.lang()));
    var ourFacts = new TreeMap<String, String>();
    r.ours()
        .pages()
        .forEach(
            (k, p) ->
                ourFacts.put(
                    k, p.address().permalink() + " " + p.place().kind() + " " + p.place().lang()));
    assertEquals(hugoFacts, ourFacts, "permalink, kind and language of each page");
    assertEquals(hugoAliases(r), ourAliases(r), "aliases: where Hugo writes a redirect to a page");
    // hugo list all names every regular page's permalink, rendered or not.
    var listed = new TreeMap<String, String>();
    var ours = new TreeMap<String, String>();
    r.ours()
        .pages()
        .forEach(
            (k, p) -> {
              if (r.hugo().listed().containsKey(k)) {
                listed.put(k, r.hugo().listed().get(k));
                ours.put(k, p.address().permalink());
              }
            });
    assertEquals(listed, ours, "permalinks as hugo list all gives them");
  }

  /** Hugo's redirects to the test's pages (not its own ones to a language's home). */
  private static Map<String, String> hugoAliases(Result r) {
    var byPermalink = new TreeMap<String, String>();
    r.hugo().pages().forEach((k, p) -> byPermalink.put(p.permalink(), k));
    var out = new TreeMap<String, String>();
    r.hugo()
        .aliases()
        .forEach(
            (alias, target) -> {
              String page = byPermalink.get(target);
              if (page != null && !r.hugo().pages().get(page).kind().equals("home"))
                out.put(alias, page);
            });
    return out;
  }

  /** Our aliases as paths under public/ (without the baseURL's path), to the page. */
  private static Map<String, String> ourAliases(Result r) {
    var out = new TreeMap<String, String>();
    String base = r.basePath();
    r.ours()
        .pages()
        .forEach(
            (k, p) -> {
              for (String alias : p.address().aliases()) {
                assertEquals(true, alias.startsWith(base), alias + " starts with " + base);
                out.put(HugoPaths.percentDecode(alias.substring(base.length() - 1)), k);
              }
            });
    return out;
  }
}
