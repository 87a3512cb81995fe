package dev.sitesearch.content;

/**
 * Takes Hugo's shortcode markers out of a page's Markdown before it is parsed, as Hugo itself
 * handles them before rendering: {@code {{< name args >}}} and {@code {{% name args %}}} go, with
 * their arguments; what sits between a paired shortcode's opening and closing markers ({@code {{<
 * note >}}Text{{< /note >}}}) stays as the page's text; a self-closing one leaves nothing. An
 * escaped shortcode ({@code {{</* name *}&#47;{@code >}}}), which Hugo shows as written, becomes
 * the literal text {@code {{< name >}}}.
 *
 * <p>Like Hugo, markers are found anywhere, code blocks included (that is why sites escape the ones
 * they show). One forward pass: each marker's end is found by one search, and once a kind of marker
 * has no end left in the text, no later opener searches again, so the work stays linear. A marker
 * that never ends is left as written (Hugo refuses such a page).
 */
public final class Shortcodes {
  private Shortcodes() {}

  /** {@code markdown} without shortcode markers; the same string when it has none. */
  public static String strip(String markdown) {
    int first = markdown.indexOf("{{");
    if (first < 0) return markdown;
    var out = new StringBuilder(markdown.length());
    var angle = new Closer(markdown, ">}}");
    var percent = new Closer(markdown, "%}}");
    int copied = 0;
    for (int i = first; i >= 0 && i + 2 < markdown.length(); i = markdown.indexOf("{{", i)) {
      char kind = markdown.charAt(i + 2);
      Closer closer = kind == '<' ? angle : kind == '%' ? percent : null;
      int end = closer == null || !startsName(markdown, i + 3) ? -1 : closer.next(i + 3);
      if (end < 0) {
        i += 2;
        continue;
      }
      out.append(markdown, copied, i);
      String inner = markdown.substring(i + 3, end);
      if (isEscaped(inner)) {
        String literal = inner.strip();
        String call = literal.substring(2, literal.length() - 2).strip();
        out.append("{{")
            .append(kind)
            .append(' ')
            .append(call)
            .append(' ')
            .append(kind == '<' ? '>' : '%')
            .append("}}");
      }
      i = end + 3;
      copied = i;
    }
    return out.append(markdown, copied, markdown.length()).toString();
  }

  /**
   * Whether a shortcode's name (or the {@code /} of a closing marker, or an escape's {@code /*})
   * follows the opening braces, after optional spaces: {@code {{<} before anything else is text.
   */
  private static boolean startsName(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    if (i >= s.length()) return false;
    char c = s.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_' || c == '/';
  }

  /** {@code /* name args *}{@code /}: the comment markers Hugo's escape puts inside the braces. */
  private static boolean isEscaped(String inner) {
    String s = inner.strip();
    return s.length() >= 4 && s.startsWith("/*") && s.endsWith("*/");
  }

  /** Finds the ends of one kind of marker, remembering the next one so no text is read twice. */
  private static final class Closer {
    private final String text;
    private final String terminator;
    private int next = -2; // not searched yet

    Closer(String text, String terminator) {
      this.text = text;
      this.terminator = terminator;
    }

    /** Where the first terminator at or after {@code from} starts, or -1 when none is left. */
    int next(int from) {
      if (next == -1) return -1;
      if (next < from) next = text.indexOf(terminator, from);
      return next;
    }
  }
}
