package dev.sitesearch.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells clients apart for the per-client limits (rate, requests in flight, admin failures): by the
 * connection's address, or, behind a trusted proxy, by the last {@code X-Forwarded-For} entry (the
 * one that proxy added; the ones before it are whatever the client sent).
 */
final class ClientKeys {
  private final boolean trustForwardedFor;

  ClientKeys(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  String of(HttpServletRequest req) {
    if (trustForwardedFor) {
      String forwarded = req.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        if (!last.isEmpty()) return last;
      }
    }
    return req.getRemoteAddr();
  }
}
