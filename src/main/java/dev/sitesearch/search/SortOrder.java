package dev.sitesearch.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hits are ordered. */
public enum SortOrder {
  RELEVANCE,
  NEWEST,
  OLDEST,
  TITLE;

  /** The order named (case-insensitive); blank means relevance. */
  public static SortOrder parse(String value) {
    if (value == null || value.isBlank()) return RELEVANCE;
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          InvalidRequestException.Part.SORT,
          "the order must be one of "
              + names()
              + ", not '"
              + InvalidRequestException.shorten(value)
              + "'");
    }
  }

  public static String names() {
    return Arrays.stream(values())
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
