package dev.sitesearch.content;

import java.util.Objects;

/**
 * Something wrong with one content file, told so a person can fix it.
 *
 * @param path   path relative to the content root
 * @param line   1-based line, or 0 when it does not apply
 * @param column 1-based column, or 0 when it does not apply
 * @param reason what is wrong and, where it helps, what to do
 */
public record ContentProblem(String path, int line, int column, String reason) {
  public ContentProblem {
    Objects.requireNonNull(path);
    Objects.requireNonNull(reason);
  }

  public static ContentProblem of(String path, String reason) {
    return new ContentProblem(path, 0, 0, reason);
  }

  /** {@code path:line:column: reason}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    if (line <= 0) return path + ": " + reason;
    return path + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason;
  }
}
