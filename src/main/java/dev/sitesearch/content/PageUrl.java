package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page's {@link PageAddress} from its front matter: the site's own {@link UrlTemplate} when it
 * has one and the page has its values, else the address Hugo gives the page ({@link PageLinks}).
 * Aliases are never the page's URL: Hugo serves them as redirects to it.
 */
final class PageUrl {
  private PageUrl() {}

  /** Hugo trims hyphens from a slug's ends. */
  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

  /**
   * The address of the page at {@code path}.
   *
   * @param data the front matter as written, cascades applied (for the URL template)
   * @param fields the same with lower-case keys, as Hugo reads its own fields
   */
  static PageAddress address(
      String path,
      PagePlace place,
      Map<String, Object> data,
      Map<String, Object> fields,
      FrontMatterDates.Dates dates,
      Site site,
      List<ContentProblem> warnings) {
    String url = scalar(fields.get("url"));
    if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
      warnings.add(
          ContentProblem.of(
              path, "url: Hugo does not take a URL with a scheme (" + url + "); it is left out"));
      url = null;
    } else if (url != null && Permalinks.unknownToken(url) != null) {
      warnings.add(
          ContentProblem.of(
              path,
              "url: Hugo reads :"
                  + Permalinks.unknownToken(url)
                  + " in it as a token it does not know and refuses the page; it is left out"));
      url = null;
    }
    String slug = scalar(fields.get("slug"));
    if (slug != null) slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
    if (slug == null || slug.isEmpty()) slug = dates.slug();
    String title = scalar(fields.get("title"));
    var facts =
        new PageFacts(
            place,
            title == null ? "" : title,
            slug,
            url,
            aliases(fields.get("aliases")),
            dates.date(),
            site.sectionSlugs(place));
    PageAddress hugo = PageLinks.address(facts, site.hugo());
    UrlTemplate template = site.urlTemplate();
    String own = url == null && template != null ? template.expand(data) : null;
    if (own == null) return hugo;
    String permalink = own.contains("://") ? own : site.hugo().urls().permalink(own);
    return new PageAddress(own, permalink, hugo.aliases());
  }

  private static List<String> aliases(Object v) {
    var out = new ArrayList<String>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        String s = scalar(o);
        if (s != null) out.add(s);
      }
    } else {
      String s = scalar(v);
      if (s != null) out.add(s);
    }
    return out;
  }

  private static String scalar(Object v) {
    if (v == null || v instanceof Map || v instanceof List) return null;
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }
}
