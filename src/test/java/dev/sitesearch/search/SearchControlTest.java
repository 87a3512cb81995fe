package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ContentSettings;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-page search control in front matter ({@code search: {exclude, boost}}) and a site's own
 * marker ({@code content.searchable: params.searchable}, cascaded from a section): what is hidden,
 * what ranks higher or lower, and what a wrong value reports.
 */
class SearchControlTest {
  @TempDir Path tmp;

  private static final String BODY = "How to install the agent on a server.";

  @Test
  void exclude_hides_a_page_boost_reorders_equal_pages_and_bad_values_name_file_and_key()
      throws Exception {
    Path site = tmp.resolve("site");
    ContentFiles.write(site, "hugo.toml", "baseURL = 'https://example.org/'\n");
    Path content = site.resolve("content");
    ContentFiles.page(content, "docs/plain.md", "title: Agent", BODY);
    ContentFiles.page(content, "docs/guide.md", "title: Agent\nsearch:\n  boost: 3", BODY);
    ContentFiles.page(content, "docs/changelog.md", "title: Agent\nsearch: {boost: 0.2}", BODY);
    ContentFiles.page(content, "docs/hidden.md", "title: Agent\nsearch: {exclude: true}", BODY);
    ContentFiles.page(
        content,
        "internal/_index.md",
        "title: Internal\ncascade:\n  params:\n    searchable: false",
        "Notes.");
    ContentFiles.page(content, "internal/notes.md", "title: Agent", BODY);
    ContentFiles.page(content, "docs/bad.md", "title: Agent\nsearch: {boost: 50, hide: yes}", BODY);
    Path index = site.resolve("index");
    var config =
        Seed.config().withContent(new ContentSettings(1 << 20, null, null, "params.searchable"));
    IndexSummary summary =
        TestAssembly.of(content, index)
            .withConfig(config)
            .indexer(false)
            .run(false, Indexer.Progress.NONE);

    Map<String, String> skipped = new TreeMap<>();
    for (ContentProblem p : summary.skippedFiles()) skipped.put(p.path(), p.reason());
    assertEquals(
        "excluded from search (search.exclude: true)", skipped.get("docs/hidden.md"), "" + skipped);
    assertEquals(
        "excluded from search (params.searchable: false)",
        skipped.get("internal/notes.md"),
        "" + skipped);
    var bad = summary.warnings().stream().filter(w -> w.path().equals("docs/bad.md")).toList();
    assertEquals(2, bad.size(), bad.toString());
    assertTrue(
        bad.get(0).reason().contains("search.boost: '50' is not a number from 0.1 to 10"),
        bad.toString());
    assertTrue(bad.get(1).reason().contains("search.hide: unknown key"), bad.toString());

    try (var search = OpenedIndex.of(index)) {
      List<String> ids =
          search.search(SearchRequest.of("install agent")).hits().stream().map(Hit::id).toList();
      assertEquals("docs/guide.md", ids.get(0), ids.toString());
      assertEquals("docs/changelog.md", ids.get(ids.size() - 1), ids.toString());
      assertEquals(4, ids.size(), "plain, guide, changelog and bad (indexed without a boost)");
    }
  }
}
