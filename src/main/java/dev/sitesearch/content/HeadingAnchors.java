package dev.sitesearch.content;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ids one page's headings get, in document order, as Hugo's goldmark renderer gives them
 * (Hugo's {@code markup/goldmark/autoid.go}): made of the heading's Markdown source as written
 * (emphasis markers, a link's URL and entities included, as Hugo does), and a repeated id gets
 * {@code -1}, {@code -2}… A heading's own {@code {#id}} is used as written and counts as taken.
 * {@code HeadingAnchorsOracleTest} checks these against Hugo itself.
 */
final class HeadingAnchors {
  private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");
  private final HeadingIds ids;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  HeadingAnchors(HeadingIds ids) {
    this.ids = ids;
  }

  /** A heading's own id, taken as it is. */
  String custom(String id) {
    taken.add(id);
    return id;
  }

  /**
   * The id Hugo generates for a heading whose source text is {@code source}; "" when it makes none.
   */
  String generate(String source) {
    if (!ids.auto()) return "";
    var id = new StringBuilder(sanitize(source, ids.type()));
    if (id.isEmpty()) id.append("heading");
    String base = id.toString();
    if (taken.contains(base)) {
      // Hugo tries -1, -2… each time; the first free number only grows (ids are never given
      // back), so it is remembered per base: a page of thousands of equal headings stays linear.
      int i = nextSuffix.getOrDefault(base, 1);
      while (taken.contains(base + "-" + i)) i++;
      nextSuffix.put(base, i + 1);
      id.append('-').append(i);
    }
    String anchor = id.toString();
    taken.add(anchor);
    return anchor;
  }

  static String sanitize(String source, HeadingIds.Type type) {
    if (type == HeadingIds.Type.BLACKFRIDAY) return blackfriday(source);
    boolean ascii = type == HeadingIds.Type.GITHUB_ASCII;
    String s = source;
    if (ascii)
      s =
          Normalizer.normalize(
              MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll(""),
              Normalizer.Form.NFC);
    s = s.strip();
    var out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (ascii && c >= 0x80) return;
              if (c == '-' || c == ' ') out.append('-');
              else if (c == '_' || Character.isLetter(c) || Character.isDigit(c))
                out.appendCodePoint(Character.toLowerCase(c));
            });
    return out.toString();
  }

  /** Blackfriday's anchors: runs of anything but letters and numbers become one hyphen. */
  private static String blackfriday(String source) {
    var out = new StringBuilder(source.length());
    boolean dash = false;
    for (int i = 0; i < source.length(); ) {
      int c = source.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c) || isNumber(c)) {
        if (dash && !out.isEmpty()) out.append('-');
        dash = false;
        out.appendCodePoint(Character.toLowerCase(c));
      } else {
        dash = true;
      }
    }
    return out.toString();
  }

  private static boolean isNumber(int c) {
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
