package dev.sitesearch.http;

import java.util.function.BiConsumer;

/**
 * Headers on every answer, API, UI and errors alike: browsers must not guess a content type (a JSON
 * answer that echoes user text must never be run as HTML), and nothing but the search page may load
 * anything or be framed. The page replaces the policy with its own ({@link UiRoutes#PAGE_CSP}). No
 * {@code Server} header is ever sent (see {@link HttpServer}).
 */
final class SecurityHeaders {
  static final String NOSNIFF = "nosniff";
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(BiConsumer<String, String> setHeader) {
    setHeader.accept("X-Content-Type-Options", NOSNIFF);
    setHeader.accept("Content-Security-Policy", API_CSP);
  }
}
