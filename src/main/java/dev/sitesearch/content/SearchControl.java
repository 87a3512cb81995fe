package dev.sitesearch.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a page's front matter says about its place in search, under the key {@code search} (cascades
 * included, so a section can set it for all its pages):
 *
 * <pre>
 * search:
 *   exclude: true   # not indexed: skipped, with this reason in the summary
 *   boost: 2        # its score multiplied, from 0.1 (a changelog) to 10 (the guide)
 * </pre>
 *
 * and, when the site already marks such pages its own way, the front-matter path named by {@code
 * content.searchable} ({@code params.searchable}): {@code false} there excludes the page too. A
 * value that is not what it should be is a problem naming the page and the key, and is left out
 * (the page is indexed, without a boost).
 *
 * @param excluded why the page is left out, or null when it is searched
 * @param boost what its score is multiplied by; 1 for none
 */
public record SearchControl(String excluded, float boost) {
  /** The front-matter key. */
  public static final String KEY = "search";

  public static final float MIN_BOOST = 0.1f;
  public static final float MAX_BOOST = 10f;

  public static final SearchControl NONE = new SearchControl(null, 1f);

  /**
   * The control in {@code data} (the page's front matter with its cascades); problems go to {@code
   * warnings} under {@code path}. {@code marker} is the site's own front-matter path whose {@code
   * false} excludes a page, or null.
   */
  static SearchControl read(
      Map<String, Object> data, String marker, String path, List<ContentProblem> warnings) {
    String excluded = null;
    float boost = 1f;
    Object search = FrontMatterPath.get(data, KEY);
    if (search instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
        Object value = e.getValue();
        switch (key) {
          case "exclude" -> {
            Boolean on = bool(value);
            if (on == null) warnings.add(problem(path, "exclude", value, "true or false"));
            else if (on) excluded = "excluded from search (search.exclude: true)";
          }
          case "boost" -> {
            Float b = number(value);
            if (b == null || b < MIN_BOOST || b > MAX_BOOST)
              warnings.add(
                  problem(path, "boost", value, "a number from " + MIN_BOOST + " to " + MAX_BOOST));
            else boost = b;
          }
          default ->
              warnings.add(
                  ContentProblem.of(
                      path,
                      "search."
                          + e.getKey()
                          + ": unknown key; search takes exclude (true or false) and boost (a"
                          + " number from 0.1 to 10)"));
        }
      }
    } else if (search != null) {
      warnings.add(
          ContentProblem.of(
              path, "search: expected keys such as {exclude: true, boost: 2}; it is left out"));
    }
    if (excluded == null && marker != null) {
      Object value = FrontMatterPath.get(data, marker);
      if (Boolean.FALSE.equals(bool(value)))
        excluded = "excluded from search (" + marker + ": false)";
    }
    return excluded == null && boost == 1f ? NONE : new SearchControl(excluded, boost);
  }

  private static ContentProblem problem(String path, String key, Object value, String expected) {
    return ContentProblem.of(
        path, "search." + key + ": '" + value + "' is not " + expected + "; it is left out");
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) return b;
    if (value instanceof String s) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      if (t.equals("true")) return true;
      if (t.equals("false")) return false;
    }
    return null;
  }

  private static Float number(Object value) {
    if (value instanceof Number n) {
      float f = n.floatValue();
      return Float.isFinite(f) ? f : null;
    }
    if (value instanceof String s) {
      try {
        float f = Float.parseFloat(s.strip());
        return Float.isFinite(f) ? f : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
