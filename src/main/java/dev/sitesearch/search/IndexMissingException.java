package dev.sitesearch.search;

import java.io.IOException;

/** There is no index where one was expected. */
public class IndexMissingException extends IOException {
  public IndexMissingException(String message) {
    super(message);
  }
}
