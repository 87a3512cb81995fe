package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageReaderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  private final PageReader reader = new PageReader(5_000_000, false, CLOCK);
  private final PageReader withDrafts = new PageReader(5_000_000, true, CLOCK);

  private SourceFile file(String rel, byte[] bytes) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return new SourceFile(rel, p, Files.size(p), Files.getLastModifiedTime(p).toMillis());
  }

  private SourceFile file(String rel, String text) throws IOException {
    return file(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The page the reader makes of {@code text} at {@code rel}; fails unless it makes one. */
  private ContentPage page(String rel, String text) throws IOException {
    return parsed(reader.read(file(rel, text)));
  }

  private ContentPage parsed(ReadOutcome outcome) {
    return assertInstanceOf(
            ReadOutcome.Parsed.class, outcome, () -> "expected a page, got " + outcome)
        .page();
  }

  private ContentProblem failed(ReadOutcome outcome) {
    return assertInstanceOf(
            ReadOutcome.Failed.class, outcome, () -> "expected a failure, got " + outcome)
        .problem();
  }

  // --- title
  // -------------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      front matter first                  | a.md                           | ---\\ntitle: " Front Title "\\n---\\n# Heading Title\\n         | Front Title
      then the first heading, no markup   | a.md                           | Intro line.\\n\\n## The *First* Heading\\n\\n# Second\\n         | The First Heading
      inline html in a heading: no tags   | a.md                           | # Using <code>kubectl</code> with <em>care</em>\\n\\nText.\\n | Using kubectl with care
      else the file name                  | getting-started.md             | Just a paragraph.\\n                                          | Getting started
      else the file name, underscores     | guides/setup_notes.markdown    | Just a paragraph.\\n                                          | Setup notes
      else the folder of an index page    | guides/billing-codes/index.md  | Just a paragraph.\\n                                          | Billing codes
      else the folder of a section page   | guides/billing-codes/_index.md | Just a paragraph.\\n                                          | Billing codes
      """)
  void title_comes_from_front_matter_then_the_first_heading_then_the_file_name(
      String why, String rel, String text, String title) throws Exception {
    ContentPage page = page(rel, text.replace("\\n", "\n"));

    assertEquals(title, page.title(), why);
  }

  // --- body
  // --------------------------------------------------------------------------------------------------------

  @Test
  void body_is_plain_text_without_markup_html_or_script_and_keeps_code() throws Exception {
    ContentPage page =
        page(
            "a.md",
            """
        ---
        title: Rendering
        ---
        # Heading

        Some **bold** and _italic_ text with a [link label](https://example.org/x) and `inline code`.

        <div class="note">Boxed <b>note</b> &amp; more</div>

        A paragraph with <span class="x">inline html</span> and <script>stealCookies()</script> after.

        <script>
        document.write('tracking pixel');
        </script>

        <style>.hidden { display: none }</style>

        ```java
        int answer = 42;
        ```

            indented code block

        - list item one
        - list item two
        """);

    String body = page.body();
    for (String kept :
        List.of(
            "Heading",
            "Some bold and italic text with a link label and inline code.",
            "Boxed",
            "note",
            "& more",
            "inline html",
            "after",
            "int answer = 42;",
            "indented code block",
            "list item one",
            "list item two")) {
      assertTrue(body.contains(kept), () -> "missing '" + kept + "' in:\n" + body);
    }
    for (String dropped :
        List.of(
            "**",
            "_italic_",
            "](",
            "https://example.org",
            "<",
            ">",
            "```",
            "stealCookies",
            "tracking pixel",
            "display: none",
            "&amp;")) {
      assertFalse(body.contains(dropped), () -> "'" + dropped + "' should not be in:\n" + body);
    }
  }

  @Test
  void description_is_read_from_front_matter() throws Exception {
    ContentPage page = page("a.md", "---\ndescription: '  Short summary. '\n---\nBody\n");

    assertEquals("Short summary.", page.description());
  }

  @Test
  void a_byte_order_mark_before_the_front_matter_is_ignored() throws Exception {
    ContentPage page = page("a.md", "\uFEFF---\ntitle: With BOM\n---\nBody\n");

    assertEquals("With BOM", page.title());
  }

  // --- identity
  // ----------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      from front matter, a number as text | news/a.md      | ---\\nid: 3118\\n---\\nBody\\n | 3118
      else the relative path              | news/deep/a.md | Body\\n                          | news/deep/a.md
      """)
  void id_comes_from_front_matter_else_the_relative_path(
      String why, String rel, String text, String id) throws Exception {
    ContentPage page = page(rel, text.replace("\\n", "\n"));

    assertEquals(id, page.id(), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      url wins over everything         | news/a.md         | url: /custom/\\naliases: [/old/]\\nslug: s | /custom/
      an alias is never the url        | news/a.md         | aliases: [/first/, /second/]                      | /news/a/
      a single alias neither           | news/a.md         | aliases: /only-alias                              | /news/a/
      slug replaces the file name      | news/a.md         | slug: my-page                                     | /news/my-page/
      basePath is no Hugo field        | news/a.md         | basePath: /communities/ccm/\\nslug: my-page     | /news/my-page/
      derived from the path            | news/deep/a-b.md  | title: x                                          | /news/deep/a-b/
      lower case, spaces as hyphens    | News/My Page.md   | title: x                                          | /news/my-page/
      leaf bundle is its folder        | guides/setup/index.md | title: x                                      | /guides/setup/
      root index page is the site root | _index.md         | title: x                                          | /
      """)
  void url_follows_hugo_rules(String why, String rel, String frontMatter, String url)
      throws Exception {
    String text = "---\n" + frontMatter.replace("\\n", "\n") + "\n---\nBody\n";

    ContentPage page = page(rel, text);

    assertEquals(url, page.url(), why);
  }

  @Test
  void aliases_are_kept_as_other_urls_resolved_as_hugo_writes_their_redirects() throws Exception {
    ContentPage page = page("news/a.md", "---\naliases: [/old/a, older, ../up/a]\n---\nBody\n");

    assertEquals("/news/a/", page.url());
    assertEquals(List.of("/old/a/", "/news/older/", "/up/a/"), page.address().aliases());
    assertNull(page.address().permalink(), "no baseURL, no absolute permalink");
  }

  @Test
  void a_key_without_a_value_is_kept_as_none_and_the_page_is_read() throws Exception {
    // OpenTelemetry's blog writes "issue:" with nothing after it; Hugo publishes the page.
    ContentPage page = page("blog/a.md", "---\ntitle: T\nissue:\nsig: GC\n---\nBody\n");

    assertEquals("T", page.title());
    assertNull(page.value("issue"));
    assertEquals("GC", page.value("sig"));
  }

  @Test
  void a_bare_folder_knows_no_language_and_the_page_knows_its_kind_and_sections() throws Exception {
    ContentPage page = page("Docs/Guide/index.md", "---\ntitle: G\n---\nBody\n");

    assertEquals(new ContentPage.Place("", "page", List.of("docs")), page.place());
  }

  // --- publishing rules
  // --------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      draft                         | draft: true                              | draft
      draft as text                 | draft: "true"                            | draft
      future publishDate            | publishDate: 2025-07-01T00:00:00Z         | future date
      future date                   | date: "2026-01-01"                       | future date
      publishDate wins over date    | date: 2020-01-01\\npublishDate: 2030-01-01 | future date
      past expiryDate               | expiryDate: 2025-05-31T23:59:59Z          | expired
      expiryDate exactly now        | expiryDate: 2025-06-01T00:00:00Z          | expired
      """)
  void unpublished_pages_are_skipped_with_a_reason_and_let_in_with_include_drafts(
      String why, String frontMatter, String reason) throws Exception {
    SourceFile file =
        file("a.md", "---\ntitle: T\n" + frontMatter.replace("\\n", "\n") + "\n---\nBody\n");

    var skipped = assertInstanceOf(ReadOutcome.Skipped.class, reader.read(file), why);
    assertEquals("a.md", skipped.path());
    assertTrue(skipped.reason().startsWith(reason), skipped.reason());

    assertEquals("T", parsed(withDrafts.read(file)).title());
  }

  @Test
  void published_pages_are_indexed_and_remember_a_future_expiry() throws Exception {
    ContentPage page =
        page(
            "a.md",
            """
        ---
        draft: false
        date: 2025-05-31T23:59:59Z
        publishDate: 2025-06-01T00:00:00Z
        expiryDate: 2025-12-31T00:00:00Z
        ---
        Body
        """);

    assertEquals(Instant.parse("2025-12-31T00:00:00Z"), page.expiresAt());
  }

  @Test
  void a_page_without_dates_never_expires() throws Exception {
    assertNull(page("a.md", "Body\n").expiresAt());
  }

  @Test
  void an_unreadable_date_is_a_warning_and_the_page_is_still_read() throws Exception {
    ContentPage page = page("a.md", "---\ntitle: T\npublishDate: next tuesday\n---\nBody\n");

    assertEquals(1, page.warnings().size(), page.warnings().toString());
    ContentProblem w = page.warnings().get(0);
    assertEquals("a.md", w.path());
    assertTrue(w.reason().startsWith("publishDate:"), w.reason());
  }

  @Test
  void a_title_that_is_a_map_is_a_warning_and_the_title_falls_back() throws Exception {
    ContentPage page = page("x/a.md", "---\ntitle: {en: Hello}\n---\n# Heading\n");

    assertEquals("Heading", page.title());
    assertEquals(
        List.of(
            ContentProblem.of(
                "x/a.md", "title: expected text, found a map; the field is left out")),
        page.warnings());
  }

  @Test
  void a_title_over_the_limit_is_cut_with_a_warning_and_the_page_kept() throws Exception {
    String longTitle = "word ".repeat(200_000) + "end";

    ContentPage page = page("x/long.md", "---\ntitle: " + longTitle + "\n---\nBody\n");

    assertEquals(longTitle.substring(0, PageReader.MAX_TITLE_CHARS).strip(), page.title());
    assertEquals(
        List.of(ContentProblem.of("x/long.md", "title: 1000003 characters, cut to the first 1000")),
        page.warnings());
  }

  @Test
  void control_characters_are_removed_from_title_description_and_body_and_tabs_and_newlines_kept()
      throws Exception {
    ContentPage page =
        page(
            "c.md",
            "---\ntitle: \"Bell\\a NUL\\0 \\e[31mred\"\n"
                + "description: \"a\\x01b\\x7fc\\u0085d\\te\"\n---\nRaw \u0007bell\u001B[2J and\u0080\n\ntwo.\n");

    assertEquals("Bell NUL [31mred", page.title());
    assertEquals("abcd\te", page.description());
    assertEquals("Raw bell[2J and\n\ntwo.", page.body());
  }

  // --- bad content
  // -------------------------------------------------------------------------------------------------

  @Test
  void malformed_yaml_fails_with_path_line_and_column() throws Exception {
    ContentProblem p =
        failed(
            reader.read(file("news/bad.md", "---\ntitle: ok\ntags: [a, b\ndate: x\n---\nBody\n")));

    assertEquals("news/bad.md", p.path());
    assertTrue(p.line() >= 3 && p.line() <= 5, "line " + p.line());
    assertTrue(p.column() > 0, "column " + p.column());
    assertTrue(p.reason().startsWith("invalid YAML front matter"), p.reason());
    assertTrue(
        p.toString().startsWith("news/bad.md:" + p.line() + ":" + p.column() + ": "), p.toString());
  }

  @Test
  void malformed_toml_fails_with_path_and_reason() throws Exception {
    ContentProblem p = failed(reader.read(file("bad.md", "+++\ntitle = = \"x\"\n+++\nBody\n")));

    assertEquals("bad.md", p.path());
    assertTrue(p.reason().startsWith("invalid TOML front matter"), p.reason());
  }

  @Test
  void invalid_utf8_fails_with_the_line_column_and_byte() throws Exception {
    byte[] bytes =
        "---\ntitle: ok\n---\nCaf\u00e9 line\nbad here: X\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xE9; // a Latin-1 'é' where UTF-8 expected

    ContentProblem p = failed(reader.read(file("latin1.md", bytes)));

    assertEquals("latin1.md", p.path());
    assertEquals(5, p.line());
    assertEquals(11, p.column());
    assertTrue(p.reason().contains("0xE9") && p.reason().contains("UTF-8"), p.reason());
  }

  @Test
  void a_binary_file_named_md_fails_as_binary() throws Exception {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };

    ContentProblem p = failed(reader.read(file("image.md", png)));

    assertEquals("image.md", p.path());
    assertTrue(p.reason().contains("binary file"), p.reason());
  }

  @Test
  void a_file_over_the_size_limit_fails_naming_the_limit_and_the_setting() throws Exception {
    var small = new PageReader(1024, false, CLOCK);

    ContentProblem p = failed(small.read(file("big.md", "x".repeat(2048))));

    assertEquals("big.md", p.path());
    assertEquals(
        "file is 2.0 KB, over the 1.0 KB limit (content.maxFileSize in sitesearch.yml)",
        p.reason());
  }

  @Test
  void a_file_that_vanished_before_reading_is_gone_not_a_failure() throws Exception {
    SourceFile f = file("gone.md", "Body\n");
    Files.delete(f.path());

    assertEquals(new ReadOutcome.Gone("gone.md"), reader.read(f), "gone, not a failure");
  }

  @Test
  void the_content_hash_changes_with_the_bytes_only() throws Exception {
    String a = page("a.md", "Body one\n").contentHash();
    String b = page("b.md", "Body one\n").contentHash();
    String c = page("c.md", "Body two\n").contentHash();

    assertEquals(a, b);
    assertFalse(a.equals(c));
  }
}
