package dev.sitesearch.content;

import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Recognises the markers that Hugo's Markdown (goldmark) reads but CommonMark leaves as text, so
 * that {@link TextCollector} can leave them out: a GitHub alert's {@code [!NOTE]} opening a block
 * quote, a task list item's {@code [ ]} or {@code [x]}, and attribute lists such as {@code {#id
 * .class key="value"}} after a heading or on a line of their own under a block. Each check reads a
 * short stretch of one text node once.
 */
final class MarkerText {
  private MarkerText() {}

  /** The text of {@code text} without an alert or task marker it opens with. */
  static String withoutLeadingMarker(Text text) {
    String s = text.getLiteral();
    if (s.length() < 3 || s.charAt(0) != '[' || !TextCollector.opensQuoteOrItem(text)) return s;
    if (s.charAt(2) == ']' && " xX".indexOf(s.charAt(1)) >= 0) {
      return s.substring(3); // a task list item: "[ ] todo", "[x] done"
    }
    int close = s.charAt(1) == '!' ? s.indexOf(']', 2) : -1;
    if (close > 2 && isWord(s, 2, close)) {
      int end = close + 1;
      if (end < s.length() && (s.charAt(end) == '+' || s.charAt(end) == '-')) end++;
      return s.substring(end); // an alert, "[!NOTE]", or a foldable callout, "[!TIP]+ Title"
    }
    return s;
  }

  /** Whether {@code text} is a line of its own that holds only an attribute list. */
  static boolean isAttributeLine(Text text) {
    return isLineBreak(text.getPrevious())
        && isLineBreak(text.getNext())
        && isAttributeList(text.getLiteral().strip());
  }

  /** {@code heading} without the attribute list it may end with ({@code ## Title {#id}}). */
  static String withoutTrailingAttributes(String heading) {
    String s = heading.stripTrailing();
    if (!s.endsWith("}")) return heading;
    int open = s.lastIndexOf('{');
    if (open < 0 || !isAttributeList(s.substring(open))) return heading;
    return s.substring(0, open).stripTrailing();
  }

  private static boolean isLineBreak(Node node) {
    return node == null || node instanceof SoftLineBreak || node instanceof HardLineBreak;
  }

  /**
   * Whether {@code s} is {@code {…}} holding one or more of {@code #id}, {@code .class}, {@code
   * key=value}, {@code key="value"} or {@code key='value'}, separated by spaces.
   */
  static boolean isAttributeList(String s) {
    if (s.length() < 3 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') return false;
    int end = s.length() - 1;
    int i = 1;
    int attributes = 0;
    while (true) {
      while (i < end && s.charAt(i) == ' ') i++;
      if (i == end) return attributes > 0;
      char c = s.charAt(i);
      if (c == '#' || c == '.') {
        int nameEnd = nameEnd(s, i + 1, end);
        if (nameEnd == i + 1) return false;
        i = nameEnd;
      } else {
        int keyEnd = nameEnd(s, i, end);
        if (keyEnd == i || keyEnd >= end || s.charAt(keyEnd) != '=') return false;
        i = valueEnd(s, keyEnd + 1, end);
        if (i < 0) return false;
      }
      if (i < end && s.charAt(i) != ' ') return false;
      attributes++;
    }
  }

  private static int nameEnd(String s, int from, int end) {
    int i = from;
    while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || "-_:".indexOf(s.charAt(i)) >= 0))
      i++;
    return i;
  }

  /** Past a quoted or bare value starting at {@code from}; -1 when it is not one. */
  private static int valueEnd(String s, int from, int end) {
    if (from >= end) return -1;
    char quote = s.charAt(from);
    if (quote == '"' || quote == '\'') {
      int close = s.indexOf(quote, from + 1);
      return close < 0 || close >= end ? -1 : close + 1;
    }
    int i = from;
    while (i < end && s.charAt(i) != ' ' && s.charAt(i) != '"' && s.charAt(i) != '\'') i++;
    return i == from ? -1 : i;
  }

  private static boolean isWord(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isLetter(s.charAt(i))) return false;
    return true;
  }
}
