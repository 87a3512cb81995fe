package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental runs over a Hugo site: a page's address and whether it is published also depend on
 * files other than its own (the site's config, a section's cascade, a new bundle), so a change
 * there reads every page again; an edit of a page alone stays incremental.
 */
class HugoSiteIndexingTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path site;
  Path content;
  Path index;

  @BeforeEach
  void site() throws IOException {
    site = tmp.resolve("site");
    content = site.resolve("content");
    index = tmp.resolve("index");
    ContentFiles.edit(site, "hugo.toml", "baseURL = 'https://example.org/'\n");
    page("docs/_index.md", "title: Docs");
    page("docs/pumps.md", "title: Pumps");
    page("docs/valves.md", "title: Valves");
    page("notes/pump-notes.md", "title: Pump notes");
  }

  private void page(String rel, String frontMatter) throws IOException {
    ContentFiles.editPage(content, rel, frontMatter, "Words about pumps and valves.");
  }

  private IndexSummary run() throws IOException {
    return new Indexer(
            content, index, Seed.schema(), new PageReader(5_000_000, false, CLOCK), 2, CLOCK)
        .run(false, Indexer.Progress.NONE);
  }

  /** Every indexed page's URL, by title. */
  private Map<String, String> urls() throws IOException {
    try (var search = OpenedIndex.of(index)) {
      var out = new TreeMap<String, String>();
      for (SearchResponse.Hit hit : search.search(SearchRequest.of("").withSize(100)).hits())
        out.put(hit.title(), hit.url());
      return out;
    }
  }

  @Test
  void a_page_edit_alone_stays_incremental() throws Exception {
    run();
    page("docs/pumps.md", "title: Pumps, revised");

    IndexSummary s = run();

    assertEquals("incremental", s.mode(), s.line());
    assertEquals(1, s.updated(), s.line());
  }

  @Test
  void a_new_cascade_in_a_section_takes_its_pages_out_at_once() throws Exception {
    run();

    page("docs/_index.md", "title: Docs\ncascade:\n  build:\n    render: never");
    IndexSummary s = run();

    assertEquals("full", s.mode(), s.line());
    assertEquals("Hugo site changed: config, bundles, sections or cascades", s.reason());
    assertEquals(Map.of("Pump notes", "/notes/pump-notes/"), urls());
    assertEquals(
        List.of("docs/_index.md", "docs/pumps.md", "docs/valves.md"),
        s.skippedFiles().stream().map(ContentProblem::path).toList());
  }

  @Test
  void a_new_leaf_bundle_turns_its_neighbours_into_resources() throws Exception {
    run();

    page("docs/index.md", "title: The docs bundle");
    IndexSummary s = run();

    assertEquals("full", s.mode(), s.line());
    assertEquals(Map.of("The docs bundle", "/docs/", "Pump notes", "/notes/pump-notes/"), urls());
    assertTrue(
        s.skippedFiles().stream().allMatch(p -> p.reason().contains("leaf bundle docs/index.md")),
        s.skippedFiles().toString());
  }

  @Test
  void a_changed_hugo_config_moves_every_page() throws Exception {
    run();

    ContentFiles.edit(
        site,
        "hugo.toml",
        "baseURL = 'https://example.org/manual/'\n[permalinks]\nnotes = '/n/:slug/'\n");
    IndexSummary s = run();

    assertEquals("full", s.mode(), s.line());
    assertEquals(
        Map.of(
            "Docs", "/manual/docs/",
            "Pumps", "/manual/docs/pumps/",
            "Valves", "/manual/docs/valves/",
            "Pump notes", "/manual/n/pump-notes/"),
        urls());
    assertEquals("incremental", run().mode(), "and the next run is incremental again");
  }
}
