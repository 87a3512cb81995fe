package dev.sitesearch.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a content file's bytes safely and decodes them, before anything looks at them as a page:
 * the bytes are those of the file the walk listed and no other, never more than the size limit
 * ({@link SourceBytes}), a binary file (a NUL byte) is refused, UTF-8 is checked and its first bad
 * byte located by line and column, and a byte-order mark is dropped. A file that fails one of these
 * gets the {@link ReadOutcome} that ends its reading; never an exception for bad content.
 * Thread-safe.
 */
final class SourceText {
  private final long maxFileBytes;

  SourceText(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** What reading a file gave: its text, or the outcome that ends its reading. */
  sealed interface Read {}

  /**
   * A file read as text.
   *
   * @param bytes the file as read (the page's content hash is taken of them)
   * @param text the bytes as UTF-8, without a byte-order mark
   */
  record Decoded(byte[] bytes, String text) implements Read {}

  /** A file that is not read further: too large, binary, not UTF-8, unreadable, changed or gone. */
  record Refused(ReadOutcome outcome) implements Read {}

  Read read(SourceFile file) {
    String path = file.relPath();
    if (file.size() > maxFileBytes) return tooLarge(path, file.size());
    return switch (SourceBytes.read(file, Math.min(maxFileBytes, SourceBytes.MAX_READABLE_BYTES))) {
      case SourceBytes.Bytes read -> decode(path, read.bytes());
      case SourceBytes.TooLarge large -> tooLarge(path, large.size());
      case SourceBytes.Refused refused -> new Refused(refused.outcome());
    };
  }

  private Read tooLarge(String path, long size) {
    if (maxFileBytes > SourceBytes.MAX_READABLE_BYTES && size > SourceBytes.MAX_READABLE_BYTES) {
      return failed(
          path,
          "file is %s, more than can be read into memory (%s)"
              .formatted(human(size), human(SourceBytes.MAX_READABLE_BYTES)));
    }
    return failed(
        path,
        "file is %s, over the %s limit (content.maxFileSize in sitesearch.yml)"
            .formatted(human(size), human(maxFileBytes)));
  }

  private static Read decode(String path, byte[] bytes) {
    int nul = indexOfNul(bytes);
    if (nul >= 0)
      return failed(path, "binary file (a NUL byte at offset " + nul + "), not Markdown text");
    String text;
    try {
      text = utf8().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (MalformedInputException e) {
      return new Refused(new ReadOutcome.Failed(utf8Problem(path, bytes)));
    } catch (CharacterCodingException e) {
      return failed(path, "not valid UTF-8 text: save the file as UTF-8");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return new Decoded(bytes, text);
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) return i;
    }
    return -1;
  }

  /** A decoder that reports bad input instead of replacing it. */
  private static CharsetDecoder utf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Finds the first invalid byte to tell the author where it is. */
  private static ContentProblem utf8Problem(String path, byte[] bytes) {
    var in = ByteBuffer.wrap(bytes);
    var out = CharBuffer.allocate(bytes.length + 1);
    utf8().decode(in, out, true);
    int offset = in.position();
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new ContentProblem(
        path,
        line,
        column,
        "invalid UTF-8 (byte 0x%02X at offset %d): save the file as UTF-8"
            .formatted(bytes[Math.min(offset, bytes.length - 1)] & 0xFF, offset));
  }

  private static Read failed(String path, String reason) {
    return new Refused(new ReadOutcome.Failed(ContentProblem.of(path, reason)));
  }

  static String human(long bytes) {
    if (bytes >= 1024 * 1024) return "%.1f MB".formatted(bytes / (1024.0 * 1024));
    if (bytes >= 1024) return "%.1f KB".formatted(bytes / 1024.0);
    return bytes + " bytes";
  }
}
