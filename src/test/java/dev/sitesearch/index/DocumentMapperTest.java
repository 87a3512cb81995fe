package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.testing.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentMapperTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  private final DocumentMapper mapper = new DocumentMapper(Seed.schema());

  private ContentPage page(String rel, String frontMatter) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "---\ntitle: Mapped page\n" + frontMatter + "\n---\nBody text.\n");
    var file = new SourceFile(rel, p, Files.size(p), Files.getLastModifiedTime(p).toMillis());
    return assertInstanceOf(
            ReadOutcome.Parsed.class, new PageReader(5_000_000, false, CLOCK).read(file))
        .page();
  }

  /** The facet values a hit shows for {@code facet}. */
  private static List<String> facet(MappedDocument mapped, String facet) {
    return List.of(mapped.document().getValues(Fields.STORED_FACET_PREFIX + facet));
  }

  private ContentPage pageWithBody(String description, String body) throws Exception {
    Path p = root.resolve("d.md");
    Files.writeString(
        p, "---\ntitle: Page\ndescription: \"" + description + "\"\n---\n" + body + "\n");
    var file = new SourceFile("d.md", p, Files.size(p), Files.getLastModifiedTime(p).toMillis());
    return assertInstanceOf(
            ReadOutcome.Parsed.class, new PageReader(5_000_000, false, CLOCK).read(file))
        .page();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      the first sentence of the body       | Chronic care management pays monthly. | Chronic care management pays monthly. More text.   | true
      cut short with an ellipsis            | Chronic care management pays...       | Chronic care management pays monthly. More text.   | true
      after a heading                       | Chronic care management pays monthly. | # CCM~~Chronic care management pays monthly.   | true
      after a list number, other punctuation| correlation of maternal glucose levels | 266. correlation of maternal glucose-levels, ok   | true
      a summary in other words              | What CCM pays and how to bill it.     | Chronic care management pays monthly. More text.   | false
      the same words further down           | More text about billing follows here. | Chronic care management pays monthly. %s More text about billing follows here. | false
      """)
  void a_description_that_repeats_the_body_opening_is_not_searched_twice(
      String why, String description, String body, boolean repeats) throws Exception {
    String longBody = body.replace("~", "\n").replace("%s", "Filler words. ".repeat(30));
    assertEquals(
        repeats, DocumentMapper.repeatsBodyOpening(pageWithBody(description, longBody)), why);
  }

  @Test
  void a_body_opening_with_the_title_is_searched_from_after_it() throws Exception {
    Document doc = mapper.map(pageWithBody("", "# Page\n\nThe guide itself.")).document();

    assertEquals("Page", doc.get(Fields.TITLE));
    assertEquals("The guide itself.", doc.get(Fields.BODY).strip());
  }

  @Test
  void a_scalar_facet_value_is_one_value() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "searchCategory: News"));

    assertEquals(List.of("News"), facet(mapped, "searchCategory"));
    assertEquals(List.of(), mapped.warnings());
  }

  @Test
  void list_values_are_trimmed_empty_ones_dropped_duplicates_merged_and_scalars_become_text()
      throws Exception {
    MappedDocument mapped =
        mapper.map(
            page(
                "a.md",
                "tags: ['  care  ', '', '   ', null, 2024, true, 1.5, care, \"multi\\n  line\"]"));

    assertEquals(List.of("care", "2024", "true", "1.5", "multi line"), facet(mapped, "tags"));
    assertEquals(List.of(), mapped.warnings());
  }

  @Test
  void a_number_or_boolean_scalar_becomes_text() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "author: 42\ntype: false"));

    assertEquals(List.of("42"), facet(mapped, "author"));
    assertEquals(List.of("false"), facet(mapped, "type"));
  }

  @Test
  void a_map_where_a_list_is_expected_is_a_warning_naming_page_and_field_and_the_page_is_kept()
      throws Exception {
    MappedDocument mapped =
        mapper.map(page("news/odd.md", "tags: {first: a, second: b}\nsearchCategory: News"));

    assertEquals(List.of(), facet(mapped, "tags"));
    assertEquals(
        List.of("News"), facet(mapped, "searchCategory"), "the other facets are still there");
    assertEquals("Mapped page", mapped.document().get(Fields.TITLE));
    assertEquals(1, mapped.warnings().size(), mapped.warnings().toString());
    ContentProblem w = mapped.warnings().get(0);
    assertEquals("news/odd.md", w.path());
    assertTrue(
        w.reason().startsWith("tags: ")
            && w.reason().contains("map")
            && w.reason().contains("left out"),
        w.reason());
  }

  @Test
  void a_list_inside_a_list_is_a_warning_and_the_field_is_left_out() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "categories: [a, [b, c]]"));

    assertEquals(List.of(), facet(mapped, "categories"));
    assertEquals(1, mapped.warnings().size());
    assertTrue(
        mapped.warnings().get(0).reason().startsWith("categories: "), mapped.warnings().toString());
  }

  @Test
  void a_dotted_facet_path_reaches_into_a_map() throws Exception {
    MappedDocument mapped =
        mapper.map(page("a.md", "link:\n  brand: ' medium.com '\n  href: https://x"));

    assertEquals(List.of("medium.com"), facet(mapped, "link.brand"));
  }

  @Test
  void a_dotted_path_through_a_non_map_gives_no_value_and_no_warning() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "link: https://medium.com/x"));

    assertEquals(List.of(), facet(mapped, "link.brand"));
    assertEquals(List.of(), mapped.warnings());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      date: '2020-08-18T07:10:44.534612Z'     | 2020 | 2020-08-18T07:10:44.534612Z
      date: 2019-12-31T23:30:00-02:00         | 2020 | 2020-01-01T01:30:00Z
      date: 2021-03-04                        | 2021 | 2021-03-04T00:00:00Z
      date: '2022-05-06 10:00:00'             | 2022 | 2022-05-06T10:00:00Z
      """)
  void the_year_facet_and_stored_date_come_from_the_date(
      String frontMatter, String year, String stored) throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", frontMatter));

    assertEquals(List.of(year), facet(mapped, Schema.YEAR_FACET));
    assertEquals(stored, mapped.document().get(Fields.STORED_DATE_PREFIX + "date"));
  }

  @Test
  void a_page_without_a_date_has_no_year() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "lastMod: 2021-01-01"));

    assertEquals(
        List.of(), facet(mapped, Schema.YEAR_FACET), "year comes from the first date field only");
  }

  @Test
  void an_unreadable_date_field_is_a_warning_and_the_page_is_kept() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "lastMod: not-a-date"));

    assertEquals(
        List.of(
            ContentProblem.of(
                "a.md",
                "lastMod: 'not-a-date' is not a date (use 2024-05-31 or 2024-05-31T08:00:00Z); the field is left out")),
        mapped.warnings());
    assertEquals("Mapped page", mapped.document().get(Fields.TITLE));
  }

  @Test
  void id_path_url_and_text_fields_are_stored() throws Exception {
    Document doc =
        mapper.map(page("news/a.md", "id: 7\nurl: /n/a/\ndescription: Short.")).document();

    assertArrayEquals(
        new String[] {"7", "news/a.md", "/n/a/", "Mapped page", "Short.", "Body text."},
        new String[] {
          doc.get(Fields.ID),
          doc.get(Fields.PATH),
          doc.get(Fields.URL),
          doc.get(Fields.TITLE),
          doc.get(Fields.DESCRIPTION),
          doc.get(Fields.BODY)
        });
  }

  @Test
  void a_very_long_facet_value_is_shortened_with_a_warning() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "author: '" + "x".repeat(500) + "'"));

    assertEquals(List.of("x".repeat(FieldValues.MAX_CHARS)), facet(mapped, "author"));
    assertEquals(1, mapped.warnings().size());
  }

  @Test
  void facet_values_show_the_text_of_markdown_and_html_but_keep_plain_signs() throws Exception {
    MappedDocument mapped =
        mapper.map(
            page(
                "a.md",
                """
                author: '[Jane Doe](https://example.org/jane)'
                tags: ['<b>Care</b>', 'C++', '*nix', '1. Basics', 'R&amp;D', '`hugo`']"""));

    assertEquals(List.of("Jane Doe"), facet(mapped, "author"));
    assertEquals(List.of("Care", "C++", "*nix", "1. Basics", "R&D", "hugo"), facet(mapped, "tags"));
    assertEquals(List.of(), mapped.warnings());
  }

  @Test
  void a_facet_value_that_is_only_markup_is_left_out_with_a_warning() throws Exception {
    MappedDocument mapped = mapper.map(page("a.md", "tags: ['<br>', care]"));

    assertEquals(List.of("care"), facet(mapped, "tags"));
    assertEquals(
        List.of(
            ContentProblem.of(
                "a.md", "tags: a value with no text once its markup is removed was left out")),
        mapped.warnings());
  }

  @Test
  void the_description_shown_and_searched_is_its_text() throws Exception {
    Document doc =
        mapper
            .map(
                page(
                    "a.md",
                    "description: 'Use **Hugo** <em>now</em>, see [the docs](/docs/) &amp; more.'"))
            .document();

    assertEquals("Use Hugo now, see the docs & more.", doc.get(Fields.DESCRIPTION_SHOWN));
    assertEquals("Use Hugo now, see the docs & more.", doc.get(Fields.DESCRIPTION));
  }

  @Test
  void extra_stored_fields_are_kept_as_written() throws Exception {
    var withStored =
        new DocumentMapper(
            new Schema(Map.of(Fields.BODY, 1f), List.of("tags"), List.of(), List.of("image.href")));

    Document doc =
        withStored.map(page("a.md", "image:\n  href: /img/_a_/b*c*.png\ntags: [_a_]")).document();

    assertEquals("/img/_a_/b*c*.png", doc.get(Fields.STORED_EXTRA_PREFIX + "image.href"));
    assertEquals("a", doc.get(Fields.STORED_FACET_PREFIX + "tags"));
  }

  @Test
  void a_list_of_the_same_long_value_many_times_is_one_value_with_one_warning() throws Exception {
    String value = "word ".repeat(200);
    String list = ("'" + value + "', ").repeat(500);

    MappedDocument mapped = mapper.map(page("a.md", "tags: [" + list + "x]"));

    assertEquals(
        List.of(value.substring(0, FieldValues.MAX_CHARS).strip(), "x"), facet(mapped, "tags"));
    assertEquals(
        List.of(ContentProblem.of("a.md", "tags: a value over 200 characters was shortened")),
        mapped.warnings());
  }

  @Test
  void facet_and_date_fields_are_found_whatever_the_case_of_their_keys() throws Exception {
    MappedDocument mapped =
        mapper.map(page("a.md", "Tags: [care]\nLink:\n  Brand: medium.com\nDATE: 2021-03-04"));

    assertEquals(List.of("care"), facet(mapped, "tags"));
    assertEquals(List.of("medium.com"), facet(mapped, "link.brand"));
    assertEquals(List.of("2021"), facet(mapped, Schema.YEAR_FACET));
  }

  @Test
  void words_are_what_the_regular_expression_made_of_them() {
    var nonWord = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    var random = new java.util.Random(3);
    String alphabet = "aZé ÉßΣ-_.,'\u00a0\t\n9٣½Ⅻ\uD835\uDC00\uD83D\uDE00\u0301:";
    for (int round = 0; round < 3_000; round++) {
      var text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--)
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String expected =
          nonWord
              .matcher(text.toString().toLowerCase(java.util.Locale.ROOT))
              .replaceAll(" ")
              .strip();
      assertEquals(expected, DocumentMapper.words(text.toString()), text.toString());
    }
  }
}
