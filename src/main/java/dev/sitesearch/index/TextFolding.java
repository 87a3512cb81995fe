package dev.sitesearch.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower case without accents ("Diabète" → "diabete"), as visitors type; shared by title keys,
 * facets and spelling.
 */
public final class TextFolding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private TextFolding() {}

  public static String fold(String s) {
    return MARKS
        .matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }
}
