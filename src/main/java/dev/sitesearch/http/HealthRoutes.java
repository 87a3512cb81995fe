package dev.sitesearch.http;

import dev.sitesearch.search.Health;
import dev.sitesearch.search.SearchEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probes a supervisor or load balancer asks, beside {@code /api/health} (the whole state):
 *
 * <ul>
 *   <li>{@code /api/health/live}: is the process worth keeping? 503 only when a background task has
 *       kept failing past {@link Health#LIVENESS_GRACE}, its own retries spent; a restart is then
 *       the next best thing.
 *   <li>{@code /api/health/ready}: may it get traffic? 200 while an index is open and searchable,
 *       saying whether it is {@code current} or {@code stale} (the last reindex failed, so the
 *       pages are the last commit's): a stale index still answers, so it stays ready. 503 when the
 *       index cannot be read, and while the server stops.
 * </ul>
 */
final class HealthRoutes {
  private final SearchEngine search;
  private final Clock clock;

  HealthRoutes(SearchEngine search, Clock clock) {
    this.search = search;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/health/live", this::live);
    routes.head("/api/health/live", this::live);
    routes.get("/api/health/ready", this::ready);
    routes.head("/api/health/ready", this::ready);
  }

  private void live(Context ctx) throws IOException {
    Health health = search.health();
    boolean alive = health.aliveAt(clock.instant());
    var body = new LinkedHashMap<String, Object>();
    body.put("status", alive ? "up" : "failing");
    body.put("failing", health.failing());
    answer(ctx, alive, body);
  }

  private void ready(Context ctx) {
    Health health;
    try {
      health = search.health();
    } catch (IOException | RuntimeException unreadable) {
      answer(ctx, false, Map.of("status", "unavailable"));
      return;
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("status", "ready");
    body.put("index", health.index());
    body.put("documents", health.documents());
    body.put("generation", health.generation());
    body.put("lastReindex", health.lastReindex());
    answer(ctx, true, body);
  }

  private static void answer(Context ctx, boolean ok, Map<String, Object> body) {
    ctx.status(ok ? 200 : 503).header("Cache-Control", SearchRoutes.NO_STORE).json(body);
  }
}
