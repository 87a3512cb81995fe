package dev.sitesearch.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A content file found by the walker, before it is read.
 *
 * @param relPath path relative to the content root, always with '/' separators: the page's identity
 *     on disk
 * @param path where to read it (may be reached through a symlink inside the root)
 * @param size bytes on disk
 * @param modifiedMillis last modification time
 */
public record SourceFile(String relPath, Path path, long size, long modifiedMillis) {
  public SourceFile {
    Objects.requireNonNull(relPath);
    Objects.requireNonNull(path);
    if (relPath.isEmpty() || relPath.startsWith("/"))
      throw new IllegalArgumentException("relPath must be relative");
  }
}
