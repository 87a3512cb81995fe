package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hugo's page matcher, the {@code target} of a cascade or a permalink rule: globs on the page's
 * kind, its logical path ({@code /docs/concepts/pods}), its language and the build environment;
 * each one left out matches everything. The language comes from {@code lang} (Hugo up to 0.152) or
 * {@code sites.matrix.languages} (from 0.153: a list of globs, or one glob).
 *
 * @param kind glob on the kind (home, section, page, taxonomy, term), or null
 * @param path glob on the lower-cased logical path, or null
 * @param langs globs on the language, any of which matches, or empty
 * @param environment glob on the environment ({@code production} for a {@code hugo} build), or null
 */
record PageMatcher(PathGlob kind, PathGlob path, List<PathGlob> langs, PathGlob environment) {
  static final PageMatcher ALL = new PageMatcher(null, null, List.of(), null);

  /** The environment of a {@code hugo} build, which is the one sitesearch indexes. */
  static final String ENVIRONMENT = "production";

  PageMatcher {
    langs = List.copyOf(langs);
  }

  static PageMatcher of(String kind, String path) {
    return new PageMatcher(
        kind == null ? null : PathGlob.of(kind),
        path == null ? null : PathGlob.of(path),
        List.of(),
        null);
  }

  /**
   * Reads a {@code target} map (keys in lower case); {@code where} names it in errors. Throws
   * {@link IllegalArgumentException} for a value of the wrong shape or a broken glob.
   */
  static PageMatcher read(Object target, String where) {
    if (target == null) return ALL;
    if (!(target instanceof Map<?, ?> map))
      throw new IllegalArgumentException(where + ": expected a map (kind, path, lang, sites)");
    var langs = new ArrayList<PathGlob>();
    String lang = text(map.get("lang"), where + ".lang");
    if (lang != null) langs.add(PathGlob.of(lang));
    if (map.get("sites") instanceof Map<?, ?> sites
        && sites.get("matrix") instanceof Map<?, ?> matrix) {
      Object languages = matrix.get("languages");
      if (languages instanceof List<?> list) {
        for (Object o : list) langs.add(PathGlob.of(String.valueOf(o)));
      } else if (languages != null) {
        langs.add(PathGlob.of(String.valueOf(languages)));
      }
    }
    String kind = text(map.get("kind"), where + ".kind");
    String path = text(map.get("path"), where + ".path");
    String environment = text(map.get("environment"), where + ".environment");
    return new PageMatcher(
        kind == null ? null : PathGlob.of(kind.toLowerCase(Locale.ROOT)),
        path == null ? null : PathGlob.of(path.toLowerCase(Locale.ROOT)),
        langs,
        environment == null ? null : PathGlob.of(environment));
  }

  private static String text(Object v, String where) {
    if (v == null) return null;
    if (v instanceof Map || v instanceof List)
      throw new IllegalArgumentException(where + ": expected a glob such as '{/docs,/docs/**}'");
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }

  /** Whether a page of {@code kind} at {@code logicalPath} in {@code lang} is targeted. */
  boolean matches(String kind, String logicalPath, String lang) {
    if (this.kind != null && !this.kind.matches(kind)) return false;
    if (path != null) {
      String p = logicalPath.toLowerCase(Locale.ROOT);
      if (!path.matches(p.startsWith("/") ? p : "/" + p)) return false;
    }
    if (!langs.isEmpty() && langs.stream().noneMatch(g -> g.matches(lang))) return false;
    return environment == null || environment.matches(ENVIRONMENT);
  }
}
