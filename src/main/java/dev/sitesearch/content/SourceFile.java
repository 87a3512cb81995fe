package dev.sitesearch.content;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A content file found by the walker, before it is read, with what the walk saw of it: the reader
 * reads that file and nothing else (see {@link SourceText}).
 *
 * @param relPath path relative to the content root, always with '/' separators: the page's identity
 *     on disk
 * @param path where to read it: for a listed file, its real path at the time of the walk (a symlink
 *     inside the root already resolved), so that no symlink needs following to open it
 * @param size bytes on disk, as the walk saw them
 * @param modifiedMillis last modification time, as the walk saw it
 * @param fileKey the file's identity as the walk saw it (device and inode), or null for a file not
 *     listed by a walk (a test's, a tool's): then the reader only checks what it opens
 */
public record SourceFile(
    String relPath, Path path, long size, long modifiedMillis, Object fileKey) {
  public SourceFile {
    Objects.requireNonNull(relPath);
    Objects.requireNonNull(path);
    if (relPath.isEmpty() || relPath.startsWith("/"))
      throw new IllegalArgumentException("relPath must be relative");
  }

  /** A file not listed by a walk: read as it is when opened. */
  public SourceFile(String relPath, Path path, long size, long modifiedMillis) {
    this(relPath, path, size, modifiedMillis, null);
  }

  /** The file at the real {@code path} as the walk saw it: {@code attrs} read without following. */
  static SourceFile listed(String relPath, Path path, BasicFileAttributes attrs) {
    return new SourceFile(
        relPath, path, attrs.size(), attrs.lastModifiedTime().toMillis(), attrs.fileKey());
  }

  /** Whether a walk listed this file, so that it must still be the file the walk saw. */
  boolean listed() {
    return fileKey != null;
  }
}
