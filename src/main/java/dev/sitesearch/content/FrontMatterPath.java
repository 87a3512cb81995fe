package dev.sitesearch.content;

import java.util.Map;

/**
 * Resolves dotted paths such as {@code link.brand} in nested front-matter maps, ignoring case as
 * Hugo does ({@code Tags} and {@code tags} are one key).
 */
public final class FrontMatterPath {
  private FrontMatterPath() {}

  /** The value at {@code dottedPath}, or null when any step is missing or not a map. */
  public static Object get(Map<String, Object> root, String dottedPath) {
    Object current = root;
    for (String step : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) return null;
      current = lookUp(map, step);
    }
    return current;
  }

  /**
   * The parser's maps ignore case themselves; a copy of one (a page keeps an immutable copy of its
   * front matter) needs the slower look.
   */
  private static Object lookUp(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value != null) return value;
    for (var e : map.entrySet()) {
      if (e.getKey() instanceof String k && k.equalsIgnoreCase(key)) return e.getValue();
    }
    return null;
  }
}
