package dev.sitesearch.http;

import dev.sitesearch.config.ServerSettings.Metrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for anyone ({@code server.metrics:
 * on}), only with the admin token ({@code admin}), or not at all ({@code off}: 404).
 */
final class MetricsRoutes {
  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final Metrics access;
  private final AdminRoutes admin;

  MetricsRoutes(PrometheusMeterRegistry registry, Metrics access, AdminRoutes admin) {
    this.registry = registry;
    this.access = access;
    this.admin = admin;
  }

  void register(RoutesConfig routes) {
    HttpServer.getAndHead(routes, "/metrics", this::metrics);
  }

  private void metrics(Context ctx) {
    switch (access) {
      case OFF ->
          throw new ProblemException(
              404, "Not found", "metrics are off: set server.metrics to on or admin");
      case ADMIN -> admin.admit(ctx);
      case ON -> {}
    }
    ctx.header("Cache-Control", SearchRoutes.NO_STORE)
        .contentType(CONTENT_TYPE)
        .result(registry.scrape());
  }
}
