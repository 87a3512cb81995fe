package dev.sitesearch.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP meters: every request by route, method and status, with its latency as a histogram;
 * searches by outcome; requests refused before any route (rate, slots, size). Tags take the route
 * as declared ({@code /api/documents/<id>}), never the path a client sent, and only HTTP's own
 * methods, so a scan of random paths or methods cannot make the series grow.
 */
final class HttpMeters {
  /** Set by the search route: the total of the answer it gave. */
  static final String SEARCH_TOTAL = "sitesearch.searchTotal";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One request answered by Javalin (a route, a 404, or a problem). */
  void answered(Context ctx, float millis) {
    String route = route(ctx);
    int status = ctx.status().getCode();
    Timer.builder("sitesearch.http.requests")
        .description("requests answered, by route, method and status")
        .tag("route", route)
        .tag("method", method(ctx))
        .tag("status", String.valueOf(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    if (route.equals("/api/search")) {
      Object total = ctx.attribute(SEARCH_TOTAL);
      String outcome =
          status >= 400 || total == null
              ? "error"
              : ((Number) total).longValue() > 0 ? "hits" : "no_hits";
      searches(outcome).increment();
    }
  }

  /** One request refused before any route ({@link RequestLimits}). */
  void refused(int status) {
    Counter.builder("sitesearch.http.refused")
        .description("requests refused before any route: rate limit, size, slots")
        .tag("status", String.valueOf(status))
        .register(registry)
        .increment();
  }

  private Counter searches(String outcome) {
    return Counter.builder("sitesearch.searches")
        .description("searches by outcome: hits, no_hits, error (a problem answer)")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * The method as a tag: HTTP's own, else {@code other}. A client may send any token as a method
   * (Jetty answers it 404), and each new name would be a new series: 10,000 made-up names took the
   * scrape to 50 MB.
   */
  private static String method(Context ctx) {
    String name = ctx.method().name();
    return METHODS.contains(name) ? name : "other";
  }

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

  private static String route(Context ctx) {
    try {
      var endpoint = ctx.endpoint();
      // Javalin answers paths no route has with its catch-all endpoint, "*"
      return endpoint == null || endpoint.path.equals("*") ? "unmatched" : endpoint.path;
    } catch (RuntimeException none) { // no route matched: a 404, or refused before routing
      return "unmatched";
    }
  }
}
