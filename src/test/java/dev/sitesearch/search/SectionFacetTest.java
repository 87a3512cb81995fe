package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.search.SearchResponse.Crumb;
import dev.sitesearch.search.SearchResponse.FacetValue;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugo's sections as the built-in {@code section} facet, a tree walked from the top, and as each
 * hit's breadcrumbs: a small docs-and-blog site.
 */
class SectionFacetTest {
  @TempDir Path tmp;

  private OpenedIndex site() throws IOException {
    Path site = tmp.resolve("site");
    ContentFiles.write(site, "hugo.toml", "baseURL = 'https://example.org/'\n");
    Path content = site.resolve("content");
    ContentFiles.page(
        content, "docs/_index.md", "title: Documentation", "All the docs about pods.");
    ContentFiles.page(content, "docs/concepts/_index.md", "title: Concepts", "Ideas.");
    ContentFiles.page(content, "docs/concepts/workloads/_index.md", "title: Workloads", "Run.");
    ContentFiles.page(content, "docs/concepts/workloads/pods.md", "title: Pods", "Pods run.");
    ContentFiles.page(content, "docs/concepts/services.md", "title: Services", "Pods serve.");
    ContentFiles.page(content, "docs/tasks/_index.md", "title: Tasks", "Do things.");
    ContentFiles.page(content, "docs/tasks/scale.md", "title: Scale", "Scale your pods.");
    ContentFiles.page(content, "blog/pods-at-scale.md", "title: Pods at scale", "We ran pods.");
    return OpenedIndex.of(TestAssembly.indexBeside(content));
  }

  private static String counts(SearchResponse response) {
    return response.facets().get("section").stream()
        .map(v -> v.value() + "=" + v.count() + (v.selected() ? "*" : ""))
        .toList()
        .toString();
  }

  private static SearchResponse search(OpenedIndex index, String q, String... sections)
      throws IOException {
    return index.search(
        SearchRequest.of(q)
            .withFilters(sections.length == 0 ? Map.of() : Map.of("section", List.of(sections))));
  }

  @Test
  void the_top_sections_are_counted_and_a_selected_one_opens_its_subsections() throws Exception {
    try (var index = site()) {
      assertEquals("[docs=4, blog=1]", counts(search(index, "pods")));

      SearchResponse concepts = search(index, "pods", "docs/concepts");
      assertEquals(
          "[docs=4, docs/concepts=2*, docs/concepts/workloads=1, docs/tasks=1, blog=1]",
          counts(concepts));
      assertEquals(
          List.of("Pods", "Services"),
          concepts.hits().stream().map(Hit::title).sorted().toList(),
          "a section holds the pages of its subsections");
    }
  }

  @Test
  void each_hit_has_breadcrumbs_naming_and_linking_its_sections() throws Exception {
    try (var index = site()) {
      Hit pods =
          search(index, "pods").hits().stream()
              .filter(h -> h.title().equals("Pods"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          List.of(
              new Crumb("docs", "Documentation", "/docs/"),
              new Crumb("docs/concepts", "Concepts", "/docs/concepts/"),
              new Crumb("docs/concepts/workloads", "Workloads", "/docs/concepts/workloads/")),
          pods.breadcrumbs());
      Hit post =
          search(index, "pods").hits().stream()
              .filter(h -> h.title().equals("Pods at scale"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          List.of(new Crumb("blog", "blog", null)),
          post.breadcrumbs(),
          "a section without a page is named by its folder, unlinked");
    }
  }

  @Test
  void the_tree_keeps_a_selected_section_that_finds_nothing() {
    List<FacetValue> values =
        SectionTree.values(Map.of("docs", 3L, "docs/a", 2L, "blog", 1L), List.of("docs/b"), 10);
    assertEquals(
        List.of(
            new FacetValue("docs", 3, false),
            new FacetValue("docs/a", 2, false),
            new FacetValue("docs/b", 0, true),
            new FacetValue("blog", 1, false)),
        values);
  }
}
