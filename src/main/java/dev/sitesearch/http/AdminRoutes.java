package dev.sitesearch.http;

import dev.sitesearch.config.ServerLimits.RateLimit;
import dev.sitesearch.index.IndexBusyException;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.search.UnsupportedFeatureException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/admin/reindex[?full=true]}: runs a reindex and answers with its summary. Off
 * (404) unless an admin token is configured; the bearer token is compared in constant time. The
 * endpoint takes no body; one larger than the configured limit is refused (413), also when it comes
 * chunked, without a length. A reindex that fails is rolled back by the indexer, so searches go on
 * from the last good commit; the client learns that it failed, the log why (the cause may name
 * files and folders, which a client is not told).
 *
 * <p>Wrong tokens are throttled per client whether or not the general rate limit is on: after
 * {@value #FAILURES_AT_ONCE} failures a client gets one more try every {@value
 * #SECONDS_PER_FAILURE} seconds, and is answered 429 before its token is even compared, so a
 * guesser learns nothing while throttled. A person who mistypes the token never gets there.
 */
final class AdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

  static final int FAILURES_AT_ONCE = 10;
  static final int SECONDS_PER_FAILURE = 6;

  private final Reindexer reindexer;
  private final byte[] token;
  private final long maxBodyBytes;
  private final ClientKeys clients;
  private final RateLimiter failures =
      new RateLimiter(
          new RateLimit(1.0 / SECONDS_PER_FAILURE, FAILURES_AT_ONCE, false), System::nanoTime);

  AdminRoutes(Reindexer reindexer, String token, long maxBodyBytes, ClientKeys clients) {
    this.reindexer = reindexer;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.maxBodyBytes = maxBodyBytes;
    this.clients = clients;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/admin/reindex", this::reindex);
  }

  private void reindex(Context ctx) throws IOException {
    admit(ctx);
    boolean full = Params.bool(ctx, "full");
    skipBody(ctx.req().getInputStream());
    if (reindexer == null) // an engine whose index this server does not write (SolrCloud)
    throw new UnsupportedFeatureException(
          "the reindex API is not available on this engine: run `sitesearch index`");
    IndexSummary summary;
    try {
      summary = reindexer.run(full);
    } catch (IndexBusyException e) {
      throw new ProblemException(
          409, "Index busy", "another indexer is running; try again when it has finished");
    } catch (IOException | RuntimeException e) {
      LOG.error("POST {} failed; the last good index is still served", ctx.path(), e);
      throw new ProblemException(
          500,
          "Reindex failed",
          "the reindex failed and was rolled back; searches are "
              + "answered from the last good index meanwhile; the server log has the cause");
    }
    ctx.header("Cache-Control", SearchRoutes.NO_STORE).json(summary);
  }

  /**
   * Lets an admin request through, or ends it: 404 while the admin API is off, 401 for a missing or
   * wrong token, 429 for a client throttled for wrong ones. Every admin endpoint starts with it.
   */
  void admit(Context ctx) {
    if (token == null) {
      throw new ProblemException(
          404, "Not found", "the admin API is off: set SITESEARCH_ADMIN_TOKEN to turn it on");
    }
    authorize(ctx.header("Authorization"), clients.of(ctx.req()));
  }

  /** Reads and drops whatever body came, refusing it once it passes the limit. */
  private void skipBody(InputStream body) throws IOException {
    long total = 0;
    byte[] buffer = new byte[8192];
    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
      total += n;
      if (total > maxBodyBytes) {
        throw new ProblemException(
            413,
            "Request too large",
            "the request body is larger than " + maxBodyBytes + " bytes; this endpoint takes none");
      }
    }
  }

  private void authorize(String header, String client) {
    long wait = failures.retryAfter(client);
    if (wait > 0) {
      throw ProblemException.tooMany(
          "too many wrong admin tokens from this client; retry after " + wait + " s", wait);
    }
    String prefix = "Bearer ";
    byte[] given =
        header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
            ? header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      failures.acquire(client);
      throw new ProblemException(
          401, "Unauthorized", "send the admin token as 'Authorization: Bearer <token>'");
    }
  }
}
