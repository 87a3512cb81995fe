package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ConfigLoader;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.StoredPage;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes the real site bundled in {@code content/} with the config the command line finds for it
 * ({@code content/sitesearch.yml}: the default schema with its topics as a tree, and the site's own
 * URL rule) and checks what a visitor would see. Others add pages to that folder, so counts are
 * minimums.
 */
class BundledSiteEndToEndTest {
  static final Path CONTENT = Path.of("content");

  @TempDir static Path index;
  static IndexSummary summary;
  static OpenedIndex search;

  @BeforeAll
  static void indexTheSite() throws Exception {
    assertTrue(
        Files.isDirectory(CONTENT), "run from the project folder: " + CONTENT.toAbsolutePath());
    SitesearchConfig config =
        ConfigLoader.load(ConfigLoader.locate(Path.of(""), CONTENT, null), Map.of());
    summary =
        TestAssembly.of(CONTENT, index)
            .withConfig(config)
            .indexer(false)
            .run(false, Indexer.Progress.NONE);
    // The site's own schema (its topic tree), with time enough on a loaded test machine.
    var unhurried =
        config.withServer(
            config
                .server()
                .withLimits(
                    config.server().limits().withSearchTimeout(java.time.Duration.ofSeconds(30))));
    search = OpenedIndex.of(unhurried, index, java.time.Clock.systemUTC());
  }

  @AfterAll
  static void close() throws Exception {
    if (search != null) search.close();
  }

  @Test
  void every_page_of_the_site_is_indexed_without_failures() throws Exception {
    assertEquals(List.of(), summary.failures());
    assertEquals(0, summary.exitCode());
    assertTrue(summary.documents() >= 40, summary.line());
    assertEquals(summary.documents(), search.health().documents());
  }

  @Test
  void drafts_future_and_expired_pages_are_skipped() throws Exception {
    assertTrue(summary.skipped() >= 3, summary.line());
    // drafts 3911, 3604, 3150; 3605 is published in 2031; 3305 expired in 2019
    for (String id : List.of("3911", "3604", "3150", "3605", "3305")) {
      assertTrue(search.document(id).isEmpty(), id + " should not be searchable");
    }
  }

  @Test
  void a_search_for_chronic_care_management_ranks_pages_with_it_in_the_title_first()
      throws Exception {
    SearchResponse r = search.search(SearchRequest.of("chronic care management"));

    assertTrue(r.total() >= 3, "total " + r.total());
    for (SearchResponse.Hit hit : r.hits().subList(0, 3)) {
      assertTrue(hit.title().toLowerCase().contains("chronic care management"), hit.title());
    }
    assertTrue(r.hits().get(0).snippet() != null && !r.hits().get(0).snippet().isBlank());
  }

  @Test
  void the_seed_page_is_stored_with_its_title_url_and_facets() throws Exception {
    StoredPage page = search.document("3118").orElseThrow();

    assertEquals("How to Sell Chronic Care Management to Your Patients", page.title());
    assertEquals(
        "communities/chronic-care-management/curated-content/how-to-sell-chronic-care-management-to-your-patients.md",
        page.path());
    assertEquals(
        "/communities/chronic-care-management/curated-content/medium-how-to-sell-chronic-care-management-to-your-patients/",
        page.url(),
        "basePath and slug, the sample site's own rule");
    assertEquals(
        List.of("/news/how-to-sell-chronic-care-management-to-your-patients/"),
        page.aliases(),
        "its alias is another way in, never its URL");
    Map<String, List<String>> fields = page.fields();
    assertEquals(
        List.of(
            "Medigy: Patient Acquisition",
            "Symplur: Patient Engagement",
            "KLAS: Remote Patient Monitoring"),
        fields.get("communityTopics"));
    assertEquals(List.of("medium.com"), fields.get("link.brand"));
    assertEquals(List.of("News"), fields.get("searchCategory"));
    assertEquals(List.of("2020"), fields.get("year"));
    assertEquals("2020-08-18T07:10:44.534612Z", page.dates().get("date"));
    assertTrue(page.body().length() > 100, page.body());
    assertTrue(!page.body().contains("<") && !page.body().contains("**"), page.body());
  }

  @Test
  void the_seed_page_is_found_through_its_facet_values() throws Exception {
    var request =
        SearchRequest.of("")
            .withFilters(
                Map.of(
                    "link.brand",
                    List.of("medium.com"),
                    "communityTopics",
                    List.of("Symplur: Patient Engagement")));

    SearchResponse r = search.search(request);

    assertTrue(r.hits().stream().anyMatch(h -> h.id().equals("3118")), r.hits().toString());
  }

  @Test
  void the_sites_topics_are_a_tree_of_sources_and_their_topics() throws Exception {
    SearchResponse all = search.search(SearchRequest.of(""));
    var top = all.facets().get("communityTopics");
    var names = top.stream().map(v -> v.value()).toList();
    assertTrue(names.containsAll(List.of("Medigy", "Symplur", "KLAS")), names.toString());
    var symplur = top.stream().filter(v -> v.value().equals("Symplur")).findFirst().orElseThrow();
    assertTrue(
        symplur.children().stream()
            .anyMatch(
                c ->
                    c.value().equals("Symplur: Patient Engagement")
                        && c.label().equals("Patient Engagement")),
        symplur.toString());

    SearchResponse underSymplur =
        search.search(
            SearchRequest.of("").withFilters(Map.of("communityTopics", List.of("Symplur"))));
    assertEquals(symplur.count(), underSymplur.total(), "a source counts every page below it");
    assertTrue(underSymplur.hits().size() > 0 || underSymplur.total() == 0);
  }
}
