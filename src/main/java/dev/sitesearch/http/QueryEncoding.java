package dev.sitesearch.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a URL's query string is well formed: every {@code %} starts two hex digits, and the bytes
 * they stand for are UTF-8. Jetty drops a parameter it cannot decode, so {@code f.tags=%zz} would
 * search without the filter and {@code size=200%} with the default size; refused instead, as a
 * malformed path is.
 */
final class QueryEncoding {
  private QueryEncoding() {}

  /**
   * The first parameter whose value is malformed, by name; {@code ""} when a name itself is; null
   * when every one is well formed (or there is no query).
   */
  static String firstMalformed(String query) {
    if (query == null || query.indexOf('%') < 0) return null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name == null) return "";
      if (eq >= 0 && decode(pair.substring(eq + 1)) == null) return name;
    }
    return null;
  }

  /** The decoded text, or null when it is malformed. */
  private static String decode(String part) {
    if (part.indexOf('%') < 0) return part.replace('+', ' ');
    var bytes = ByteBuffer.allocate(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length()) return null;
        int high = Character.digit(part.charAt(i + 1), 16);
        int low = Character.digit(part.charAt(i + 2), 16);
        if (high < 0 || low < 0 || !isAsciiHex(part.charAt(i + 1), part.charAt(i + 2))) return null;
        bytes.put((byte) (high * 16 + low));
        i += 2;
      } else if (c < 0x80) {
        bytes.put((byte) (c == '+' ? ' ' : c));
      } else {
        return part; // raw non-ASCII text: Jetty's to judge, not a percent-encoding
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip())
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAsciiHex(char a, char b) {
    return a < 0x80 && b < 0x80;
  }
}
