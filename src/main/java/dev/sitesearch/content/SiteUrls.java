package dev.sitesearch.content;

import java.util.Map;
import java.util.Objects;

/**
 * What decides the site's addresses beside each page's front matter.
 *
 * @param host {@code scheme://host[:port]} of {@code baseURL}, or null when it names none (then
 *     pages have no absolute permalink)
 * @param basePath the path of {@code baseURL}, starting and ending with {@code /} ({@code /docs/})
 * @param permalinks the {@code permalinks} rules
 * @param permalinksByLang a language's own {@code permalinks}, which replace the site's for it
 * @param uglyAll {@code uglyURLs = true}
 * @param uglySections {@code [uglyURLs] section = true|false}
 * @param style lower case and accents ({@code disablePathToLower}, {@code removePathAccents})
 */
record SiteUrls(
    String host,
    String basePath,
    Permalinks permalinks,
    Map<String, Permalinks> permalinksByLang,
    boolean uglyAll,
    Map<String, Boolean> uglySections,
    UrlStyle style) {

  static final SiteUrls DEFAULTS =
      new SiteUrls(null, "/", Permalinks.NONE, Map.of(), false, Map.of(), UrlStyle.DEFAULT);

  SiteUrls {
    Objects.requireNonNull(basePath);
    permalinksByLang = Map.copyOf(permalinksByLang);
    uglySections = Map.copyOf(uglySections);
  }

  boolean isUgly(String section) {
    Boolean s = uglySections.get(HugoPaths.normalize(section));
    return s != null ? s : uglyAll;
  }

  Permalinks permalinks(String lang) {
    return permalinksByLang.getOrDefault(lang, permalinks);
  }

  /** A link (from the site's root) with the {@code baseURL} path in front: the page's URL. */
  String relPermalink(String link) {
    if (basePath.equals("/")) return link;
    String base = basePath.substring(0, basePath.length() - 1);
    if (link.equals("/")) return basePath;
    return base + (link.startsWith("/") ? link : "/" + link);
  }

  /** The absolute permalink of a URL from {@link #relPermalink}, or null without a host. */
  String permalink(String relPermalink) {
    return host == null ? null : host + relPermalink;
  }
}
