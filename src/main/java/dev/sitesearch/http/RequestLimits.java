package dev.sitesearch.http;

import dev.sitesearch.config.ServerLimits;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Admission for every request before it reaches a route, in the order that is cheapest to refuse:
 * the security headers every answer carries and the CORS rules ({@link CorsPolicy}); the per-client
 * rate limit (429); a declared body over the limit (413); the per-client cap on requests in flight
 * (429); then a slot among {@code maxConcurrent}, waited for at most {@code maxQueueWait} (503).
 * Refusals carry {@code Retry-After} and are problem+json like every other error. The answer is
 * made in memory and sent after the request's slots are given back ({@link BufferedResponse}).
 */
final class RequestLimits implements Filter {
  /**
   * The request attribute holding when it began to wait for a slot ({@link System#nanoTime}): a
   * search then waits for a core only for what is left of the same {@code maxQueueWait}.
   */
  static final String WAITING_SINCE = "sitesearch.waitingSince";

  private final Semaphore slots;
  private final long maxWaitNanos;
  private final long maxBodyBytes;
  private final RateLimiter rateLimiter;
  private final ClientKeys clients;
  private final ClientSlots clientSlots;
  private final CorsPolicy cors;
  private final IntConsumer refused;

  /** {@code refused} hears the status of each request refused here (the metrics count them). */
  RequestLimits(ServerLimits limits, CorsPolicy cors, IntConsumer refused) {
    this.slots = new Semaphore(limits.maxConcurrent());
    this.maxWaitNanos = limits.maxQueueWait().toNanos();
    this.maxBodyBytes = limits.maxBodyBytes();
    this.rateLimiter =
        limits.rateLimit().enabled() ? new RateLimiter(limits.rateLimit(), System::nanoTime) : null;
    this.clients = new ClientKeys(limits.rateLimit().trustForwardedFor());
    this.clientSlots =
        limits.rateLimit().capsConcurrency()
            ? new ClientSlots(limits.rateLimit().maxConcurrent())
            : null;
    this.cors = cors;
    this.refused = refused;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var req = (HttpServletRequest) request;
    var res = (HttpServletResponse) response;
    SecurityHeaders.apply(res::setHeader);
    if (cors.covers(req)) {
      if (CorsPolicy.isPreflight(req)) {
        String refusal = cors.preflight(req, res);
        if (refusal != null) refuse(req, res, 403, refusal, 0);
        return;
      }
      cors.apply(req, res);
    }
    String client = clients.of(req);
    if (rateLimiter != null) {
      long retryAfter = rateLimiter.acquire(client);
      if (retryAfter > 0) {
        refuse(
            req,
            res,
            429,
            "too many requests from this client; retry after " + retryAfter + " s",
            retryAfter);
        return;
      }
    }
    if (req.getContentLengthLong() > maxBodyBytes) {
      refuse(req, res, 413, "the request body is larger than " + maxBodyBytes + " bytes", 0);
      return;
    }
    if (clientSlots != null && !clientSlots.tryAcquire(client)) {
      refuse(req, res, 429, "too many requests at once from this client; wait for an answer", 1);
      return;
    }
    BufferedResponse answer;
    try {
      answer = handle(req, res, chain);
    } finally {
      if (clientSlots != null) clientSlots.release(client);
    }
    // After the slots are free: a client that reads slowly holds only its connection.
    if (answer != null) answer.sendTo(res);
  }

  /** The answer made in one of the server's slots, or null when none came free in time. */
  private BufferedResponse handle(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    req.setAttribute(WAITING_SINCE, System.nanoTime());
    if (!admit()) {
      refuse(req, res, 503, "the server is busy; retry in a moment", 1);
      return null;
    }
    var answer = new BufferedResponse(res);
    try {
      chain.doFilter(req, answer);
    } finally {
      slots.release();
    }
    return answer;
  }

  private boolean admit() {
    if (slots.tryAcquire()) return true;
    if (maxWaitNanos == 0) return false;
    try {
      return slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String detail, long retryAfter)
      throws IOException {
    refused.accept(status);
    if (retryAfter > 0) res.setHeader("Retry-After", String.valueOf(retryAfter));
    res.setStatus(status);
    res.setContentType(Problem.CONTENT_TYPE);
    res.setHeader("Cache-Control", "no-store");
    var problem =
        new Problem(
            "about:blank", HttpServer.title(status), status, detail, req.getRequestURI(), null);
    res.getOutputStream().write(Json.write(problem).getBytes(StandardCharsets.UTF_8));
  }
}
