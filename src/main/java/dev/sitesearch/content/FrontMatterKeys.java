package dev.sitesearch.content;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives parsed front matter Hugo's reading of keys: they are case-insensitive ({@code Title},
 * {@code publishdate} and {@code expiryDate} are the keys {@code title}, {@code publishDate} and
 * {@code expiryDate}), and a key without a value ({@code issue:}) is as good as absent. Maps at
 * every depth are rebuilt as case-insensitive maps (when two keys differ only in case, the later
 * one wins) without their null values; lists and scalars are kept as they are.
 */
final class FrontMatterKeys {
  private FrontMatterKeys() {}

  /** A case-insensitive copy of {@code data} without null values. */
  static Map<String, Object> normalise(Map<?, ?> data) {
    return copy(data, new IdentityHashMap<>());
  }

  /**
   * {@code done} maps each map already copied to its copy: YAML aliases share a map between several
   * keys, or put a map inside itself, and each is copied once.
   */
  private static Map<String, Object> copy(Map<?, ?> map, IdentityHashMap<Object, Object> done) {
    var out = new TreeMap<String, Object>(String.CASE_INSENSITIVE_ORDER);
    done.put(map, out);
    for (var e : map.entrySet()) {
      Object value = e.getValue();
      if (value == null) continue;
      if (value instanceof Map<?, ?> inner) {
        Object copied = done.get(inner);
        value = copied != null ? copied : copy(inner, done);
      }
      out.put(String.valueOf(e.getKey()), value);
    }
    return out;
  }
}
