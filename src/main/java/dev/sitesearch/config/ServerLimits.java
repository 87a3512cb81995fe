package dev.sitesearch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code server.limits} and {@code server.rateLimit} sections of {@code sitesearch.yml}: how
 * much one request and all of them together may ask of the server before it answers 413/414/431,
 * 503 or 429 instead.
 *
 * @param maxHeaderBytes the request line and headers together (Jetty's request header size): a
 *     longer URL is answered 414, larger headers 431. The default leaves room for the longest
 *     allowed query (1,000 characters, percent-encoded) with filters
 * @param maxBodyBytes request bodies (the admin endpoints take none; anything larger is refused
 *     with 413)
 * @param maxConcurrent requests handled at once; more wait for a slot up to {@code maxQueueWait}
 * @param maxQueueWait how long a request beyond {@code maxConcurrent} may wait before it is
 *     answered 503 with {@code Retry-After}, so overload sheds load instead of piling up
 * @param rateLimit per-client token bucket, off by default
 */
public record ServerLimits(
    int maxHeaderBytes,
    long maxBodyBytes,
    int maxConcurrent,
    Duration maxQueueWait,
    RateLimit rateLimit) {

  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /**
   * Well above what two cores can search at once (the search gate queues those), well below Jetty's
   * 250 threads.
   */
  public static final int DEFAULT_MAX_CONCURRENT = 128;

  public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);

  public ServerLimits {
    Objects.requireNonNull(maxQueueWait);
    Objects.requireNonNull(rateLimit);
    if (maxHeaderBytes < 1024)
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1KB");
    if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must not be negative");
    if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1");
    if (maxQueueWait.isNegative())
      throw new IllegalArgumentException("maxQueueWait must not be negative");
  }

  static ServerLimits fromConfig(ConfigSection l, RateLimit rateLimit) {
    l.allowOnly("maxHeaderSize", "maxBodySize", "maxConcurrent", "maxQueueWait");
    var d = defaults();
    return new ServerLimits(
        (int) l.size("maxHeaderSize", d.maxHeaderBytes(), 1024, 1024 * 1024),
        l.size("maxBodySize", d.maxBodyBytes(), 1, Long.MAX_VALUE),
        l.integer("maxConcurrent", d.maxConcurrent(), 1, 10_000),
        l.duration("maxQueueWait", d.maxQueueWait()),
        rateLimit);
  }

  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_CONCURRENT,
        DEFAULT_MAX_QUEUE_WAIT,
        RateLimit.OFF);
  }

  /**
   * A token bucket per client address: {@code burst} requests at once, refilled at {@code
   * requestsPerSecond}.
   *
   * <p>Off by default: behind a reverse proxy or CDN every visitor arrives from the proxy's
   * address, so a default limit would throttle the whole audience as one client. Turn it on where
   * clients connect directly, or behind a proxy with {@code trustForwardedFor}.
   *
   * @param requestsPerSecond refill rate; 0 turns the limit off
   * @param burst bucket size
   * @param trustForwardedFor key clients by the last {@code X-Forwarded-For} address (the one your
   *     proxy added) instead of the connection's; only behind a proxy that sets it, or clients
   *     could pick any address
   */
  public record RateLimit(double requestsPerSecond, int burst, boolean trustForwardedFor) {
    public static final RateLimit OFF = new RateLimit(0, 0, false);

    public RateLimit {
      if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
        throw new IllegalArgumentException("requestsPerSecond must be a number of 0 or more");
      }
      if (requestsPerSecond > 0 && burst < 1)
        throw new IllegalArgumentException("burst must be at least 1");
    }

    /** Off when the section is absent; when present, it needs a rate. */
    static RateLimit fromConfig(ConfigSection r) {
      if (r.keys().isEmpty()) return OFF;
      r.allowOnly("requestsPerSecond", "burst", "trustForwardedFor");
      String what = "a number of requests per second, 0 to turn the limit off";
      if (!r.has("requestsPerSecond")) throw r.error("requestsPerSecond", "expected " + what);
      double perSecond = r.number("requestsPerSecond", 0, 0, 1e9, what);
      int burst = r.integer("burst", (int) Math.max(1, Math.ceil(perSecond * 2)), 1, 1_000_000);
      return new RateLimit(perSecond, burst, r.bool("trustForwardedFor", false));
    }

    public boolean enabled() {
      return requestsPerSecond > 0;
    }
  }
}
