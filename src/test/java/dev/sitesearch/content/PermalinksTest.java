package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Permalink patterns and their tokens, as Hugo's documentation lists them
 * (configuration/permalinks, _common/permalink-tokens).
 */
class PermalinksTest {
  static final PagePlace THREE =
      new PagePlace(
          "en",
          "page",
          "/guides/one/two/three-things",
          List.of("guides", "one", "two"),
          "Three Things",
          "Three Things",
          false,
          List.of("guides", "one", "two"));
  static final PageFacts PAGE =
      new PageFacts(
          THREE,
          "The Title!",
          null,
          null,
          List.of(),
          ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 0, ZoneOffset.UTC),
          List.of("Guides", "One", "Two"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /:year/:month/:day/                  | /2024/03/05/
      /:monthname/:weekday/:weekdayname/   | /March/2/Tuesday/
      /:yearday/                           | /65/
      /:section/:sections/                 | /guides/guides/one/two/
      /:sections[1:]/:sections[last]/      | /one/two/two/
      /:sections[:last]/:sections[9]/x     | /guides/one//x
      /:title/:slug/                       | /the-title/the-title/
      /:filename/:slugorfilename/          | /three-things/three-things/
      /:contentbasename/                   | /three-things/
      /:sectionslug/:sectionslugs/         | /guides/guides/one/two/
      /:06/:1/:2/:15h                      | /24/3/5/14h
      /\\:literal/:year                    | /:literal/2024
      """)
  void tokens_expand_to_the_pages_values(String pattern, String expanded) {
    assertEquals(expanded, Permalinks.expand(pattern, PAGE, UrlStyle.DEFAULT));
  }

  @Test
  void the_first_rule_whose_target_matches_the_page_wins() {
    Permalinks rules =
        Permalinks.read(
            Map.of(
                "page", Map.of("guides/one", "/deep/:slug/"),
                "section", Map.of("guides", "/g/")),
            "permalinks");

    assertEquals("/deep/the-title/", rules.expand(PAGE, UrlStyle.DEFAULT));
    PagePlace section =
        new PagePlace(
            "en",
            "section",
            "/guides",
            List.of("guides"),
            "guides",
            "_index",
            false,
            List.of("guides"));
    assertEquals(
        "/g/",
        rules.expand(
            new PageFacts(section, "", null, null, List.of(), null, List.of()), UrlStyle.DEFAULT));
    PagePlace elsewhere =
        new PagePlace("en", "page", "/news/a", List.of("news"), "a", "a", false, List.of("news"));
    assertNull(
        rules.expand(
            new PageFacts(elsewhere, "", null, null, List.of(), null, List.of()),
            UrlStyle.DEFAULT));
  }

  @Test
  void the_list_form_of_hugo_0_161_takes_targets() {
    Permalinks rules =
        Permalinks.read(
            List.of(
                Map.of(
                    "pattern",
                    "/fr/:slug/",
                    "target",
                    Map.of("sites", Map.of("matrix", Map.of("languages", List.of("fr"))))),
                Map.of("pattern", "/all/:slug/")),
            "permalinks");

    assertEquals("/all/the-title/", rules.expand(PAGE, UrlStyle.DEFAULT));
  }

  @Test
  void an_unknown_token_is_an_error_naming_the_key() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Permalinks.read(Map.of("posts", "/:yeer/:slug/"), "permalinks"));
    assertEquals("permalinks.posts: unknown token :yeer in /:yeer/:slug/", e.getMessage());
  }
}
