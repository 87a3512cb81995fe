package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code cascade} entry, from the site config or a page's front matter: front-matter values a
 * targeted page takes when it does not set them itself ({@code build}, {@code draft}, {@code url},
 * …) and {@code params} it takes the same way, key by key.
 *
 * @param target which pages take the values ({@code target}, or {@code _target} before Hugo 0.156)
 * @param fields top-level front-matter values, keys in lower case
 * @param params values for the page's {@code params}, keys in lower case
 */
record Cascade(PageMatcher target, Map<String, Object> fields, Map<String, Object> params) {
  Cascade {
    fields = Map.copyOf(fields);
    params = Map.copyOf(params);
  }

  /**
   * Reads a {@code cascade} value: a map or a list of maps. {@code where} names it in errors;
   * throws {@link IllegalArgumentException} for a value of the wrong shape.
   */
  static List<Cascade> read(Object value, String where) {
    if (value == null) return List.of();
    List<?> items = value instanceof List<?> list ? list : List.of(value);
    var out = new ArrayList<Cascade>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.size() == 1 ? where : where + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> map))
        throw new IllegalArgumentException(at + ": expected a map of front-matter values");
      PageMatcher target = PageMatcher.ALL;
      var fields = new LinkedHashMap<String, Object>();
      var params = new LinkedHashMap<String, Object>();
      for (var e : map.entrySet()) {
        String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
        Object v = e.getValue();
        switch (key) {
          case "target", "_target" -> target = PageMatcher.read(v, at + "." + key);
          case "params" -> {
            if (v instanceof Map<?, ?> p)
              p.forEach(
                  (k, pv) -> {
                    if (pv != null) params.put(lower(k), pv);
                  });
          }
          default -> {
            if (v != null) fields.put(key, v);
          }
        }
      }
      if (!fields.isEmpty() || !params.isEmpty()) out.add(new Cascade(target, fields, params));
    }
    return List.copyOf(out);
  }

  private static String lower(Object key) {
    return String.valueOf(key).toLowerCase(Locale.ROOT);
  }
}
