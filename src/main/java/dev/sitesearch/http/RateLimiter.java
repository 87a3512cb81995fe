package dev.sitesearch.http;

import dev.sitesearch.config.ServerLimits.RateLimit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, then {@code requestsPerSecond} on
 * average. Buckets of clients that have been quiet long enough to be full again are forgotten, so
 * memory follows the clients active in the last few seconds, not every address ever seen.
 */
final class RateLimiter {
  /** Beyond this many remembered clients, full buckets are swept out. */
  static final int SWEEP_ABOVE = 10_000;

  private final double tokensPerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(RateLimit limit, LongSupplier nanoClock) {
    if (!limit.enabled()) throw new IllegalArgumentException("the rate limit is off");
    this.tokensPerNano = limit.requestsPerSecond() / TimeUnit.SECONDS.toNanos(1);
    this.burst = limit.burst();
    this.nanoClock = nanoClock;
  }

  /**
   * Takes a token for {@code client}: 0 when the request may go on, else the whole seconds until it
   * may retry.
   */
  long acquire(String client) {
    long now = nanoClock.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) sweep(now);
    Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now, tokensPerNano, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return secondsToToken(bucket);
    }
  }

  private long secondsToToken(Bucket bucket) {
    double nanosToToken = (1 - bucket.tokens) / tokensPerNano;
    return Math.max(1, (long) Math.ceil(nanosToToken / TimeUnit.SECONDS.toNanos(1)));
  }

  /**
   * The whole seconds until {@code client} has a token again, 0 when it has one now; takes none.
   */
  long retryAfter(String client) {
    Bucket bucket = buckets.get(client);
    if (bucket == null) return 0;
    synchronized (bucket) {
      bucket.refill(nanoClock.getAsLong(), tokensPerNano, burst);
      return bucket.tokens >= 1 ? 0 : secondsToToken(bucket);
    }
  }

  int clients() {
    return buckets.size();
  }

  private void sweep(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              Bucket b = e.getValue();
              synchronized (b) {
                b.refill(now, tokensPerNano, burst);
                return b.tokens >= burst;
              }
            });
  }

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }

    void refill(long now, double perNano, double burst) {
      tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
      lastNanos = now;
    }
  }
}
