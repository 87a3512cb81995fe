package dev.sitesearch.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code server:} section: where {@code serve} listens and what it lets in.
 *
 * @param port default port of {@code serve} (0 picks a free one)
 * @param host default bind address
 * @param corsOrigins site origins allowed to call the API from a browser (none by default)
 * @param adminToken bearer token for the admin API; null turns the admin API off
 * @param limits request sizes, concurrency and the per-client rate limit
 * @param metrics who may read {@code GET /metrics}
 */
public record ServerSettings(
    int port,
    String host,
    List<String> corsOrigins,
    String adminToken,
    ServerLimits limits,
    Metrics metrics) {
  /**
   * {@code server.metrics}: {@code on} (anyone who reaches the server: the default, as it listens
   * on loopback unless told otherwise), {@code admin} (only with the admin token, for a server
   * others reach) or {@code off}. The figures are counts and timings, never queries or pages.
   */
  public enum Metrics {
    ON,
    ADMIN,
    OFF;

    static Metrics fromConfig(ConfigSection s) {
      // YAML reads a bare on/off as true/false
      return switch (s.string("metrics", "on").toLowerCase(java.util.Locale.ROOT)) {
        case "on", "true" -> ON;
        case "off", "false" -> OFF;
        case "admin" -> ADMIN;
        default -> throw s.error("metrics", "expected on, off or admin");
      };
    }
  }

  /** Loopback only: a server is reachable from other machines only when told so. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 7070;
  public static final ServerSettings DEFAULTS =
      new ServerSettings(
          DEFAULT_PORT, DEFAULT_HOST, List.of(), null, ServerLimits.defaults(), Metrics.ON);

  public ServerSettings {
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(host);
    Objects.requireNonNull(limits);
    Objects.requireNonNull(metrics);
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range");
    if (adminToken != null && adminToken.isBlank()) adminToken = null;
  }

  static ServerSettings fromConfig(ConfigSection s) {
    s.allowOnly("port", "host", "cors", "adminToken", "limits", "rateLimit", "metrics");
    var rate = ServerLimits.RateLimit.fromConfig(s.section("rateLimit"));
    return new ServerSettings(
        s.integer("port", DEFAULT_PORT, 0, 65535),
        s.string("host", DEFAULT_HOST),
        s.strings("cors", List.of()),
        s.string("adminToken", null),
        ServerLimits.fromConfig(s.section("limits"), rate),
        Metrics.fromConfig(s));
  }

  /** Settings for a server on any free loopback port, as tests and benchmarks start it. */
  public static ServerSettings ephemeral(List<String> corsOrigins, String adminToken) {
    return new ServerSettings(
        0, DEFAULT_HOST, corsOrigins, adminToken, ServerLimits.defaults(), Metrics.ON);
  }

  public ServerSettings withAdminToken(String token) {
    return new ServerSettings(port, host, corsOrigins, token, limits, metrics);
  }

  public ServerSettings withLimits(ServerLimits newLimits) {
    return new ServerSettings(port, host, corsOrigins, adminToken, newLimits, metrics);
  }

  public ServerSettings withMetrics(Metrics newMetrics) {
    return new ServerSettings(port, host, corsOrigins, adminToken, limits, newMetrics);
  }
}
