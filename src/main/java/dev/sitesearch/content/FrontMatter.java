package dev.sitesearch.content;

import java.util.Map;

/**
 * A file split into its front matter and its Markdown body.
 *
 * @param data the parsed front matter, empty when the file has none
 * @param format which syntax it was written in
 * @param body the Markdown after the front matter
 */
public record FrontMatter(Map<String, Object> data, Format format, String body) {
  public enum Format {
    YAML,
    TOML,
    JSON,
    NONE
  }
}
