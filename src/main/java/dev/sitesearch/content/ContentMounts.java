package dev.sitesearch.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the folders a Hugo site takes its content from: {@code module.mounts} whose target is
 * {@code content} or below (with {@code lang} or {@code sites.matrix.languages}, and {@code files}
 * or {@code includeFiles}/{@code excludeFiles}), else the languages' and the site's {@code
 * contentDir}. A mount of the wrong shape is an {@link IllegalArgumentException} naming it.
 */
final class ContentMounts {
  private ContentMounts() {}

  /**
   * The folders content comes from, in the order a file is looked up: the module mounts targeting
   * {@code content} as written, else each language's {@code contentDir}, then the site's own.
   *
   * @param config the merged configuration, keys in lower case
   * @param langs each language's settings
   * @param resolve a folder of the project, as a path
   * @param contentDir the site's {@code contentDir}, or null for {@code content}
   */
  static List<ContentMount> read(
      Map<String, Object> config,
      Map<String, Map<String, Object>> langs,
      SiteLanguages languages,
      Function<String, Path> resolve,
      String contentDir) {
    // Module mounts in the order written: a file several of them take (OpenTelemetry mounts the
    // English docs into every language as a fallback) belongs to the first, its own language's.
    List<ContentMount> modules = moduleMounts(config, resolve);
    if (!modules.isEmpty()) return modules;
    var mounts = new ArrayList<ContentMount>();
    String base = contentDir == null ? "content" : contentDir;
    Path baseDir = resolve.apply(base);
    for (String code : languages.codes()) {
      Object dir = langs.getOrDefault(code, Map.of()).get("contentdir");
      if (dir != null && !resolve.apply(String.valueOf(dir)).equals(baseDir))
        mounts.add(ContentMount.of(resolve.apply(String.valueOf(dir)), "", code));
    }
    mounts.add(ContentMount.of(baseDir, "", null));
    // A language's folder inside the site's content folder is the more specific one.
    mounts.sort(Comparator.comparingInt((ContentMount m) -> -m.source().getNameCount()));
    return mounts;
  }

  private static List<ContentMount> moduleMounts(
      Map<String, Object> config, Function<String, Path> resolve) {
    if (!(config.get("module") instanceof Map<?, ?> module)) return List.of();
    if (!(module.get("mounts") instanceof List<?> list)) return List.of();
    var out = new ArrayList<ContentMount>();
    for (int i = 0; i < list.size(); i++) {
      String at = "module.mounts[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m))
        throw new IllegalArgumentException(at + ": expected a map with source and target");
      String target = String.valueOf(m.get("target")).replace('\\', '/');
      if (!target.equals("content") && !target.startsWith("content/")) continue;
      String source = m.get("source") == null ? "" : String.valueOf(m.get("source"));
      var includes = new ArrayList<PathGlob>();
      var excludes = new ArrayList<PathGlob>();
      for (String g : globs(m.get("files"))) {
        if (g.startsWith("!")) excludes.add(PathGlob.of(g.substring(1).strip()));
        else includes.add(PathGlob.of(g.strip()));
      }
      globs(m.get("includefiles")).forEach(g -> includes.add(PathGlob.of(g)));
      globs(m.get("excludefiles")).forEach(g -> excludes.add(PathGlob.of(g)));
      out.add(
          new ContentMount(
              resolve.apply(source),
              target.equals("content") ? "" : target.substring("content/".length()),
              mountLang(m),
              includes,
              excludes));
    }
    return out;
  }

  private static String mountLang(Map<?, ?> mount) {
    if (mount.get("lang") != null) return String.valueOf(mount.get("lang"));
    if (mount.get("sites") instanceof Map<?, ?> sites
        && sites.get("matrix") instanceof Map<?, ?> matrix) {
      Object langs = matrix.get("languages");
      if (langs instanceof List<?> list && list.size() == 1) return String.valueOf(list.get(0));
      if (langs instanceof String s && !s.contains("*") && !s.contains("{")) return s;
    }
    return null;
  }

  private static List<String> globs(Object v) {
    if (v == null) return List.of();
    if (v instanceof List<?> list) return list.stream().map(String::valueOf).toList();
    return List.of(String.valueOf(v));
  }
}
