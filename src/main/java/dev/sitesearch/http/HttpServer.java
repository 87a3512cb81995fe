package dev.sitesearch.http;

import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.search.CurationEditor;
import dev.sitesearch.search.EngineUnavailableException;
import dev.sitesearch.search.InvalidRequestException;
import dev.sitesearch.search.SearchEngine;
import dev.sitesearch.search.UnsupportedFeatureException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import org.apache.lucene.util.RamUsageEstimator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app from its dependencies and returns it unstarted, so {@code serve} starts it
 * on the configured port and tests on a random one.
 */
public final class HttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("sitesearch.access");

  private HttpServer() {}

  private static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  /**
   * Jetty sizes the padding of a few of its queues by how many object references fill a cache line;
   * unless told, it asks the JVM's platform MBean server, whose creation registers every platform
   * bean (the flight recorder's among them) and took about 0.1 s of each start. Lucene has read the
   * reference size already, without that server. A value set by the user stands.
   */
  private static void tellJettyTheReferenceSize() {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) != null) return;
    int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
    System.setProperty(
        JETTY_REFERENCES_PER_CACHE_LINE,
        String.valueOf(Math.max(1, cacheLine / RamUsageEstimator.NUM_BYTES_OBJECT_REF)));
  }

  /**
   * The app; {@code registry} takes its meters, {@code curation} (none when null) is what the
   * curation editing API changes, and searches, suggestions and clicks are counted into {@code
   * analytics}.
   */
  public static Javalin create(
      SearchEngine search,
      Reindexer reindexer,
      ServerSettings settings,
      PrometheusMeterRegistry registry,
      CurationEditor curation,
      Analytics analytics) {
    tellJettyTheReferenceSize();
    var meters = new HttpMeters(registry);
    var searchRoutes = new SearchRoutes(search, settings.limits().maxQueueWait(), analytics);
    var clients = new ClientKeys(settings.limits().rateLimit().trustForwardedFor());
    var adminRoutes =
        new AdminRoutes(
            reindexer, settings.adminToken(), settings.limits().maxBodyBytes(), clients);
    var curationRoutes =
        curation == null
            ? null
            : new CurationRoutes(curation, search, adminRoutes, settings.limits().maxBodyBytes());
    var analyticsRoutes = new AnalyticsRoutes(analytics, adminRoutes, Clock.systemUTC());
    var uiRoutes = new UiRoutes();
    var healthRoutes = new HealthRoutes(search, Clock.systemUTC());
    var limits =
        new RequestLimits(
            settings.limits(), new CorsPolicy(settings.corsOrigins()), meters::refused);
    var metricsRoutes = new MetricsRoutes(registry, settings.metrics(), adminRoutes);
    var apiDocRoutes = new ApiDocRoutes();
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
          config.http.generateEtags = false;
          config.router.ignoreTrailingSlashes = true;
          config.startup.showJavalinBanner = false;
          config.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                ConnectionGuard.install(server, settings.limits().connections());
                GracefulStop.install(server);
              });
          config.jetty.modifyHttpConfiguration(
              http -> {
                http.setRequestHeaderSize(
                    settings.limits().maxHeaderBytes()); // request line + headers: 414 / 431 beyond
                http.setSendServerVersion(false); // no Server header, on errors either
                http.setSendXPoweredBy(false);
              });
          config.jetty.modifyServletContextHandler(
              context ->
                  context.addFilter(
                      new FilterHolder(limits), "/*", EnumSet.of(DispatcherType.REQUEST)));
          config.http.maxRequestSize = settings.limits().maxBodyBytes();
          config.requestLogger.http(
              (ctx, ms) -> {
                meters.answered(ctx, ms);
                int status = ctx.status().getCode();
                long millis = Math.round(ms);
                // one line per request; the figures as key-value pairs too, for the JSON format
                ACCESS
                    .atInfo()
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("status", status)
                    .addKeyValue("ms", millis)
                    .log("{} {} {} {}ms", ctx.method(), ctx.path(), status, millis);
              });
          config.routes.before(HttpServer::checkPathEncoding);
          searchRoutes.register(config.routes);
          healthRoutes.register(config.routes);
          adminRoutes.register(config.routes);
          metricsRoutes.register(config.routes);
          apiDocRoutes.register(config.routes);
          if (curationRoutes != null) curationRoutes.register(config.routes);
          else if (!search.name().equals("lucene")) CurationRoutes.unsupported(config.routes);
          analyticsRoutes.register(config.routes);
          uiRoutes.register(config.routes);
          config.routes.exception(
              InvalidRequestException.class,
              (e, ctx) ->
                  problem(
                      ctx,
                      400,
                      "Invalid parameter",
                      e.getMessage(),
                      Params.name(e.part(), e.facet())));
          config.routes.exception(
              ProblemException.class,
              (e, ctx) -> {
                if (e.retryAfterSeconds() > 0)
                  ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                problem(ctx, e.status(), e.title(), e.getMessage(), e.parameter());
              });
          config.routes.exception(
              UnsupportedFeatureException.class,
              (e, ctx) -> problem(ctx, 501, "Not implemented", e.getMessage(), null));
          config.routes.exception(
              EngineUnavailableException.class,
              (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "1");
                problem(
                    ctx, 503, "Service unavailable", "the search engine cannot be reached", null);
              });
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> problem(ctx, e.getStatus(), title(e.getStatus()), e.getMessage(), null));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(
                    ctx,
                    500,
                    "Internal error",
                    "the search service failed to answer; it has been logged",
                    null);
              });
          config.routes.error(
              404,
              ctx -> {
                if (!isProblem(ctx))
                  problem(
                      ctx,
                      404,
                      "Not found",
                      "no such endpoint: " + ctx.method() + " " + ctx.path(),
                      null);
              });
          config.routes.error(
              405,
              ctx -> {
                if (!isProblem(ctx))
                  problem(
                      ctx, 405, "Method not allowed", ctx.method() + " is not allowed here", null);
              });
        });
  }

  /**
   * Jetty refuses a malformed percent-encoding in the path, except after a {@code ;} (a path
   * parameter, which it does not decode); Javalin decodes the whole path for path parameters and
   * would fail there, so it is refused here.
   */
  private static void checkPathEncoding(Context ctx) {
    String path = ctx.req().getRequestURI();
    if (path == null || path.indexOf(';') < 0) return;
    try {
      URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "Bad request", "the URL's percent-encoding is malformed");
    }
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }

  static void problem(Context ctx, int status, String title, String detail, String parameter) {
    var problem = new Problem("about:blank", title, status, detail, ctx.path(), parameter);
    ctx.status(status)
        .contentType(Problem.CONTENT_TYPE)
        .header("Cache-Control", "no-store")
        // as UTF-8 bytes: a String is encoded as ISO-8859-1 for this media type, so a detail
        // quoting 日本 read '??'
        .result(Json.write(problem).getBytes(StandardCharsets.UTF_8));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      case 500 -> "Internal error";
      case 501 -> "Not implemented";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request too large";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> "HTTP " + status;
    };
  }
}
