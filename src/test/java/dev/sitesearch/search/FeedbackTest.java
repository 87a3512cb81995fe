package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A typed question also finds pages in the words its best answers use (pseudo-relevance feedback),
 * and those words come from the best answers among the pages the visitor is browsing, not from the
 * whole site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackTest {
  static final String QUESTION =
      "how do rural clinics start remote monitoring programs for chronic patients";
  private OpenedIndex opened;
  private SearchService search;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    // News: the best matches site-wide, all about "broadband".
    pages(
        content,
        6,
        "news",
        "News",
        "Rural clinics and remote monitoring",
        "Rural clinics start remote monitoring programs for chronic patients; broadband grants broadband towers "
            + "broadband speeds.");
    writeGuides(content);
    // A page with none of the question's words, in the news pages' vocabulary.
    page(
        content,
        "broadband",
        "Guides",
        "Towers",
        "Broadband towers and broadband speeds, broadband grants.");
    Path index = TestAssembly.indexBeside(content);
    opened = OpenedIndex.of(index);
    search = opened.service();
  }

  @AfterAll
  void close() throws Exception {
    opened.close();
  }

  /**
   * The guides, which {@link FacetValuesAgreeWithSidebarTest} shares: fewer of the question's
   * words, all about "enrollment"; and a page with none of the question's words, in their
   * vocabulary.
   */
  static void writeGuides(Path content) throws IOException {
    pages(
        content,
        4,
        "guide",
        "Guides",
        "Starting a program",
        "Clinics start monitoring programs with enrollment checklists, enrollment forms and enrollment calls.");
    page(
        content,
        "enrollment",
        "Guides",
        "Checklist",
        "An enrollment checklist: enrollment forms, enrollment calls.");
  }

  /**
   * {@code n} pages alike but for their number, which ends their id and title ({@code news0},
   * "Rural clinics… 0" and so on).
   */
  static void pages(Path dir, int n, String id, String category, String title, String body)
      throws IOException {
    for (int i = 0; i < n; i++) page(dir, id + i, category, title + " " + i, body);
  }

  /**
   * A page of the question's small site, dated alike; {@link FacetValuesAgreeWithSidebarTest}
   * writes its site with it too.
   */
  static void page(Path dir, String id, String category, String title, String body)
      throws IOException {
    String frontMatter =
        "id: %s\ntitle: \"%s\"\nsearchCategory: %s\ndate: 2024-01-01"
            .formatted(id, title, category);
    ContentFiles.page(dir, id + ".md", frontMatter, body);
  }

  private List<String> ids(SearchRequest request) throws Exception {
    return search.search(request.withSize(20)).hits().stream().map(SearchResponse.Hit::id).toList();
  }

  @Test
  void a_question_also_finds_a_page_in_the_words_of_its_best_answers() throws Exception {
    List<String> all = ids(SearchRequest.of(QUESTION));

    assertTrue(all.contains("broadband"), "the site's best answers talk of broadband: " + all);
  }

  @Test
  void within_a_filter_those_words_come_from_the_best_answers_in_the_filter() throws Exception {
    List<String> guides =
        ids(SearchRequest.of(QUESTION).withFilters(Map.of("searchCategory", List.of("Guides"))));

    assertTrue(guides.contains("enrollment"), "the guides talk of enrollment: " + guides);
    assertFalse(
        guides.contains("broadband"), "not of broadband, which only the news pages do: " + guides);
  }

  @Test
  void a_question_on_a_site_where_every_page_shares_its_words_is_answered(@TempDir Path tmp)
      throws Exception {
    Path content = tmp.resolve("content");
    pages(
        content,
        4,
        "same",
        "News",
        "Same page",
        "Rural clinics start remote monitoring programs with grants.");
    Path index = TestAssembly.indexBeside(content);

    // Every word of the best answers is on every page: none tells a page apart, so no feedback word
    // is added (its weight would be 0 / 0, which Lucene refuses as a boost).
    try (var opened = OpenedIndex.of(index)) {
      assertEquals(4, opened.search(SearchRequest.of(QUESTION)).total());
    }
  }
}
