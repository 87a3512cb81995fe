package dev.sitesearch.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@code content:} section: how content files are read and where their site is.
 *
 * @param maxFileBytes files larger than this are reported, not read
 * @param site the Hugo project folder, or null to look for one above the content folder
 * @param urlTemplate the site's own URL rule ({@code "{basePath}/{slug}/"}: front-matter values
 *     joined), for pages that name their address in a way Hugo does not know; null for Hugo's
 */
public record ContentSettings(long maxFileBytes, Path site, String urlTemplate, String searchable) {
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
  public static final ContentSettings DEFAULTS =
      new ContentSettings(DEFAULT_MAX_FILE_BYTES, null, null, null);
  private static final Pattern MARKER = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_.-]+}");

  public ContentSettings {
    if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
  }

  public ContentSettings withSite(Path newSite) {
    return new ContentSettings(maxFileBytes, newSite, urlTemplate, searchable);
  }

  static ContentSettings fromConfig(ConfigSection s) {
    s.allowOnly("maxFileSize", "site", "urlTemplate", "searchable");
    String template = s.string("urlTemplate", null);
    if (template != null && !PLACEHOLDER.matcher(template).find())
      throw s.error(
          "urlTemplate", "expected front-matter fields in braces, such as \"{basePath}/{slug}/\"");
    String searchable = s.string("searchable", null);
    if (searchable != null && !searchable.isEmpty() && !MARKER.matcher(searchable).matches())
      throw s.error(
          "searchable", "expected a front-matter key or dotted path, such as params.searchable");
    return new ContentSettings(
        s.size("maxFileSize", DEFAULT_MAX_FILE_BYTES, 1, Long.MAX_VALUE),
        s.file("site", null),
        template == null || template.isEmpty() ? null : template,
        searchable == null || searchable.isEmpty() ? null : searchable);
  }
}
