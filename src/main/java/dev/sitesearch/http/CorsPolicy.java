package dev.sitesearch.http;

import static dev.sitesearch.search.InvalidRequestException.shorten;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which other sites' pages may call the API from a browser ({@code server.cors}), and for what: the
 * API is read-only and credential-free, so a preflight is approved only for the configured origins,
 * for {@code GET} and {@code HEAD}, and for request headers a page may send without permission
 * anyway ({@code Accept} and the like); anything else (another method, {@code Authorization},
 * custom headers) is refused with 403. Every API answer says it varies by {@code Origin} when CORS
 * is on, whether or not this request's origin was allowed: answers are publicly cacheable, and a
 * cache must not hand one origin's answer (with or without permission) to another. The scripts the
 * widget loads carry their own {@code Access-Control-Allow-Origin: *} ({@link UiRoutes}).
 */
final class CorsPolicy {
  static final String METHODS = "GET, HEAD";

  /** How long a browser may reuse an approved preflight. */
  static final String MAX_AGE_SECONDS = "600";

  private static final Set<String> METHOD_SET = Set.of("GET", "HEAD");

  /** Headers the widget and page send ({@code Accept}), and the others browsers may ask about. */
  private static final Set<String> HEADERS =
      Set.of("accept", "accept-language", "content-language");

  private final Set<String> origins;

  CorsPolicy(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** Whether a request is subject to these rules: API calls, when CORS is on. */
  boolean covers(HttpServletRequest req) {
    return !origins.isEmpty() && req.getRequestURI().startsWith("/api/");
  }

  static boolean isPreflight(HttpServletRequest req) {
    return "OPTIONS".equals(req.getMethod())
        && req.getHeader("Origin") != null
        && req.getHeader("Access-Control-Request-Method") != null;
  }

  /** On every covered answer: {@code Vary: Origin}, and the permission when the origin has it. */
  void apply(HttpServletRequest req, HttpServletResponse res) {
    res.addHeader("Vary", "Origin");
    String origin = req.getHeader("Origin");
    if (origin != null && origins.contains(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    }
  }

  /**
   * Answers a preflight instead of {@link #apply}: null when it is approved (its headers are then
   * set and the answer is 204), else why it is refused (no permission is then given).
   */
  String preflight(HttpServletRequest req, HttpServletResponse res) {
    res.addHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    String origin = req.getHeader("Origin");
    if (!origins.contains(origin)) {
      return "this origin may not call the API from a browser; the server's cors setting names"
          + " those that may";
    }
    String method = req.getHeader("Access-Control-Request-Method").strip();
    if (!METHOD_SET.contains(method)) {
      return "the API answers " + METHODS + " from other sites, not " + method;
    }
    String asked = req.getHeader("Access-Control-Request-Headers");
    String allowed = asked == null ? "" : asked.strip().toLowerCase(Locale.ROOT);
    for (String header : allowed.split(",")) {
      String name = header.strip();
      if (!name.isEmpty() && !HEADERS.contains(name)) {
        return "the API takes no '" + shorten(name) + "' header from other sites";
      }
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Methods", METHODS);
    if (!allowed.isEmpty()) res.setHeader("Access-Control-Allow-Headers", allowed);
    res.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
    res.setStatus(HttpServletResponse.SC_NO_CONTENT);
    return null;
  }
}
