package dev.sitesearch.search;

import java.io.IOException;

/**
 * The engine that holds the index cannot be reached (every SolrCloud node listed is down or
 * refusing): the API answers 503 with {@code Retry-After}, as for any overload, and logs no stack
 * trace.
 */
public final class EngineUnavailableException extends IOException {
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
