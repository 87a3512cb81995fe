package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.HostileFrontMatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterParserTest {
  private final FrontMatterParser parser = new FrontMatterParser(5_000_000);

  /** Counts constructions, to prove a YAML tag naming this class never instantiates it. */
  public static final class Canary {
    static final AtomicInteger CREATED = new AtomicInteger();

    public Canary() {
      CREATED.incrementAndGet();
    }
  }

  @Test
  void yaml_front_matter_between_dashes_is_parsed_and_the_rest_is_the_body() throws Exception {
    FrontMatter fm =
        parser.parse(
            """
        ---
        title: Hello YAML
        tags: [care, billing]
        link:
          brand: medium.com
        ---
        # Body heading
        Text.
        """);

    assertSampleData(fm, FrontMatter.Format.YAML, "Hello YAML");
    assertEquals("# Body heading\nText.\n", fm.body());
  }

  @Test
  void toml_front_matter_between_pluses_is_parsed_and_the_rest_is_the_body() throws Exception {
    FrontMatter fm =
        parser.parse(
            """
        +++
        title = "Hello TOML"
        tags = ["care", "billing"]
        [link]
        brand = "medium.com"
        +++
        Body text.
        """);

    assertSampleData(fm, FrontMatter.Format.TOML, "Hello TOML");
    assertEquals("Body text.\n", fm.body());
  }

  @Test
  void json_object_at_the_start_of_the_file_is_front_matter_and_the_rest_is_the_body()
      throws Exception {
    FrontMatter fm =
        parser.parse(
            """
        {
          "title": "Hello JSON",
          "tags": ["care", "billing"],
          "link": {"brand": "medium.com"}
        }
        Body text.
        """);

    assertSampleData(fm, FrontMatter.Format.JSON, "Hello JSON");
    assertEquals("Body text.", fm.body().strip());
  }

  /** What each format's sample holds alike: a title, a list of tags and a nested link. */
  private static void assertSampleData(FrontMatter fm, FrontMatter.Format format, String title) {
    assertEquals(format, fm.format());
    assertEquals(title, fm.data().get("title"));
    assertEquals(List.of("care", "billing"), fm.data().get("tags"));
    assertEquals(Map.of("brand", "medium.com"), fm.data().get("link"));
  }

  @Test
  void a_file_without_front_matter_is_all_body() throws Exception {
    String text = "# Just Markdown\n\nNo front matter --- here.\n";

    FrontMatter fm = parser.parse(text);

    assertEquals(FrontMatter.Format.NONE, fm.format());
    assertEquals(Map.of(), fm.data());
    assertEquals(text, fm.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-30",
        "2024-13-45",
        "2023-02-29",
        "2024-01-01 25:00:00",
        "2024-01-01T10:61:00Z"
      })
  void an_impossible_yaml_date_stays_text_instead_of_rolling_over_into_another_date(String date)
      throws Exception {
    FrontMatter fm = parser.parse("---\ndate: " + date + "\n---\n");

    assertEquals(date, fm.data().get("date"), "kept as written, so the date field reports it");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29",
        "2024-01-01 23:59:59",
        "2024-01-01T10:00:00Z",
        "2001-12-14 21:59:43.10 -5"
      })
  void a_real_yaml_date_is_still_read_as_a_date(String date) throws Exception {
    FrontMatter fm = parser.parse("---\ndate: " + date + "\n---\n");

    assertTrue(
        fm.data().get("date") instanceof java.util.Date,
        () -> date + " gave " + fm.data().get("date"));
  }

  @Test
  void malformed_yaml_is_reported_with_the_line_and_column_in_the_file() {
    var e =
        assertThrows(
            FrontMatterException.class,
            () ->
                parser.parse(
                    """
        ---
        title: Hello
          bad: indentation
        ---
        Body
        """));

    assertTrue(e.getMessage().startsWith("invalid YAML front matter"), e.getMessage());
    assertEquals(3, e.line(), "line of 'bad: indentation', counting the opening --- as line 1");
    assertTrue(e.column() > 0, "column " + e.column());
  }

  @Test
  void yaml_front_matter_that_is_never_closed_says_how_to_fix_it() {
    var e =
        assertThrows(FrontMatterException.class, () -> parser.parse("---\ntitle: Hello\n\nBody\n"));

    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void malformed_toml_is_reported_with_a_reason() {
    var e =
        assertThrows(
            FrontMatterException.class,
            () ->
                parser.parse(
                    """
        +++
        title = "Hello
        tags = ["a"]
        +++
        Body
        """));

    assertTrue(e.getMessage().startsWith("invalid TOML front matter"), e.getMessage());
    assertEquals(2, e.line(), "line of the unclosed string, counting the opening +++ as line 1");
  }

  @Test
  void malformed_json_is_reported_with_a_reason() {
    var e =
        assertThrows(
            FrontMatterException.class,
            () -> parser.parse("{\n  \"title\": \"Hello\",,\n}\nBody\n"));

    assertTrue(e.getMessage().startsWith("invalid JSON front matter"), e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  @Timeout(30) // a guard against a hang, not a speed check
  void yaml_alias_bomb_fails_fast_instead_of_expanding() {
    var e =
        assertThrows(FrontMatterException.class, () -> parser.parse(HostileFrontMatter.ALIAS_BOMB));

    assertTrue(e.getMessage().contains("aliases"), e.getMessage());
  }

  @Test
  void aliases_of_plain_values_count_towards_the_alias_limit_and_the_error_names_the_line() {
    String text =
        "---\ntitle: Page\nname: &s "
            + "x".repeat(1000)
            + "\ntags: ["
            + "*s, ".repeat(YamlLoader.MAX_ALIASES)
            + "*s]\n---\nBody\n";

    var e = assertThrows(FrontMatterException.class, () -> parser.parse(text));

    assertEquals(4, e.line(), "the line of the list of aliases");
    assertTrue(e.getMessage().contains("more than 50 aliases"), e.getMessage());
  }

  @Test
  void a_few_aliases_of_plain_values_are_read() throws Exception {
    FrontMatter fm = parser.parse("---\nauthor: &a Jane\neditor: *a\ntags: [*a, x]\n---\n");

    assertEquals("Jane", fm.data().get("editor"));
    assertEquals(List.of("Jane", "x"), fm.data().get("tags"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"yaml flow", "yaml block", "json", "toml"})
  @Timeout(30) // a guard against a hang, not a speed check
  void very_deep_nesting_fails_fast_with_a_front_matter_error(String kind) {
    int depth = 20_000;
    String text =
        switch (kind) {
          case "yaml flow" -> "---\na: " + "[".repeat(depth) + "]".repeat(depth) + "\n---\nBody\n";
          case "yaml block" -> {
            var sb = new StringBuilder("---\n");
            for (int i = 0; i < 200; i++)
              sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
            yield sb.append("---\nBody\n").toString();
          }
          case "json" -> "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}\nBody\n";
          default -> "+++\na = " + "[".repeat(depth) + "]".repeat(depth) + "\n+++\nBody\n";
        };

    var e = assertThrows(FrontMatterException.class, () -> parser.parse(text));

    assertTrue(e.getMessage().toLowerCase().contains("front matter"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "file: !!java.io.File [\"/etc/passwd\"]",
        "engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
        "x: !!dev.sitesearch.content.FrontMatterParserTest$Canary {}",
        "x: !!dev.sitesearch.content.FrontMatterParserTest$Canary []",
        "!!dev.sitesearch.content.FrontMatterParserTest$Canary {}",
        "x: !custom value"
      })
  void yaml_tags_naming_classes_are_rejected_and_never_instantiated(String line) {
    int before = Canary.CREATED.get();

    var e =
        assertThrows(
            FrontMatterException.class, () -> parser.parse("---\n" + line + "\n---\nBody\n"));

    assertTrue(e.getMessage().startsWith("invalid YAML front matter"), e.getMessage());
    assertEquals(before, Canary.CREATED.get(), "a class named by a tag was instantiated");
  }

  @Test
  void yaml_front_matter_that_is_a_list_not_a_map_is_rejected() {
    var e =
        assertThrows(FrontMatterException.class, () -> parser.parse("---\n- a\n- b\n---\nBody\n"));

    assertTrue(e.getMessage().contains("must be a map"), e.getMessage());
  }
}
