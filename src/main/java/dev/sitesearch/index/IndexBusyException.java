package dev.sitesearch.index;

import java.io.IOException;

/** Another indexer holds the index's write lock; nothing was changed. */
public class IndexBusyException extends IOException {
  public IndexBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
