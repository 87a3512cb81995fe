package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The passes every page's text goes through, made to copy runs of characters instead of one at a
 * time, give what the one-at-a-time forms gave: the same text for the index, the same sections.
 */
class TextPassesTest {
  private static final String ALPHABET = "ab  \t\n\n\u00a0é.\u0007\r\u0085\uD83D\uDE00";

  @Test
  void tidy_collapses_spaces_and_blank_lines_as_one_character_at_a_time_did() {
    var random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      String raw = randomText(random, random.nextInt(120));
      assertEquals(tidyOneAtATime(raw), MarkdownText.tidy(new StringBuilder(raw)), raw);
    }
  }

  @Test
  void control_characters_are_exactly_unicodes_except_tab_and_newline() {
    var control = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String s = "a" + c + "b";
      String expected = control.matcher(s).replaceAll("");
      assertEquals(
          expected, PageReader.printable(s), () -> "U+" + Integer.toHexString(s.charAt(1)));
    }
  }

  @Test
  void headings_start_their_sections_where_their_marks_stood() {
    var rendered =
        MarkdownText.render(
            "Intro text.\n\n## First\n\nOne.\n\n### Second\n\nTwo.\n\n## Third\n",
            HeadingIds.HUGO_DEFAULT);
    String text = rendered.text();
    assertEquals(3, rendered.sections().size(), rendered::toString);
    for (var section : rendered.sections()) {
      assertEquals(
          section.heading(),
          text.substring(section.start(), section.start() + section.heading().length()));
    }
    assertEquals(-1, text.indexOf(TextCollector.HEADING_MARK));
    var plain = MarkdownText.render("No headings, *one* paragraph.", HeadingIds.HUGO_DEFAULT);
    assertEquals("No headings, one paragraph.", plain.text());
    assertEquals(0, plain.sections().size());
  }

  private static String randomText(Random random, int length) {
    var sb = new StringBuilder();
    for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  /** The form tidy had before it copied words at once. */
  private static String tidyOneAtATime(CharSequence raw) {
    var sb = new StringBuilder(raw.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t') {
        space = true;
      } else if (c == '\n') {
        newlines++;
        space = false;
      } else {
        if (newlines > 0) {
          if (!sb.isEmpty()) sb.append(newlines > 1 ? "\n\n" : "\n");
        } else if (space && !sb.isEmpty()) {
          sb.append(' ');
        }
        newlines = 0;
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
