package dev.sitesearch.index;

import java.util.regex.Pattern;

/**
 * A title reduced to its words (lower case, no accents, no punctuation), so a query that equals a
 * page's title finds it as one term however it was typed.
 */
public final class TitleKey {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Longer titles are not looked up whole: nobody types them. */
  public static final int MAX_CHARS = 300;

  private TitleKey() {}

  public static String of(String title) {
    String key = NON_WORD.matcher(TextFolding.fold(title)).replaceAll(" ").strip();
    return key.length() > MAX_CHARS ? key.substring(0, MAX_CHARS) : key;
  }
}
