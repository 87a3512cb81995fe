package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every heading of a page opens a section: its level, its text as a reader sees it, the id Hugo
 * gives it, and where it starts in the page's text (the section's text runs to the next heading).
 */
class PageSectionsTest {
  private static final String PAGE =
      """
      Intro before any heading.

      # Install

      Get the package.

      ## On Linux {#linux}

      Use apt.

      ```
      ## not a heading
      ```

      Setext title
      ------------

      Last words.
      """;

  @Test
  void headings_open_sections_that_start_where_their_text_starts() {
    MarkdownText.Rendered r = MarkdownText.render(PAGE);
    assertEquals(
        List.of(
            new PageSection(1, "Install", "install", r.text().indexOf("Install")),
            new PageSection(2, "On Linux", "linux", r.text().indexOf("On Linux")),
            new PageSection(2, "Setext title", "setext-title", r.text().indexOf("Setext title"))),
        r.sections());
    String linux = r.text().substring(r.sections().get(1).start(), r.sections().get(2).start());
    assertTrue(linux.contains("Use apt."), linux);
    assertTrue(linux.contains("## not a heading"), "code stays text of its section: " + linux);
    assertTrue(r.text().startsWith("Intro before any heading."), r.text());
    assertEquals(-1, r.text().indexOf('\uE000'), "no marks left in the text");
  }

  @Test
  void ids_follow_the_sites_setting() {
    String md = "## Ünïcödé déjà vu\n\n## Ünïcödé déjà vu\n\n## C++ & Go\n";
    assertEquals(
        List.of("ünïcödé-déjà-vu", "ünïcödé-déjà-vu-1", "c--go"),
        anchors(md, HeadingIds.HUGO_DEFAULT));
    assertEquals(
        List.of("unicode-deja-vu", "unicode-deja-vu-1", "c--go"),
        anchors(md, new HeadingIds(true, HeadingIds.Type.GITHUB_ASCII)));
    assertEquals(
        List.of("ünïcödé-déjà-vu", "ünïcödé-déjà-vu-1", "c-go"),
        anchors(md, new HeadingIds(true, HeadingIds.Type.BLACKFRIDAY)));
    assertEquals(
        List.of("", "", ""), anchors(md, new HeadingIds(false, HeadingIds.Type.GITHUB)), "off");
  }

  @Test
  void repeated_headings_number_past_ids_already_taken() {
    assertEquals(
        List.of("a-2", "a", "a-1", "a-3", "a-4"),
        anchors("## X {#a-2}\n\n## a\n\n## a\n\n## a\n\n## a\n", HeadingIds.HUGO_DEFAULT));
    List<String> many = anchors("## a\n\n".repeat(3000), HeadingIds.HUGO_DEFAULT);
    assertEquals("a-2999", many.getLast(), "and thousands of them stay cheap");
  }

  @Test
  void a_private_use_mark_in_the_content_does_not_confuse_the_sections() {
    MarkdownText.Rendered r = MarkdownText.render("a \uE000 b\n\n## H\n\ntext");
    assertEquals(1, r.sections().size());
    assertTrue(r.text().startsWith("H", r.sections().getFirst().start()), r.text());
  }

  @Test
  void the_setting_is_read_from_the_hugo_config_and_a_wrong_value_names_its_key() {
    Map<String, Object> config =
        Map.of(
            "markup",
            Map.of("goldmark", Map.of("parser", Map.of("autoheadingidtype", "github-ascii"))));
    assertEquals(new HeadingIds(true, HeadingIds.Type.GITHUB_ASCII), HeadingIds.read(config));
    assertEquals(HeadingIds.HUGO_DEFAULT, HeadingIds.read(Map.of()));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HeadingIds.read(
                    Map.of(
                        "markup",
                        Map.of("goldmark", Map.of("parser", Map.of("autoheadingidtype", "x"))))));
    assertTrue(e.getMessage().contains("autoHeadingIDType"), e.getMessage());
  }

  private static List<String> anchors(String md, HeadingIds ids) {
    return MarkdownText.render(md, ids).sections().stream().map(PageSection::anchor).toList();
  }
}
