package dev.sitesearch.content;

import java.util.Map;

/** Resolves dotted paths such as {@code link.brand} in nested front-matter maps. */
public final class FrontMatterPath {
  private FrontMatterPath() {}

  /** The value at {@code dottedPath}, or null when any step is missing or not a map. */
  public static Object get(Map<String, Object> root, String dottedPath) {
    Object current = root;
    for (String step : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) return null;
      current = map.get(step);
    }
    return current;
  }
}
