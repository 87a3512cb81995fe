package dev.sitesearch.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Hugo turns file names, slugs and titles into URL paths, and how it writes a link: the
 * characters it keeps in a path segment, lower case unless the site says {@code
 * disablePathToLower}, accents dropped with {@code removePathAccents}, and percent-encoding the way
 * Go's {@code url.URL.EscapedPath} does it. The rules follow Hugo's {@code paths.Sanitize} and
 * {@code PathSpec.MakePathSanitized} (Hugo's documentation names the results, not the rules).
 */
final class HugoPaths {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HugoPaths() {}

  /**
   * What Hugo makes of a path or one of its segments: letters, digits, marks and {@code ./\_#+~-@}
   * are kept, as is a valid {@code %XX}; a run of spaces between kept characters becomes one
   * hyphen; everything else is dropped ({@code "x&y (1)?"} is {@code "xy-1"}).
   */
  static String sanitize(String s) {
    var out = new StringBuilder(s.length());
    boolean hyphenPending = false;
    boolean lastWasHyphen = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isAllowed(s, i, cp)) {
        lastWasHyphen = cp == '-';
        if (hyphenPending && !lastWasHyphen) out.append('-');
        hyphenPending = false;
        out.appendCodePoint(cp);
      } else if (!out.isEmpty() && !lastWasHyphen && Character.isWhitespace(cp)) {
        hyphenPending = true;
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isAllowed(String s, int i, int cp) {
    if (cp == ' ') return false;
    if (Character.isLetter(cp) || Character.isDigit(cp)) return true;
    if (".//\\_#+~-@".indexOf(cp) >= 0) return true;
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) return true;
    return cp == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
  }

  /** {@link #sanitize}, then lower case and accents as the site asks. */
  static String sanitize(String s, boolean toLower, boolean removeAccents) {
    String out = sanitize(s);
    if (removeAccents)
      out = MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
    return toLower ? out.toLowerCase(Locale.ROOT) : out;
  }

  /** Hugo's logical-path form of a file path: lower case, spaces as hyphens. */
  static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  /**
   * A link as Hugo writes it: {@code #} is encoded (it would start a fragment), a path that is
   * already valid percent-encoded text is kept as it is, and any other is decoded and encoded
   * again, every byte but letters, digits, {@code -._~} and {@code $&+,/:;=@} as {@code %XX}.
   */
  static String escapePath(String link) {
    String s = link.replace("#", "%23");
    if (isValidEncoded(s)) return s;
    byte[] bytes = percentDecode(s).getBytes(StandardCharsets.UTF_8);
    var out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (keepsInPath(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} sequences (as UTF-8); a stray {@code %} stays as it is. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) return s;
    var bytes = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%' && isHexAt(s, i + 1) && isHexAt(s, i + 2)) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int end = i + Character.charCount(s.codePointAt(i));
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHexAt(String s, int i) {
    return i < s.length() && isHex(s.charAt(i));
  }

  private static boolean isValidEncoded(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (!isHexAt(s, i + 1) || !isHexAt(s, i + 2)) return false;
        i += 2;
      } else if (!(keepsInPath(c) || "!'()*[]".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean keepsInPath(int c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || "-._~$&+,/:;=@".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
