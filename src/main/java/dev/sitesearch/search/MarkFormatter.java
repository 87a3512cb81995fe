package dev.sitesearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highlighter's best passage as safe HTML: everything escaped, matches wrapped in
 * {@code <mark>}, and a long passage cut to a window of at most {@code maxChars} around its first
 * match, at word boundaries, with an ellipsis where text was cut. Content may contain {@code
 * <script>}; what comes out is inert.
 */
final class MarkFormatter extends PassageFormatter {
  /** Runs of white space, shown as one space. */
  static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  static final String ELLIPSIS = "…";
  private final int maxChars;

  MarkFormatter(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public Object format(Passage[] passages, String content) {
    if (passages.length == 0) return null;
    Passage best = passages[0];
    for (Passage p : passages) {
      if (p.getScore() > best.getScore()) best = p;
    }
    return window(
        content,
        best.getStartOffset(),
        best.getEndOffset(),
        best.getMatchStarts(),
        best.getMatchEnds(),
        best.getNumMatches(),
        maxChars,
        0,
        content.length());
  }

  /**
   * The text from {@code start} to {@code end} of {@code content} as safe HTML with the matches in
   * {@code <mark>}, cut to at most {@code maxChars} around its first match; an ellipsis marks text
   * left out between {@code from} and {@code to} (the bounds of what the passage belongs to).
   */
  static String window(
      String content,
      int start,
      int end,
      int[] matchStarts,
      int[] matchEnds,
      int numMatches,
      int maxChars,
      int from,
      int to) {
    if (end - start > maxChars) {
      int anchor = start;
      for (int i = 0; i < numMatches; i++) {
        if (matchStarts[i] >= start) {
          anchor = matchStarts[i];
          break;
        }
      }
      int windowStart = Math.max(start, anchor - maxChars / 4);
      int windowEnd = Math.min(end, windowStart + maxChars);
      windowStart = Math.max(start, Math.min(windowStart, windowEnd - maxChars));
      start = wordStart(content, windowStart, start);
      end = wordEnd(content, windowEnd, end);
    }
    var html = new StringBuilder(end - start + 32);
    if (start > from) html.append(ELLIPSIS);
    int pos = start;
    for (int i = 0; i < numMatches; i++) {
      int ms = matchStarts[i];
      int me = matchEnds[i];
      if (ms < pos || me > end) continue; // outside the window, or overlapping the previous match
      escape(content, pos, ms, html);
      html.append("<mark>");
      escape(content, ms, me, html);
      html.append("</mark>");
      pos = me;
    }
    escape(content, pos, end, html);
    if (end < to) html.append(ELLIPSIS);
    return SPACES.matcher(html.toString().strip()).replaceAll(" ");
  }

  /** Moves a cut forward to the next word start (never before {@code min}). */
  private static int wordStart(String s, int cut, int min) {
    if (cut <= min) return min;
    int i = cut;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i - 1)) && i - cut < 20) i++;
    return i - cut >= 20 ? cut : i;
  }

  /** Moves a cut back to the previous word end (never past {@code max}). */
  private static int wordEnd(String s, int cut, int max) {
    if (cut >= max) return max;
    int i = cut;
    while (i > 0 && !Character.isWhitespace(s.charAt(i)) && cut - i < 20) i--;
    return cut - i >= 20 ? cut : i;
  }

  static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  static String escape(String s) {
    var out = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), out);
    return out.toString();
  }
}
