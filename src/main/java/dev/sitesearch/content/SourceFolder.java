package dev.sitesearch.content;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A folder reached from the file-system root without following a symlink, in which a file is looked
 * at and opened without following one either: where the OS offers it (Linux, macOS) each step is an
 * {@code openat} relative to the folder opened before, so a folder on the way swapped for a link is
 * refused rather than followed, whenever the swap happens. Elsewhere the folder's real path must
 * still be its path, and the file is opened by path with {@code O_NOFOLLOW}.
 */
abstract sealed class SourceFolder implements Closeable {
  /** A folder on the way to the file is a symbolic link now. */
  static final class LinkOnTheWayException extends FileSystemException {
    LinkOnTheWayException(Path folder) {
      super(folder.toString());
    }
  }

  /** The file's attributes, the file itself if it is a link. */
  abstract BasicFileAttributes attributes(Path name) throws IOException;

  /** Opens the file for reading; a symbolic link is refused. */
  abstract SeekableByteChannel open(Path name) throws IOException;

  /** Opens the absolute folder {@code dir}, every name on its way checked not to be a link. */
  static SourceFolder at(Path dir) throws IOException {
    DirectoryStream<Path> top = Files.newDirectoryStream(dir.getRoot());
    if (top instanceof SecureDirectoryStream<Path> root) return Relative.at(root, dir);
    top.close();
    return ByPath.at(dir);
  }

  /** Every step relative to the folder opened before it ({@code openat}). */
  private static final class Relative extends SourceFolder {
    private final SecureDirectoryStream<Path> folder;

    private Relative(SecureDirectoryStream<Path> folder) {
      this.folder = folder;
    }

    static Relative at(SecureDirectoryStream<Path> root, Path dir) throws IOException {
      SecureDirectoryStream<Path> current = root;
      try {
        for (Path name : dir) current = step(current, name, dir);
        return new Relative(current);
      } catch (IOException | RuntimeException e) {
        current.close();
        throw e;
      }
    }

    /** Opens {@code name} in {@code from} and closes {@code from}. */
    private static SecureDirectoryStream<Path> step(
        SecureDirectoryStream<Path> from, Path name, Path dir) throws IOException {
      SecureDirectoryStream<Path> next;
      try {
        next = from.newDirectoryStream(name, NOFOLLOW_LINKS);
      } catch (FileSystemException e) {
        if (isLink(from, name)) throw new LinkOnTheWayException(dir);
        throw e;
      }
      from.close();
      return next;
    }

    private static boolean isLink(SecureDirectoryStream<Path> from, Path name) {
      try {
        return from.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS)
            .readAttributes()
            .isSymbolicLink();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    BasicFileAttributes attributes(Path name) throws IOException {
      return folder
          .getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS)
          .readAttributes();
    }

    @Override
    SeekableByteChannel open(Path name) throws IOException {
      return folder.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW_LINKS));
    }

    @Override
    public void close() throws IOException {
      folder.close();
    }
  }

  /**
   * Where the OS offers no {@code openat}: the folder must have no link on its way now, and the
   * file is opened with {@code O_NOFOLLOW}; a folder swapped for a link between the check and the
   * open would go unseen.
   */
  private static final class ByPath extends SourceFolder {
    private final Path dir;

    private ByPath(Path dir) {
      this.dir = dir;
    }

    static ByPath at(Path dir) throws IOException {
      if (!dir.toRealPath().equals(dir)) throw new LinkOnTheWayException(dir);
      return new ByPath(dir);
    }

    @Override
    BasicFileAttributes attributes(Path name) throws IOException {
      return Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, NOFOLLOW_LINKS);
    }

    @Override
    SeekableByteChannel open(Path name) throws IOException {
      return Files.newByteChannel(dir.resolve(name), StandardOpenOption.READ, NOFOLLOW_LINKS);
    }

    @Override
    public void close() {}
  }
}
