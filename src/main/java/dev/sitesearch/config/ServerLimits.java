package dev.sitesearch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code server.limits} and {@code server.rateLimit} sections of {@code sitesearch.yml}: how
 * much one request, one client and all of them together may ask of the server before it answers
 * 413/414/431, 429 or 503 instead, and how long a search may run.
 *
 * @param maxHeaderBytes the request line and headers together (Jetty's request header size): a
 *     longer URL is answered 414, larger headers 431. The default leaves room for the longest
 *     allowed query (1,000 characters, percent-encoded) with filters
 * @param maxBodyBytes request bodies (curation changes; reindex takes none; anything larger is
 *     refused with 413)
 * @param maxConcurrent requests handled at once; more wait for a slot up to {@code maxQueueWait}. A
 *     request holds its slot while it is worked on, not while its answer is sent
 * @param maxQueueWait how long a request beyond {@code maxConcurrent} may wait before it is
 *     answered 503 with {@code Retry-After}, so overload sheds load instead of piling up
 * @param searchTimeout how long one search may run before it stops and answers what it found so
 *     far, marked partial
 * @param connections how many connections, and for how long
 * @param rateLimit per-client limits, off by default
 */
public record ServerLimits(
    int maxHeaderBytes,
    long maxBodyBytes,
    int maxConcurrent,
    Duration maxQueueWait,
    Duration searchTimeout,
    Connections connections,
    RateLimit rateLimit) {

  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /**
   * Well above what two cores can search at once (the search gate queues those), well below Jetty's
   * 250 threads.
   */
  public static final int DEFAULT_MAX_CONCURRENT = 128;

  public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);

  /**
   * Twenty times the slowest search of the shared query mix on 100,000 pages (QueryCostBenchmark,
   * docs/robustness.md), so only a search built to be expensive ever meets it.
   */
  public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofMillis(500);

  public ServerLimits {
    Objects.requireNonNull(maxQueueWait);
    Objects.requireNonNull(searchTimeout);
    Objects.requireNonNull(connections);
    Objects.requireNonNull(rateLimit);
    if (maxHeaderBytes < 1024)
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1KB");
    if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must not be negative");
    if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1");
    if (maxQueueWait.isNegative())
      throw new IllegalArgumentException("maxQueueWait must not be negative");
    if (searchTimeout.isNegative() || searchTimeout.isZero())
      throw new IllegalArgumentException("searchTimeout must be positive");
  }

  static ServerLimits fromConfig(ConfigSection l, RateLimit rateLimit) {
    l.allowOnly(
        "maxHeaderSize",
        "maxBodySize",
        "maxConcurrent",
        "maxQueueWait",
        "searchTimeout",
        "maxConnections",
        "idleTimeout",
        "requestTimeout");
    var d = defaults();
    Duration searchTimeout = l.duration("searchTimeout", d.searchTimeout());
    if (searchTimeout.isZero()) throw l.error("searchTimeout", "expected a positive duration");
    return new ServerLimits(
        (int) l.size("maxHeaderSize", d.maxHeaderBytes(), 1024, 1024 * 1024),
        l.size("maxBodySize", d.maxBodyBytes(), 1, Long.MAX_VALUE),
        l.integer("maxConcurrent", d.maxConcurrent(), 1, 10_000),
        l.duration("maxQueueWait", d.maxQueueWait()),
        searchTimeout,
        Connections.fromConfig(l),
        rateLimit);
  }

  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_CONCURRENT,
        DEFAULT_MAX_QUEUE_WAIT,
        DEFAULT_SEARCH_TIMEOUT,
        Connections.DEFAULTS,
        RateLimit.OFF);
  }

  public ServerLimits withMaxBodyBytes(long bytes) {
    return new ServerLimits(
        maxHeaderBytes, bytes, maxConcurrent, maxQueueWait, searchTimeout, connections, rateLimit);
  }

  /** {@code maxConcurrent} requests at once, others waiting at most {@code wait}. */
  public ServerLimits withConcurrency(int concurrent, Duration wait) {
    return new ServerLimits(
        maxHeaderBytes, maxBodyBytes, concurrent, wait, searchTimeout, connections, rateLimit);
  }

  public ServerLimits withSearchTimeout(Duration timeout) {
    return new ServerLimits(
        maxHeaderBytes, maxBodyBytes, maxConcurrent, maxQueueWait, timeout, connections, rateLimit);
  }

  public ServerLimits withConnections(Connections newConnections) {
    return new ServerLimits(
        maxHeaderBytes,
        maxBodyBytes,
        maxConcurrent,
        maxQueueWait,
        searchTimeout,
        newConnections,
        rateLimit);
  }

  public ServerLimits withRateLimit(RateLimit newRateLimit) {
    return new ServerLimits(
        maxHeaderBytes,
        maxBodyBytes,
        maxConcurrent,
        maxQueueWait,
        searchTimeout,
        connections,
        newRateLimit);
  }

  /**
   * Open connections (keys {@code maxConnections}, {@code idleTimeout}, {@code requestTimeout} of
   * {@code server.limits}). Each connection costs a file descriptor and some memory whether or not
   * it sends anything, so their number is capped, an idle one is closed, and a request must arrive
   * whole within a deadline that sending a byte now and then does not extend.
   *
   * @param max connections open at once; beyond, new ones wait in the operating system's queue
   *     until one closes, and idle ones are closed after {@code idleWhenFull}
   * @param idleTimeout a connection with nothing sent either way for this long is closed
   * @param idleWhenFull the idle timeout while {@code max} connections are open
   * @param requestTimeout how long a request may take to arrive, from its first byte to its last
   *     (line, headers and body), however the bytes trickle in; the connection is closed after
   */
  public record Connections(
      int max, Duration idleTimeout, Duration idleWhenFull, Duration requestTimeout) {
    /**
     * Far below the file descriptors a process gets here (20,000), far above what a site's visitors
     * keep open (a browser keeps about six per server; a proxy in front keeps a pool).
     */
    public static final int DEFAULT_MAX = 2_000;

    public static final Connections DEFAULTS =
        new Connections(
            DEFAULT_MAX, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10));

    public Connections {
      Objects.requireNonNull(idleTimeout);
      Objects.requireNonNull(idleWhenFull);
      Objects.requireNonNull(requestTimeout);
      if (max < 1) throw new IllegalArgumentException("max connections must be at least 1");
      for (Duration d : new Duration[] {idleTimeout, idleWhenFull, requestTimeout}) {
        if (d.isNegative() || d.isZero())
          throw new IllegalArgumentException("connection timeouts must be positive");
      }
    }

    public Connections withMax(int newMax) {
      return new Connections(newMax, idleTimeout, idleWhenFull, requestTimeout);
    }

    public Connections withRequestTimeout(Duration timeout) {
      return new Connections(max, idleTimeout, idleWhenFull, timeout);
    }

    static Connections fromConfig(ConfigSection l) {
      int max = l.integer("maxConnections", DEFAULTS.max(), 1, 1_000_000);
      Duration idle = positive(l, "idleTimeout", DEFAULTS.idleTimeout());
      Duration request = positive(l, "requestTimeout", DEFAULTS.requestTimeout());
      return new Connections(
          max,
          idle,
          idle.compareTo(DEFAULTS.idleWhenFull()) < 0 ? idle : DEFAULTS.idleWhenFull(),
          request);
    }

    private static Duration positive(ConfigSection l, String key, Duration fallback) {
      Duration d = l.duration(key, fallback);
      if (d.isZero()) throw l.error(key, "expected a positive duration");
      return d;
    }
  }

  /**
   * Per-client limits, keyed by the client's address: a token bucket ({@code burst} requests at
   * once, refilled at {@code requestsPerSecond}) and a cap on one client's requests in flight.
   *
   * <p>Off by default: behind a reverse proxy or CDN every visitor arrives from the proxy's
   * address, so a default limit would throttle the whole audience as one client. Turn it on where
   * clients connect directly, or behind a proxy with {@code trustForwardedFor}.
   *
   * @param requestsPerSecond refill rate; 0 turns the rate limit off
   * @param burst bucket size
   * @param maxConcurrent requests one client may have in flight at once (more are answered 429); 0
   *     turns this off
   * @param trustForwardedFor key clients by the last {@code X-Forwarded-For} address (the one your
   *     proxy added) instead of the connection's; only behind a proxy that sets it, or clients
   *     could pick any address
   */
  public record RateLimit(
      double requestsPerSecond, int burst, int maxConcurrent, boolean trustForwardedFor) {
    public static final RateLimit OFF = new RateLimit(0, 0, 0, false);

    public RateLimit {
      if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
        throw new IllegalArgumentException("requestsPerSecond must be a number of 0 or more");
      }
      if (requestsPerSecond > 0 && burst < 1)
        throw new IllegalArgumentException("burst must be at least 1");
      if (maxConcurrent < 0)
        throw new IllegalArgumentException("maxConcurrent must not be negative");
    }

    /** A token bucket without a cap on one client's requests in flight. */
    public RateLimit(double requestsPerSecond, int burst, boolean trustForwardedFor) {
      this(requestsPerSecond, burst, 0, trustForwardedFor);
    }

    /**
     * Off when the section is absent; when present, it needs a rate or a per-client concurrency.
     */
    static RateLimit fromConfig(ConfigSection r) {
      r.allowOnly("requestsPerSecond", "burst", "maxConcurrent", "trustForwardedFor");
      if (r.keys().isEmpty()) return OFF;
      String what = "a number of requests per second, 0 to turn the limit off";
      if (!r.has("requestsPerSecond") && !r.has("maxConcurrent"))
        throw r.error("requestsPerSecond", "expected " + what);
      double perSecond = r.number("requestsPerSecond", 0, 0, 1e9, what);
      int burst = r.integer("burst", (int) Math.max(1, Math.ceil(perSecond * 2)), 1, 1_000_000);
      return new RateLimit(
          perSecond,
          burst,
          r.integer("maxConcurrent", 0, 0, 10_000),
          r.bool("trustForwardedFor", false));
    }

    /** Whether the token bucket is on. */
    public boolean enabled() {
      return requestsPerSecond > 0;
    }

    /** Whether one client's requests in flight are capped. */
    public boolean capsConcurrency() {
      return maxConcurrent > 0;
    }
  }
}
