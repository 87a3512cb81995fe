package dev.sitesearch.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reads the bytes of the file a walk listed, and of no other file. The walk checked a file (inside
 * the content folder, a regular file, under the size limit) by its attributes; a file swapped for a
 * symlink, or for a huge file, after that check must not be read. So:
 *
 * <ul>
 *   <li>the file is opened from the file-system root one name at a time, following no symlink on
 *       the way or at the end ({@link SourceFolder}): whatever is opened is inside the folder the
 *       walk resolved;
 *   <li>it is read only if it is still the file the walk listed: same file key (device and inode),
 *       size and modification time, before it is opened, once open (of the open channel's size) and
 *       after it was read, so a file rewritten during the read is not taken either;
 *   <li>it is read from the open channel, at most the size the walk saw plus one byte, so a file
 *       that grew is noticed without reading it, and nothing larger than the limit is ever held.
 * </ul>
 *
 * <p>What is left is a file replaced and put back between two of those checks, in the same folder:
 * then another regular file of that folder is read, never anything outside it. Opening a FIFO
 * blocks, so a name is opened only once its attributes show a regular file; one swapped for a FIFO
 * in the microseconds between that check and the open would hold its worker.
 */
final class SourceBytes {
  /** The most one Java array holds: a limit set higher still cannot be read into memory. */
  static final long MAX_READABLE_BYTES = Integer.MAX_VALUE - 16;

  private SourceBytes() {}

  /** What reading gave: the bytes, a file over the limit, or the outcome that ends its reading. */
  sealed interface Result {}

  /** The bytes of the file the walk listed. */
  record Bytes(byte[] bytes) implements Result {}

  /** A file larger than the limit when it was opened: not read. */
  record TooLarge(long size) implements Result {}

  /** A file not read: gone, changed since the walk, or unreadable. */
  record Refused(ReadOutcome outcome) implements Result {}

  /** Reads {@code file} if it is still the file listed and holds at most {@code limit} bytes. */
  static Result read(SourceFile file, long limit) {
    String rel = file.relPath();
    Path path = file.path().toAbsolutePath();
    try (SourceFolder folder =
        SourceFolder.at(file.listed() ? path.getParent() : realParent(path))) {
      Path name = path.getFileName();
      BasicFileAttributes before = folder.attributes(name);
      ReadOutcome refused = check(file, before);
      if (refused != null) return new Refused(refused);
      if (before.size() > limit) return new TooLarge(before.size());
      try (SeekableByteChannel channel = folder.open(name)) {
        long size = channel.size(); // of the file opened, whatever its name holds by now
        if (size != before.size()) return changed(rel, "replaced as it was opened");
        byte[] bytes = new byte[Math.toIntExact(size)];
        if (!readFully(channel, bytes)) return changed(rel, "rewritten while it was read");
        if (!sameFile(before, folder.attributes(name)))
          return changed(rel, "rewritten while it was read");
        return new Bytes(bytes);
      }
    } catch (NoSuchFileException e) {
      return new Refused(new ReadOutcome.Gone(rel)); // deleted since the walk: simply not there
    } catch (SourceFolder.LinkOnTheWayException e) {
      return unreadable(
          rel, "a folder on its path became a symbolic link after the folder was listed");
    } catch (NotDirectoryException e) {
      return unreadable(rel, "a folder on its path is no longer a folder");
    } catch (AccessDeniedException e) {
      return unreadable(rel, "cannot read the file: permission denied");
    } catch (IOException e) {
      // Also a name swapped for a link between the check and the open: the open refuses it.
      return unreadable(rel, "cannot read the file: " + ContentProblem.ioReason(e));
    }
  }

  /** Why {@code now} is not the file to read, or null when it is. */
  private static ReadOutcome check(SourceFile file, BasicFileAttributes now) {
    String rel = file.relPath();
    if (now.isSymbolicLink()) {
      return unreadable(rel, "became a symbolic link after the folder was listed").outcome();
    }
    if (!now.isRegularFile()) {
      return unreadable(rel, "is no longer a regular file").outcome();
    }
    if (!file.listed()) return null;
    if (!Objects.equals(file.fileKey(), now.fileKey())) {
      return changed(rel, "replaced by another file after the folder was listed").outcome();
    }
    if (file.size() != now.size() || file.modifiedMillis() != now.lastModifiedTime().toMillis()) {
      return changed(rel, "rewritten after the folder was listed").outcome();
    }
    return null;
  }

  private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
    return Objects.equals(a.fileKey(), b.fileKey())
        && a.size() == b.size()
        && a.lastModifiedTime().equals(b.lastModifiedTime());
  }

  /** Fills {@code bytes}; false when the file ended early or holds more. */
  private static boolean readFully(SeekableByteChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) return false;
    }
    return channel.read(ByteBuffer.allocate(1)) < 0;
  }

  /** The folder of a file not listed by a walk, taken as given: its links resolved. */
  private static Path realParent(Path path) throws IOException {
    return path.getParent().toRealPath();
  }

  private static Refused changed(String rel, String how) {
    return new Refused(
        new ReadOutcome.Changed(
            ContentProblem.of(rel, how + "; it is read on the next run, as it is then")));
  }

  private static Refused unreadable(String rel, String reason) {
    return new Refused(
        new ReadOutcome.Unreadable(
            ContentProblem.of(rel, reason + "; left out, and out of the index")));
  }
}
