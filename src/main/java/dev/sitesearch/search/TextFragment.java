package dev.sitesearch.search;

import java.nio.charset.StandardCharsets;

/**
 * Links that make the browser scroll to words and mark them: the URL fragment's text directive
 * ({@code #anchor:~:text=…}, WICG "URL Fragment Text Directives"). The words are the first match of
 * a passage and the few plain words after it on its line: a match alone may occur earlier on the
 * page, which is where the browser would go, and punctuation stops the run because the page may
 * render it otherwise (Hugo turns {@code '} into {@code ’}).
 */
final class TextFragment {
  /** Words after the match: enough to be unique on a page, short enough to survive edits. */
  static final int WORDS_AFTER = 4;

  static final int MAX_CHARS = 80;

  private TextFragment() {}

  /** The words to mark: from {@code matchStart} over the match and a few plain words after it. */
  static String words(String text, int matchStart, int matchEnd) {
    int end = matchEnd;
    int words = 0;
    int i = matchEnd;
    while (i < text.length() && i - matchStart < MAX_CHARS) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (++words > WORDS_AFTER) break;
      } else if (!Character.isLetterOrDigit(c)) {
        break;
      } else {
        end = i + 1;
      }
      i++;
    }
    return text.substring(matchStart, Math.max(matchEnd, end)).strip();
  }

  /**
   * {@code url} (with or without an {@code #anchor}) linking to {@code words}; {@code url} for
   * none.
   */
  static String link(String url, String words) {
    if (words.isBlank()) return url;
    return url + (url.indexOf('#') >= 0 ? "" : "#") + ":~:text=" + encode(words);
  }

  /**
   * Percent-encoded UTF-8, everything but letters, digits and {@code . _ ~}: the directive's own
   * syntax ({@code - , &}) must be encoded, and so must anything a URL cannot carry.
   */
  static String encode(String s) {
    var out = new StringBuilder(s.length() * 3);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** An anchor as a URL fragment: non-ASCII and characters a fragment cannot hold encoded. */
  static String fragment(String anchor) {
    var out = new StringBuilder(anchor.length());
    for (byte b : anchor.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && "\"#%<>[\\]^`{|}".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
