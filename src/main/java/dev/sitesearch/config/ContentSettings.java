package dev.sitesearch.config;

/**
 * The {@code content:} section: how content files are read.
 *
 * @param maxFileBytes files larger than this are reported, not read
 */
public record ContentSettings(long maxFileBytes) {
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
  public static final ContentSettings DEFAULTS = new ContentSettings(DEFAULT_MAX_FILE_BYTES);

  public ContentSettings {
    if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
  }

  static ContentSettings fromConfig(ConfigSection s) {
    s.allowOnly("maxFileSize");
    return new ContentSettings(s.size("maxFileSize", DEFAULT_MAX_FILE_BYTES, 1, Long.MAX_VALUE));
  }
}
