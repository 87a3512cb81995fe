package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Front matter that Hugo reads and the reader must read the same way. */
class HugoFrontMatterTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  private final PageReader reader = new PageReader(5_000_000, false, CLOCK);

  private ReadOutcome read(String text) throws Exception {
    Path p = Files.writeString(root.resolve("a.md"), text);
    return reader.read(new SourceFile("a.md", p, Files.size(p), 0));
  }

  private ContentPage page(String text) throws Exception {
    ReadOutcome outcome = read(text);
    return assertInstanceOf(ReadOutcome.Parsed.class, outcome, () -> "got " + outcome).page();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      YAML | ---\\ntitle: T\\nissue:\\nweight:\\n---\\nBody\\n
      TOML | +++\\ntitle = "T"\\n[params]\\n+++\\nBody\\n
      JSON | {"title": "T", "issue": null}\\nBody\\n
      """)
  void a_key_without_a_value_is_read_as_absent(String format, String text) throws Exception {
    ContentPage page = page(text.replace("\\n", "\n"));

    assertEquals("T", page.title());
    assertEquals(null, page.value("issue"));
    assertEquals(List.of(), page.warnings());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Draft                  | Draft: true                      | draft
      DRAFT as text          | DRAFT: "True"                    | draft
      publishdate            | publishdate: 2025-07-01          | future date
      PublishDate            | PublishDate: 2025-07-01          | future date
      expirydate             | expirydate: 2025-01-01           | expired
      ExpiryDate             | ExpiryDate: 2025-01-01           | expired
      Date                   | Date: 2026-01-01                 | future date
      """)
  void publishing_keys_are_read_in_any_case(String why, String frontMatter, String reason)
      throws Exception {
    var skipped =
        assertInstanceOf(
            ReadOutcome.Skipped.class,
            read("---\ntitle: T\n" + frontMatter + "\n---\nBody\n"),
            why);

    assertTrue(skipped.reason().startsWith(reason), skipped.reason());
  }

  @Test
  void title_description_and_nested_keys_are_read_in_any_case() throws Exception {
    ContentPage page =
        page("---\nTitle: Hello\nDescription: Short.\nLink:\n  Brand: medium.com\n---\nBody\n");

    assertEquals("Hello", page.title());
    assertEquals("Short.", page.description());
    assertEquals("medium.com", page.value("link.brand"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      YAML, day month year     | ---\\ntitle: T\\nexpiryDate: 15 Oct 2023\\n---\\nB\\n
      YAML, offset no colon    | ---\\ntitle: T\\nexpiryDate: 2023-10-15T10:00:00-0700\\n---\\nB\\n
      YAML, space for the T    | ---\\ntitle: T\\nexpiryDate: 2023-10-15 10:00:00\\n---\\nB\\n
      TOML, space for the T    | +++\\ntitle = "T"\\nexpiryDate = 2023-10-15 10:00:00\\n+++\\nB\\n
      TOML, day month year     | +++\\ntitle = "T"\\nexpiryDate = "15 Oct 2023"\\n+++\\nB\\n
      JSON, offset no colon    | {"title": "T", "expiryDate": "2023-10-15T10:00:00-0700"}\\nB\\n
      """)
  void dates_in_the_forms_hugo_accepts_are_read(String why, String text) throws Exception {
    var skipped = assertInstanceOf(ReadOutcome.Skipped.class, read(text.replace("\\n", "\n")), why);

    assertTrue(skipped.reason().startsWith("expired on 2023-10-15"), skipped.reason());
  }
}
