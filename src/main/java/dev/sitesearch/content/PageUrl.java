package dev.sitesearch.content;

import java.util.List;
import java.util.Map;

/**
 * A page's public URL, in Hugo's order: {@code url}, the first of {@code aliases}, {@code basePath
 * + slug}, the path.
 */
public final class PageUrl {
  private PageUrl() {}

  public static String of(String relPath, Map<String, Object> data) {
    String url = scalar(data.get("url"));
    if (url != null) return url;
    Object aliases = data.get("aliases");
    String alias =
        aliases instanceof List<?> list && !list.isEmpty() ? scalar(list.get(0)) : scalar(aliases);
    if (alias != null) return alias;
    String slug = scalar(data.get("slug"));
    String basePath = scalar(data.get("basePath"));
    if (slug != null && basePath != null) return join(basePath, slug);
    String withoutExt = relPath.replaceFirst("\\.(md|markdown)$", "");
    String dir =
        withoutExt.contains("/") ? withoutExt.substring(0, withoutExt.lastIndexOf('/')) : "";
    String name = withoutExt.substring(withoutExt.lastIndexOf('/') + 1);
    if (slug != null) return join("/" + dir, slug);
    if (name.equals("index") || name.equals("_index")) return dir.isEmpty() ? "/" : "/" + dir + "/";
    return "/" + withoutExt + "/";
  }

  private static String join(String base, String slug) {
    String b = base.endsWith("/") ? base : base + "/";
    String s = slug.startsWith("/") ? slug.substring(1) : slug;
    return (b.startsWith("/") || b.contains("://") ? b : "/" + b)
        + s
        + (s.endsWith("/") || s.isEmpty() ? "" : "/");
  }

  private static String scalar(Object v) {
    if (v == null || v instanceof Map || v instanceof List) return null;
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }
}
