package dev.sitesearch.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.SourceSpan;

/**
 * A heading's Markdown as written, which is what Hugo makes its id of: an ATX heading's line
 * without its {@code #} markers, a closing sequence and an attribute list; a setext heading's last
 * line of text. Also the {@code {#id}} the heading gives itself, if any.
 *
 * @param text the source text an id is generated from
 * @param customId the heading's own {@code {#id}}, or null
 */
record HeadingSource(String text, String customId) {
  private static final Pattern ATX_OPEN = Pattern.compile("^[ \\t]*#{1,6}(?=[ \\t]|$)");
  private static final Pattern ATX_CLOSE = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
  private static final Pattern SETEXT_LINE = Pattern.compile("^[ \\t]*(?:=+|-+)[ \\t]*$");
  private static final Pattern ID = Pattern.compile("(?:^|[{ ])#([^\\s}]+)");

  /** The source of {@code heading} in {@code input}, the text the parser read. */
  static HeadingSource of(Heading heading, String input, String fallback) {
    List<SourceSpan> spans = heading.getSourceSpans();
    if (spans.isEmpty()) return new HeadingSource(fallback, null);
    boolean setext =
        spans.size() > 1 && SETEXT_LINE.matcher(text(spans.getLast(), input)).matches();
    String line;
    if (setext) {
      line = text(spans.get(spans.size() - 2), input);
    } else {
      line = text(spans.getLast(), input);
      Matcher open = ATX_OPEN.matcher(line);
      if (open.find()) line = line.substring(open.end());
      line = ATX_CLOSE.matcher(line.stripTrailing()).replaceFirst("");
    }
    String withoutAttributes = MarkerText.withoutTrailingAttributes(line);
    String customId = null;
    if (withoutAttributes.length() != line.length()) {
      Matcher id = ID.matcher(line.substring(withoutAttributes.length()).strip());
      if (id.find()) customId = id.group(1);
    }
    return new HeadingSource(withoutAttributes, customId);
  }

  private static String text(SourceSpan span, String input) {
    int start = span.getInputIndex();
    int end = Math.min(input.length(), start + span.getLength());
    return start < 0 || start > end ? "" : input.substring(start, end);
  }
}
