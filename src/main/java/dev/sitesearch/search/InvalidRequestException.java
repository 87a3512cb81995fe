package dev.sitesearch.search;

/** A search request that cannot be answered as asked; names the parameter so the caller can fix it. */
public class InvalidRequestException extends RuntimeException {
  private final String parameter;

  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
