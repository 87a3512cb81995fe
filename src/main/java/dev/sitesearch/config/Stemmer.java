package dev.sitesearch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the full-text fields reduce words to a common form ({@code fields.stemmer} in {@code
 * sitesearch.yml}). Porter is the default, chosen by the relevance benchmark (docs/relevance.md
 * compares them); {@code none} suits a site that is not in English.
 */
public enum Stemmer {
  /** Porter (1980): aggressive, the classic choice. */
  PORTER,
  /** Snowball English (Porter2): Porter's revision. */
  SNOWBALL,
  /** Krovetz: dictionary-based and conservative; stems stay real words. */
  KSTEM,
  /** Plurals only ("pages" = "page"). */
  MINIMAL,
  /** Words as written, after lower-casing and accent folding. */
  NONE;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stemmer> byName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.configName().equals(wanted)).findFirst();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(Stemmer::configName).toList());
  }
}
