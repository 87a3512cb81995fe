package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.MarkdownText;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of one front-matter field as the index keeps them: a scalar or a list of scalars, each
 * as text on one line, trimmed, empty ones dropped, duplicates merged, at most {@link #MAX_VALUES}
 * values of at most {@link #MAX_CHARS} characters. A value of the wrong shape is a warning and the
 * field is left out, never the page.
 *
 * <p>Facet values and extra text fields are read as text ({@link #text}): Markdown and HTML in them
 * become their words ({@code [Jane Doe](https://…)} is {@code Jane Doe}), since a label shows no
 * markup. Extra stored fields ({@link #verbatim}) are often URLs and are kept as written.
 *
 * <p>The work per field is bounded whatever the page holds: values are deduplicated as written
 * before anything else is done to them, each is cut to a few times the limit before it is cleaned,
 * and reading stops at the limit on values.
 */
final class FieldValues {
  /**
   * Longer values are cut: a facet label is for reading, and Lucene terms have a hard size limit.
   */
  static final int MAX_CHARS = 200;

  static final int MAX_VALUES = 100;

  /** How much of a value is cleaned: enough for markup around {@link #MAX_CHARS} of text. */
  private static final int CLEANED_CHARS = 5 * MAX_CHARS;

  private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

  private final ContentPage page;
  private final String field;
  private final List<ContentProblem> warnings;

  private FieldValues(ContentPage page, String field, List<ContentProblem> warnings) {
    this.page = page;
    this.field = field;
    this.warnings = warnings;
  }

  /** The field's values as text without markup, for facets and searched extra fields. */
  static List<String> text(ContentPage page, String field, List<ContentProblem> warnings) {
    return new FieldValues(page, field, warnings).read(true);
  }

  /** The field's values as written (one line each), for extra stored fields such as links. */
  static List<String> verbatim(ContentPage page, String field, List<ContentProblem> warnings) {
    return new FieldValues(page, field, warnings).read(false);
  }

  private List<String> read(boolean asText) {
    Object raw = page.value(field);
    if (raw == null) return List.of();
    Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
    var seen = new HashSet<Object>(); // scalars only: a list may hold itself (YAML's &t [x, *t])
    var values = new LinkedHashSet<String>();
    boolean cut = false;
    boolean emptied = false;
    for (Object item : items) {
      if (item == null) continue;
      if (item instanceof Map || item instanceof Collection) {
        warn(
            "expected a value or a list of values, found "
                + (raw instanceof Map
                    ? "a map"
                    : "a nested " + (item instanceof Map ? "map" : "list"))
                + "; the field is left out");
        return List.of();
      }
      if (!seen.add(item)) continue;
      String written = oneLine(item);
      String value = asText ? oneLine(MarkdownText.inline(written)) : written;
      if (value.length() > MAX_CHARS) {
        cut = true;
        value = value.substring(0, MAX_CHARS).strip();
      }
      if (!value.isEmpty()) values.add(value);
      else if (!written.isEmpty()) emptied = true;
      if (values.size() == MAX_VALUES) {
        warn("only the first " + MAX_VALUES + " values are kept");
        break;
      }
    }
    if (cut) warn("a value over " + MAX_CHARS + " characters was shortened");
    if (emptied) warn("a value with no text once its markup is removed was left out");
    return List.copyOf(values);
  }

  /**
   * The item as text on one line: control characters have no place in a label and would break facet
   * paths. Only the start of a long value is read.
   */
  private static String oneLine(Object item) {
    String s = item instanceof Date d ? d.toInstant().toString() : String.valueOf(item);
    if (s.length() > CLEANED_CHARS) s = s.substring(0, CLEANED_CHARS);
    return WHITESPACE_OR_CONTROL.matcher(s).replaceAll(" ").strip();
  }

  private void warn(String reason) {
    warnings.add(ContentProblem.of(page.source().relPath(), field + ": " + reason));
  }

  /** The values joined by line breaks, for a searched extra field. */
  static String joined(ContentPage page, String field, List<ContentProblem> warnings) {
    return String.join("\n", text(page, field, warnings));
  }
}
