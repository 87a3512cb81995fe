package dev.sitesearch.config;

import java.nio.file.Path;

/**
 * The {@code analytics:} section: whether searches, suggestions and result clicks are counted, for
 * how long, and where. No personal data is kept either way (no address, cookie or user agent), so
 * counting is on by default, as the site's own search box is the best source of what its readers
 * miss; a site that wants none turns it off.
 *
 * @param enabled count searches, suggestions and clicks
 * @param retentionDays events older than this many days are deleted (at start and daily)
 * @param path the folder of the analytics store, or null for the folder beside the index ({@code
 *     <index>-analytics})
 */
public record AnalyticsSettings(boolean enabled, int retentionDays, Path path) {
  public static final int DEFAULT_RETENTION_DAYS = 90;

  /** Ten years: longer is no longer "analytics that feed curation". */
  public static final int MAX_RETENTION_DAYS = 3650;

  public static final AnalyticsSettings DEFAULTS =
      new AnalyticsSettings(true, DEFAULT_RETENTION_DAYS, null);

  /** Counting off, for servers and tests that want no store. */
  public static final AnalyticsSettings OFF =
      new AnalyticsSettings(false, DEFAULT_RETENTION_DAYS, null);

  public AnalyticsSettings {
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)
      throw new IllegalArgumentException("retentionDays out of range");
  }

  static AnalyticsSettings fromConfig(ConfigSection s) {
    s.allowOnly("enabled", "retentionDays", "path");
    return new AnalyticsSettings(
        s.bool("enabled", true),
        s.integer("retentionDays", DEFAULT_RETENTION_DAYS, 1, MAX_RETENTION_DAYS),
        s.file("path", null));
  }

  /**
   * Where the store is for an index folder: the configured path, else {@code <index>-analytics}.
   */
  public Path folderFor(Path index) {
    if (path != null) return path;
    Path absolute = index.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + "-analytics");
  }
}
