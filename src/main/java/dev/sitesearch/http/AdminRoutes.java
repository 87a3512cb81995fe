package dev.sitesearch.http;

import dev.sitesearch.index.IndexBusyException;
import dev.sitesearch.index.Reindexer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /api/admin/reindex[?full=true]}: runs a reindex and answers with its summary. Off (404) unless an admin
 * token is configured; the bearer token is compared in constant time.
 */
final class AdminRoutes {
  private final Reindexer reindexer;
  private final byte[] token;

  AdminRoutes(Reindexer reindexer, String token) {
    this.reindexer = reindexer;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void register(RoutesConfig routes) {
    routes.post("/api/admin/reindex", this::reindex);
  }

  private void reindex(Context ctx) throws IOException {
    if (token == null) {
      throw new ProblemException(404, "Not found", "the admin API is off: set SITESEARCH_ADMIN_TOKEN to turn it on");
    }
    authorize(ctx.header("Authorization"));
    boolean full = Params.bool(ctx, "full");
    try {
      ctx.header("Cache-Control", SearchRoutes.NO_STORE).json(reindexer.run(full));
    } catch (IndexBusyException e) {
      throw new ProblemException(409, "Index busy", "another indexer is running; try again when it has finished");
    }
  }

  private void authorize(String header) {
    String prefix = "Bearer ";
    byte[] given = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
        ? header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      throw new ProblemException(401, "Unauthorized", "send the admin token as 'Authorization: Bearer <token>'");
    }
  }
}
