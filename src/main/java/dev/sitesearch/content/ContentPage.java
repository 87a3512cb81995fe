package dev.sitesearch.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published page as read from disk, before it becomes a Lucene document.
 *
 * @param source the file it came from
 * @param contentHash hex SHA-256 of the file's bytes, to tell real changes from touched files
 * @param id front matter {@code id}, else the relative path
 * @param url the page's public URL
 * @param title front matter title, else the first heading, else the file name
 * @param description front matter description, possibly empty
 * @param body the Markdown body rendered to plain text
 * @param frontMatter the parsed front matter (maps, lists, strings, numbers, booleans, dates)
 * @param expiresAt front matter {@code expiryDate}, or null: the index drops the page once it
 *     passes
 * @param warnings problems that left one field out but kept the page
 */
public record ContentPage(
    SourceFile source,
    String contentHash,
    String id,
    String url,
    String title,
    String description,
    String body,
    Map<String, Object> frontMatter,
    Instant expiresAt,
    List<ContentProblem> warnings) {

  public ContentPage {
    Objects.requireNonNull(source);
    Objects.requireNonNull(contentHash);
    Objects.requireNonNull(id);
    Objects.requireNonNull(url);
    Objects.requireNonNull(title);
    Objects.requireNonNull(description);
    Objects.requireNonNull(body);
    frontMatter = Map.copyOf(Objects.requireNonNullElse(frontMatter, Map.of()));
    warnings = List.copyOf(warnings);
    if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
  }

  /** The value at a dotted path ({@code link.brand}) of the front matter, or null. */
  public Object value(String dottedPath) {
    return FrontMatterPath.get(frontMatter, dottedPath);
  }
}
