package dev.sitesearch.content;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Objects;

/**
 * Something wrong with one content file, told so a person can fix it.
 *
 * @param path path relative to the content root
 * @param line 1-based line, or 0 when it does not apply
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

  /**
   * Why an I/O operation failed, without the absolute path the JDK puts in its messages: problems
   * are shown by the admin API, and the problem already names the file relative to the content
   * folder.
   */
  public static String ioReason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
    if (e instanceof FileSystemException) return e.getClass().getSimpleName();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code path:line:column: reason}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    if (line <= 0) return path + ": " + reason;
    return path + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason;
  }
}
