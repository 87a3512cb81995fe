package dev.sitesearch.content;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text a browser shows for a piece of raw HTML: tags, comments, declarations and the bodies of
 * {@code script}, {@code style} and {@code template} elements removed, character references
 * decoded.
 *
 * <p>A tokenizer in one forward pass, never a regular expression: each construct is closed by one
 * search from where it opens, and one that is never closed ends the text, as in a browser (an
 * unclosed {@code <!--} hides everything after it). So the work is linear in the length whatever
 * the input; the regular expressions this replaced rescanned to the end from every {@code <!--},
 * which took 73 s for a 320 KB page.
 */
public final class HtmlText {
  /** Elements whose content is code or data, never text on the page. */
  private static final Set<String> HIDDEN = Set.of("script", "style", "template");

  /** Elements that sit inside a word's flow: their tags leave no gap ({@code un<b>real</b>}). */
  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
          "u", "var", "wbr");

  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("middot", "·"),
          Map.entry("times", "×"),
          Map.entry("rarr", "→"),
          Map.entry("larr", "←"));

  /** What one tag is, for a caller that meets tags one at a time (inline HTML in Markdown). */
  public enum TagKind {
    /** Opens an element whose content is hidden: the text up to its end tag is not shown. */
    HIDDEN_OPEN,
    /** Ends such an element. */
    HIDDEN_CLOSE,
    /** A tag inside the flow of words, or a comment: nothing shown in its place. */
    INLINE,
    /** Any other tag: a gap between the words on either side. */
    BREAK
  }

  private HtmlText() {}

  /** The text of {@code html}, with a space or line break where a block-level tag stood. */
  public static String text(String html) {
    var out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '&') {
        i = reference(html, i, out);
      } else if (c != '<' || i + 1 >= n) {
        out.append(c);
        i++;
      } else if (html.startsWith("<!--", i)) {
        i = after(html, "-->", i + 4);
      } else if (html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?') {
        i = after(html, ">", i + 2); // a declaration or processing instruction
      } else if (isTagStart(html, i)) {
        int end = tagEnd(html, i);
        String name = tagName(html, i);
        boolean closing = html.charAt(i + 1) == '/';
        if (!INLINE.contains(name)) out.append(isBlockBreak(name) ? '\n' : ' ');
        i = !closing && HIDDEN.contains(name) ? hiddenEnd(html, end, name) : end;
      } else {
        out.append(c); // a '<' that opens no tag is text ("a < b")
        i++;
      }
    }
    return out.toString();
  }

  /** The kind of one complete tag or comment, as inline HTML in Markdown delivers them. */
  public static TagKind kind(String tag) {
    if (!isTagStart(tag, 0)) return TagKind.INLINE; // a comment, declaration or instruction
    String name = tagName(tag, 0);
    if (HIDDEN.contains(name)) {
      if (tag.charAt(1) == '/') return TagKind.HIDDEN_CLOSE;
      return tag.endsWith("/>") ? TagKind.INLINE : TagKind.HIDDEN_OPEN;
    }
    return INLINE.contains(name) ? TagKind.INLINE : TagKind.BREAK;
  }

  private static boolean isTagStart(String s, int lt) {
    int p = lt + 1;
    if (p < s.length() && s.charAt(p) == '/') p++;
    return p < s.length() && isAsciiLetter(s.charAt(p));
  }

  private static String tagName(String s, int lt) {
    int start = s.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
    int end = start;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-'))
      end++;
    return s.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Where the tag opening at {@code lt} ends: after its {@code >}, skipping quoted attribute values
   * (which may hold a {@code >}); the end of the text when it never closes.
   */
  private static int tagEnd(String s, int lt) {
    int i = lt + 1;
    int n = s.length();
    boolean afterEquals = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '>') return i + 1;
      if (afterEquals && (c == '"' || c == '\'')) {
        int close = s.indexOf(c, i + 1);
        if (close < 0) return n;
        i = close + 1;
        afterEquals = false;
        continue;
      }
      if (c == '=') afterEquals = true;
      else if (!Character.isWhitespace(c)) afterEquals = false;
      i++;
    }
    return n;
  }

  /** Past the end tag of a hidden element whose content starts at {@code from}, or the end. */
  private static int hiddenEnd(String s, int from, String name) {
    String close = "</" + name;
    for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
      int nameEnd = i + close.length();
      if (s.regionMatches(true, i, close, 0, close.length())
          && (nameEnd == s.length() || !Character.isLetterOrDigit(s.charAt(nameEnd)))) {
        return tagEnd(s, i);
      }
    }
    return s.length();
  }

  private static int after(String s, String terminator, int from) {
    int end = s.indexOf(terminator, from);
    return end < 0 ? s.length() : end + terminator.length();
  }

  /**
   * Decodes the character reference at {@code amp} ({@code &amp;}, {@code &#39;}, {@code &#x2014;})
   * into {@code out}; returns where the text goes on. An unknown name is kept as written.
   */
  private static int reference(String s, int amp, StringBuilder out) {
    int semi = -1;
    for (int i = amp + 1; i < s.length() && i <= amp + 32; i++) {
      char c = s.charAt(i);
      if (c == ';') {
        semi = i;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') break;
    }
    String decoded = semi < 0 ? null : decode(s.substring(amp + 1, semi));
    if (decoded == null) {
      out.append('&');
      return amp + 1;
    }
    out.append(decoded);
    return semi + 1;
  }

  private static String decode(String name) {
    if (!name.startsWith("#")) return ENTITIES.get(name);
    try {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isBlockBreak(String name) {
    return switch (name) {
      case "p",
          "div",
          "br",
          "li",
          "tr",
          "td",
          "th",
          "ul",
          "ol",
          "table",
          "section",
          "article",
          "blockquote",
          "pre",
          "hr",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "figure",
          "figcaption",
          "details",
          "summary",
          "header",
          "footer",
          "nav",
          "aside" ->
          true;
      default -> false;
    };
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
