package dev.sitesearch.http;

/**
 * Ends a request with a problem answer of the given status; a 400 may name the parameter at fault,
 * a refusal (429, 503) says when to retry.
 */
final class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;
  private final long retryAfterSeconds;

  ProblemException(int status, String title, String detail) {
    this(status, title, detail, null, 0);
  }

  private ProblemException(
      int status, String title, String detail, String parameter, long retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A 400 for a query parameter that is present but wrong. */
  static ProblemException badParameter(String parameter, String detail) {
    return new ProblemException(400, "Invalid parameter", detail, parameter, 0);
  }

  /** A 503 for a server too busy to take the request now; it carries {@code Retry-After: 1}. */
  static ProblemException busy(String detail) {
    return new ProblemException(503, "Service unavailable", detail, null, 1);
  }

  /** A 429 for a client that asked too much; it may retry after {@code seconds}. */
  static ProblemException tooMany(String detail, long seconds) {
    return new ProblemException(429, "Too many requests", detail, null, Math.max(1, seconds));
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

  /** Seconds to send as {@code Retry-After}, or 0 for none. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
