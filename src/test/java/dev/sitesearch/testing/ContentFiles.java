package dev.sitesearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The files of a content folder as tests write them: Markdown pages with YAML front matter, raw
 * text or bytes, edits an incremental run must notice, copies of a fixture folder, and a file
 * nobody may read. Parent folders are made as needed.
 */
public final class ContentFiles {
  /** The mtime a file gets on its first {@link #edit}: a fixed moment in November 2023. */
  private static final long FIRST_MTIME_MILLIS = 1_700_000_000_000L;

  private ContentFiles() {}

  /** Writes {@code text} (UTF-8) at {@code rel} under {@code root}. */
  public static Path write(Path root, String rel, String text) throws IOException {
    return write(root, rel, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Path write(Path root, String rel, byte[] bytes) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }

  /**
   * A page: {@code frontMatter} (YAML lines, without the {@code ---} fences) and a body, each
   * ending with a newline.
   */
  public static Path page(Path root, String rel, String frontMatter, String body)
      throws IOException {
    return write(root, rel, pageText(frontMatter, body));
  }

  /**
   * Writes {@code text} and gives the file an mtime a minute after the one it had (a new file gets
   * a fixed one), so an incremental run sees every edit, however fast the test makes them.
   */
  public static Path edit(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    long mtime =
        Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() + 60_000 : FIRST_MTIME_MILLIS;
    write(root, rel, text);
    Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
    return p;
  }

  /** {@link #edit} of a {@link #page}. */
  public static Path editPage(Path root, String rel, String frontMatter, String body)
      throws IOException {
    return edit(root, rel, pageText(frontMatter, body));
  }

  private static String pageText(String frontMatter, String body) {
    return "---\n" + frontMatter + "\n---\n" + body + "\n";
  }

  /** Copies the folder {@code from} to {@code to}, files with their times. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Takes every permission away from {@code file}; skips the test where that proves nothing (root
   * reads any file) or cannot be done (no POSIX permissions).
   */
  public static void makeUnreadable(Path file) throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root can read any file, so chmod 000 proves nothing");
    assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
  }
}
