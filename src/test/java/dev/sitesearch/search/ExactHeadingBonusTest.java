package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page with a heading that is the query ranks high, however the query is cased, accented or
 * punctuated; a page titled so still comes before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactHeadingBonusTest {
  private static final ExactHeadingBonus ON = new ExactHeadingBonus(300);
  private static final ExactHeadingBonus OFF = new ExactHeadingBonus(0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("mentions", "Tuning the server")
              .body(
                  "Cache invalidation rules, cache invalidation hooks and cache invalidation"
                      + " again, with more cache invalidation."),
          page("heading", "Operations guide")
              .markdown(
                  "Intro.\n\n## Backups\n\nCopy the files.\n\n## Cache Invalidation\n\n"
                      + "Purge the CDN when a page changes."),
          page("other", "Billing").body("Billing and invoices."));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cache invalidation", "CACHE-Invalidation!", "cäche invalidation"})
  void the_page_with_the_heading_as_typed_comes_first(String q) throws Exception {
    assertEquals("heading", index.ids(index.withBonus(q, ON)).get(0));
    assertEquals(
        "mentions",
        index.ids(index.withBonus(q, OFF)).get(0),
        "without the bonus, occurrences win");
  }

  @Test
  void not_for_part_of_a_heading() throws Exception {
    assertEquals("mentions", index.ids(index.withBonus("invalidation", ON)).get(0));
  }

  @Test
  void not_when_the_query_excludes_something() throws Exception {
    assertEquals("mentions", index.ids(index.withBonus("cache invalidation -billing", ON)).get(0));
  }
}
