package dev.sitesearch.http;

/** Ends a request with a problem answer of the given status. */
final class ProblemException extends RuntimeException {
  private final int status;
  private final String title;

  ProblemException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
