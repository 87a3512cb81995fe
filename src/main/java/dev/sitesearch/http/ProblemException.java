package dev.sitesearch.http;

/**
 * Ends a request with a problem answer of the given status; a 400 may name the parameter at fault.
 */
final class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;

  ProblemException(int status, String title, String detail) {
    this(status, title, detail, null);
  }

  private ProblemException(int status, String title, String detail, String parameter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
  }

  /** A 400 for a query parameter that is present but wrong. */
  static ProblemException badParameter(String parameter, String detail) {
    return new ProblemException(400, "Invalid parameter", detail, parameter);
  }

  /** A 503 for a server too busy to take the request now; it carries {@code Retry-After: 1}. */
  static ProblemException busy(String detail) {
    return new ProblemException(503, "Service unavailable", detail, null);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /** The query parameter at fault, or null. */
  String parameter() {
    return parameter;
  }
}
