package dev.sitesearch.content;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's own URL rule, set in {@code sitesearch.yml} as {@code content.urlTemplate}, for sites
 * whose pages name their address in front matter in a way Hugo does not know: {@code
 * "{basePath}/{slug}/"} joins two front-matter values (the bundled sample site's convention). A
 * placeholder is a front-matter path ({@code link.slug} reaches into a map). A page that lacks one
 * of the values gets its Hugo address instead; {@code url} in front matter still wins.
 *
 * @param template the rule as written
 */
public record UrlTemplate(String template) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
  private static final Pattern REPEATED_SLASH = Pattern.compile("(?<!:)/{2,}");

  public UrlTemplate {
    if (template == null || template.isBlank())
      throw new IllegalArgumentException("the URL template is empty");
    if (!PLACEHOLDER.matcher(template).find())
      throw new IllegalArgumentException(
          "'" + template + "' has no {placeholder} naming a front-matter field");
  }

  /** The URL for a page with this front matter, or null when a value is missing. */
  String expand(Map<String, Object> frontMatter) {
    Matcher m = PLACEHOLDER.matcher(template);
    var out = new StringBuilder();
    while (m.find()) {
      Object v = FrontMatterPath.get(frontMatter, m.group(1));
      if (v == null || v instanceof Map || v instanceof List) return null;
      String s = String.valueOf(v).strip();
      if (s.isEmpty()) return null;
      m.appendReplacement(out, Matcher.quoteReplacement(s));
    }
    m.appendTail(out);
    // As written: the site's rule says what its URLs look like, only doubled slashes are joined.
    return REPEATED_SLASH.matcher(out.toString()).replaceAll("/");
  }
}
