package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    Files.createDirectories(content);
    // News: the best matches site-wide, all about "broadband".
    for (int i = 0; i < 6; i++) {
      page(
          content,
          "news" + i,
          "News",
          "Rural clinics and remote monitoring " + i,
          "Rural clinics start remote monitoring programs for chronic patients; broadband grants broadband towers "
              + "broadband speeds.");
    }
    // Guides: fewer query words, all about "enrollment".
    for (int i = 0; i < 4; i++) {
      page(
          content,
          "guide" + i,
          "Guides",
          "Starting a program " + i,
          "Clinics start monitoring programs with enrollment checklists, enrollment forms and enrollment calls.");
    }
    // Pages with none of the question's words, one per vocabulary.
    page(
        content,
        "enrollment",
        "Guides",
        "Checklist",
        "An enrollment checklist: enrollment forms, enrollment calls.");
    page(
        content,
        "broadband",
        "Guides",
        "Towers",
        "Broadband towers and broadband speeds, broadband grants.");
    var clock = Clock.systemUTC();
    Path index = tmp.resolve("index");
    new Indexer(
            content, index, Schema.defaults(), new PageReader(1_000_000, false, clock), 2, clock)
        .run(false, Indexer.Progress.NONE);
    opened = OpenedIndex.of(index);
    search = opened.service();
  }

  @AfterAll
  void close() throws Exception {
    opened.close();
  }

  private static void page(Path dir, String id, String category, String title, String body)
      throws Exception {
    Files.writeString(
        dir.resolve(id + ".md"),
        "---\nid: "
            + id
            + "\ntitle: \""
            + title
            + "\"\nsearchCategory: "
            + category
            + "\ndate: 2024-01-01\n---\n"
            + body
            + "\n");
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
    Path content = Files.createDirectories(tmp.resolve("content"));
    for (int i = 0; i < 4; i++) {
      page(
          content,
          "same" + i,
          "News",
          "Same page " + i,
          "Rural clinics start remote monitoring programs with grants.");
    }
    var clock = Clock.systemUTC();
    Path index = tmp.resolve("index");
    new Indexer(
            content, index, Schema.defaults(), new PageReader(1_000_000, false, clock), 2, clock)
        .run(false, Indexer.Progress.NONE);

    // Every word of the best answers is on every page: none tells a page apart, so no feedback word
    // is added (its
    // weight would be 0 / 0, which Lucene refuses as a boost).
    try (var opened = OpenedIndex.of(index)) {
      assertEquals(4, opened.search(SearchRequest.of(QUESTION)).total());
    }
  }
}
