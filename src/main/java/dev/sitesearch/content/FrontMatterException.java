package dev.sitesearch.content;

/**
 * Front matter that cannot be parsed, with the 1-based line and column in the file where known (0
 * if not).
 */
public class FrontMatterException extends Exception {
  private final int line;
  private final int column;

  public FrontMatterException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
