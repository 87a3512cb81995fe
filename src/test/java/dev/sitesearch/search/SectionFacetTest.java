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
    return tree(response.facets().get("section"));
  }

  /** A tree as text: path=count, a star when selected, children in braces. */
  private static String tree(List<FacetValue> values) {
    var parts = new java.util.ArrayList<String>();
    for (FacetValue v : values) {
      String s = v.value() + "=" + v.count() + (v.selected() ? "*" : "");
      if (!v.children().isEmpty()) s += " " + tree(v.children());
      parts.add(s);
    }
    return "[" + String.join(", ", parts) + "]";
  }

  private static SearchResponse search(OpenedIndex index, String q, String... sections)
      throws IOException {
    return index.search(
        SearchRequest.of(q)
            .withFilters(sections.length == 0 ? Map.of() : Map.of("section", List.of(sections))));
  }

  @Test
  void the_sections_are_a_tree_each_counting_the_pages_below_it() throws Exception {
    try (var index = site()) {
      assertEquals(
          "[docs=4 [docs/concepts=2 [docs/concepts/workloads=1], docs/tasks=1], blog=1]",
          counts(search(index, "pods")));

      SearchResponse concepts = search(index, "pods", "docs/concepts");
      assertEquals(
          "[docs=4 [docs/concepts=2* [docs/concepts/workloads=1], docs/tasks=1], blog=1]",
          counts(concepts),
          "a selected section keeps its siblings, counted as if it were not ticked");
      assertEquals(
          "workloads",
          concepts.facets().get("section").get(0).children().get(0).children().get(0).label());
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
  void the_tree_keeps_a_selected_section_that_finds_nothing() throws Exception {
    List<FacetValue> values =
        FacetTree.values(
            Map.of("docs", 3L, "docs/a", 2L, "blog", 1L),
            List.of("docs/b"),
            10,
            "/",
            (value, alone) -> alone);
    assertEquals("[docs=3 [docs/a=2, docs/b=0*], blog=1]", tree(values));
  }

  @Test
  void each_level_lists_its_most_counted_values_and_always_the_selected_path() throws Exception {
    List<FacetValue> values =
        FacetTree.values(
            Map.of("a", 9L, "a/x", 5L, "a/y", 3L, "a/z", 1L, "b", 4L, "c", 2L, "c/q", 2L),
            List.of("c/q"),
            2,
            "/",
            (value, alone) -> alone);
    assertEquals("[a=9 [a/x=5, a/y=3], b=4, c=2 [c/q=2*]]", tree(values));
  }
}
