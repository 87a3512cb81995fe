package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.RelatedRequest.PageKey;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related pages on a small bilingual Hugo site: words, shared tags and the same section blend; ties
 * go to the newer page; never the page itself, another language, a list page or a draft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedPagesTest {
  private OpenedIndex index;

  private static final String SAMPLING =
      "Sampling keeps a share of the traces a collector receives. Tail sampling decides after the"
          + " trace is complete; head sampling decides at the first span.";
  private static final String PIPELINE =
      "A collector pipeline receives spans, batches them and exports them to a tracing backend.";

  @BeforeAll
  void site(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    ContentFiles.write(
        site,
        "hugo.toml",
        """
        baseURL = 'https://example.org/'
        defaultContentLanguage = 'en'
        [languages.en]
          weight = 1
        [languages.fr]
          weight = 2
        """);
    Path content = site.resolve("content");
    page(content, "_index.md", "home", "Home", "2024-01-01", List.of(), SAMPLING);
    page(content, "docs/_index.md", "docs", "Docs", "2024-01-01", List.of(), "The docs.");
    page(
        content,
        "docs/tracing/sampling.md",
        "p",
        "Sampling traces",
        "2023-01-01",
        List.of("pipelines", "sampling"),
        SAMPLING);
    // The same words, twice: equal scores, so the newer one comes first.
    page(
        content,
        "docs/tracing/tail-old.md",
        "twin-old",
        "Tail sampling",
        "2022-01-01",
        List.of("sampling"),
        SAMPLING);
    page(
        content,
        "docs/tracing/tail-new.md",
        "twin-new",
        "Tail sampling",
        "2024-06-01",
        List.of("sampling"),
        SAMPLING);
    // Equal words; one shares a rare tag (pipelines) with p, the other is newer.
    page(
        content,
        "blog/collector-tagged.md",
        "tagged",
        "Collector pipelines",
        "2021-01-01",
        List.of("pipelines"),
        PIPELINE);
    page(
        content,
        "blog/collector-plain.md",
        "plain",
        "Collector pipelines",
        "2025-01-01",
        List.of(),
        PIPELINE);
    // Equal words; one in p's section, the other newer.
    page(
        content,
        "docs/tracing/batching.md",
        "near",
        "Batching spans",
        "2020-01-01",
        List.of(),
        "Batching spans before export saves requests.");
    page(
        content,
        "blog/batching.md",
        "far",
        "Batching spans",
        "2025-02-01",
        List.of(),
        "Batching spans before export saves requests.");
    page(
        content,
        "docs/tracing/sampling.fr.md",
        "p-fr",
        "Échantillonnage",
        "2024-01-01",
        List.of("pipelines", "sampling"),
        SAMPLING);
    ContentFiles.write(
        content,
        "docs/tracing/draft.md",
        "---\nid: draft\ntitle: Sampling draft\ndraft: true\ntags: [pipelines, sampling]\n---\n"
            + SAMPLING
            + "\n");
    ContentFiles.write(
        content, "unrelated.md", "---\nid: cake\ntitle: Cake\n---\nFlour and eggs.\n");
    index = OpenedIndex.of(TestAssembly.indexBeside(content));
    // A cold JVM on a busy machine may spend the first searches' time limit loading classes.
    for (int i = 0; i < 10; i++) {
      if (!index.service().related(RelatedRequest.of(new PageKey.Id("p"))).orElseThrow().partial())
        break;
    }
  }

  private static void page(
      Path content,
      String rel,
      String id,
      String title,
      String date,
      List<String> tags,
      String body)
      throws IOException {
    ContentFiles.page(
        content,
        rel,
        "id: " + id + "\ntitle: " + title + "\ndate: " + date + "\ntags: " + tags + "\n",
        body + "\n");
  }

  private static List<String> ids(List<SearchResponse.Hit> hits) {
    return hits.stream().map(SearchResponse.Hit::id).toList();
  }

  @AfterAll
  void close() throws IOException {
    if (index != null) index.close();
  }

  private List<String> related(String id, int size) throws IOException {
    var request = new RelatedRequest(new PageKey.Id(id), Map.of(), null, null, size);
    RelatedResponse answer = index.service().related(request).orElseThrow();
    assertFalse(answer.partial(), "in time");
    return ids(answer.hits());
  }

  @Test
  void the_pages_sharing_the_most_words_come_first_and_never_the_page_itself() throws IOException {
    List<String> ids = related("p", 20);
    assertEquals(List.of("twin-new", "twin-old"), ids.subList(0, 2), ids::toString);
    assertFalse(ids.contains("p"), ids::toString);
    assertFalse(ids.contains("cake"), "nothing in common: " + ids);
  }

  @Test
  void equal_scores_go_to_the_newer_page() throws IOException {
    List<String> ids = related("twin-old", 20);
    assertEquals("twin-new", ids.get(0), ids::toString);
    List<String> other = related("twin-new", 20);
    assertEquals("twin-old", other.get(0), other::toString);
    // Both twins are equally like p: the newer one first.
    List<String> fromP = related("p", 20);
    assertTrue(fromP.indexOf("twin-new") < fromP.indexOf("twin-old"), fromP::toString);
  }

  @Test
  void a_shared_rare_tag_lifts_a_page_above_a_newer_one_with_the_same_words() throws IOException {
    List<String> ids = related("p", 20);
    assertTrue(ids.contains("tagged"), ids::toString);
    assertTrue(
        !ids.contains("plain") || ids.indexOf("tagged") < ids.indexOf("plain"), ids::toString);
    List<String> fromTagged = related("plain", 20);
    assertEquals("tagged", fromTagged.get(0), fromTagged::toString);
  }

  @Test
  void the_same_section_lifts_a_page_above_a_newer_one_with_the_same_words() throws IOException {
    List<String> ids = related("p", 20);
    assertTrue(
        ids.indexOf("near") >= 0
            && (!ids.contains("far") || ids.indexOf("near") < ids.indexOf("far")),
        ids::toString);
  }

  @Test
  void never_another_language_a_list_page_or_a_draft() throws IOException {
    List<String> ids = related("p", 20);
    assertFalse(ids.contains("p-fr"), "French page: " + ids);
    assertFalse(ids.contains("home"), "the home page lists pages: " + ids);
    assertFalse(ids.contains("draft"), "drafts are not published: " + ids);
    List<String> french = related("p-fr", 20);
    assertTrue(french.stream().noneMatch(id -> !id.endsWith("-fr")), french::toString);
  }

  @Test
  void the_size_is_kept_and_filters_narrow_the_list() throws IOException {
    assertEquals(2, related("p", 2).size());
    var tagged =
        new RelatedRequest(
            new PageKey.Id("p"), Map.of("tags", List.of("pipelines")), null, null, 20);
    assertEquals(List.of("tagged"), ids(index.service().related(tagged).orElseThrow().hits()));
  }

  @Test
  void a_page_is_found_by_its_address_in_the_forms_a_browser_sends() throws IOException {
    String url = index.document("p").orElseThrow().url();
    for (String form :
        List.of(
            url,
            url.substring(0, url.length() - 1),
            url + "index.html",
            "https://example.org" + url + "?from=menu#top")) {
      var found = index.service().related(RelatedRequest.of(new PageKey.Url(form)));
      assertEquals("p", found.orElseThrow().id(), form);
    }
    assertTrue(
        index.service().related(RelatedRequest.of(new PageKey.Url("/no/such/page/"))).isEmpty());
    assertTrue(index.service().related(RelatedRequest.of(new PageKey.Id("draft"))).isEmpty());
  }
}
