package dev.sitesearch.content;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * snakeyaml's {@link StreamReader} over text already in memory, with the same positions, line
 * breaks and refusal of non-printable characters, but reading from one array.
 *
 * <p>Why: snakeyaml's reader fills a window 1,024 characters at a time and copies the whole unread
 * window on each fill, so a token that is still being scanned (one long line of a scalar) is copied
 * again for every 1,024 characters it spans: a 512 KB line took 36 ms, 2 MB 560 ms, a page at the
 * size limit seconds. Here a character is read where it lies, and the work stays linear.
 */
final class WholeTextReader extends StreamReader {
  private static final String NAME = "'string'";

  private final int[] text;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String source) {
    super(""); // the parent's own buffer stays empty: every read is answered here
    text = source.codePoints().toArray();
    for (int i = 0; i < text.length; i++) {
      if (!isPrintable(text[i]))
        throw new ReaderException(NAME, i, text[i], "special characters are not allowed");
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < text.length; i++) {
      int c = text[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < text.length && text[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int offset) {
    int at = pointer + offset;
    return at < text.length ? text[at] : '\0';
  }

  @Override
  public String prefix(int length) {
    return new String(text, pointer, Math.max(0, Math.min(length, text.length - pointer)));
  }

  /** As snakeyaml's: the caller knows the prefix holds no line break. */
  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
