package dev.sitesearch.app;

import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.config.ConfigException;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.http.HttpServer;
import dev.sitesearch.index.ContentWatcher;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.search.CurationEditor;
import dev.sitesearch.search.LiveIndex;
import dev.sitesearch.search.SearchEngine;
import dev.sitesearch.search.SearchService;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A started {@code serve}: the live index following commits, the search service, the reindexer
 * shared by the admin API, the content watcher and the catch-up pass, and the HTTP server. The
 * background tasks (following commits, watching, catching up) never die of a failure: each reports
 * it to the health answer ({@code /api/health} turns 503, status failing) and tries again. {@link
 * #close()} stops them in the order that loses nothing: no new requests, no new reindexes, the
 * running one finished, then the index.
 */
public final class RunningServer implements AutoCloseable {
  /**
   * How to serve.
   *
   * @param host the address to bind, or null for the config's
   * @param port the port, or null for the config's (0 picks a free one)
   * @param watch reindex when content files change
   * @param refreshEvery how often to look for a commit made by another process
   * @param watchTiming how long the content folder must be quiet before a watch reindex, and how
   *     long a change waits at most when it never is
   * @param catchUpDelay how long after start a current index is brought up to date (the first
   *     queries go first); null when the caller has just indexed and no catch-up is needed
   * @param progress shows the first build of a missing or outdated index
   * @param reports receives the summary of each reindex run by the server itself (first build,
   *     catch-up)
   */
  public record Options(
      String host,
      Integer port,
      boolean watch,
      Duration refreshEvery,
      ContentWatcher.Timing watchTiming,
      Duration catchUpDelay,
      Indexer.Progress progress,
      Consumer<IndexSummary> reports) {

    public static final Options DEFAULTS =
        new Options(
            null,
            null,
            false,
            Duration.ofMillis(200),
            ContentWatcher.Timing.DEFAULT,
            Duration.ofSeconds(2),
            Indexer.Progress.NONE,
            summary -> {});

    public Options on(String newHost, Integer newPort) {
      return new Options(
          newHost, newPort, watch, refreshEvery, watchTiming, catchUpDelay, progress, reports);
    }

    public Options watching(boolean on) {
      return new Options(
          host, port, on, refreshEvery, watchTiming, catchUpDelay, progress, reports);
    }

    public Options refreshingEvery(Duration every) {
      return new Options(host, port, watch, every, watchTiming, catchUpDelay, progress, reports);
    }

    /** No catch-up pass: for a caller that has just brought the index up to date itself. */
    public Options withoutCatchUp() {
      return new Options(host, port, watch, refreshEvery, watchTiming, null, progress, reports);
    }

    public Options reporting(Indexer.Progress newProgress, Consumer<IndexSummary> newReports) {
      return new Options(
          host, port, watch, refreshEvery, watchTiming, catchUpDelay, newProgress, newReports);
    }
  }

  /** A step of closing that may throw only IOException. */
  private interface AutoCloseableIo extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /** What runs in the background, each task's failure shown by the health answer. */
  private record Background(ContentWatcher watcher, CatchUp catchUp, ServiceMeters.Bound meters)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try (var m = meters;
          var w = watcher;
          var c = catchUp) {
        // closed in reverse order: no catch-up pass starts, the watcher stops, the meters let go
      }
    }
  }

  private final LiveIndex live;
  private final SearchEngine search;
  private final Reindexer reindexer;
  private final Javalin app;
  private final Background background;
  private final String host;
  private final Analytics analytics;

  private RunningServer(
      LiveIndex live,
      SearchEngine search,
      Reindexer reindexer,
      Javalin app,
      Background background,
      String host,
      Analytics analytics) {
    this.live = live;
    this.search = search;
    this.reindexer = reindexer;
    this.app = app;
    this.background = background;
    this.host = host;
    this.analytics = analytics;
  }

  static RunningServer start(Assembly assembly, Options options) throws IOException {
    if (assembly.onSolrCloud()) return startOnSolrCloud(assembly, options);
    ServerSettings settings = assembly.config().server();
    String host = options.host() != null ? options.host() : settings.host();
    int port = options.port() != null ? options.port() : settings.port();
    ListenCheck.ensureFree(host, port); // before an index is built for nothing
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CompletableFuture<Beside> beside = Beside.open(registry, assembly);
    LiveIndex live = null;
    ContentWatcher watcher = null;
    CatchUp catchUp = null;
    Reindexer reindexer = null;
    try {
      Indexer indexer = assembly.indexer(false);
      // A current index is served at once while a catch-up pass runs; a missing or outdated one is
      // built first.
      boolean current = indexer.rebuildReason() == null;
      if (!current) options.reports().accept(indexer.run(false, options.progress()));
      LiveIndex opened = assembly.openIndex();
      live = opened;
      CurationEditor curation = assembly.curation(true);
      SearchService search = assembly.searchService(live, curation);
      Reindexer shared = new Reindexer(indexer, summary -> opened.refresh());
      reindexer = shared;
      live.reportReindexes(shared::lastRun);
      if (current && options.catchUpDelay() != null) {
        catchUp = CatchUp.start(reindexer, options.catchUpDelay(), options.reports());
        live.monitor(catchUp.status());
      }
      if (options.watch()) {
        watcher =
            new ContentWatcher(assembly.content(), shared::runChanged, options.watchTiming())
                .start();
        live.monitor(watcher.status());
      }
      ServiceMeters.bind(registry, live, shared, watcher);
      Beside made = beside.join();
      Javalin app;
      try {
        app =
            HttpServer.create(search, reindexer, settings, registry, curation, made.analytics())
                .start(host, port);
      } catch (JavalinBindException e) { // taken since the check
        throw ListenCheck.inUse(host, port, e);
      }
      // Only now: its first turn builds a large site's title completions (seconds of a core),
      // which would hold up the start on a small machine; searches are answered meanwhile.
      live.followCommits(options.refreshEvery());
      return new RunningServer(
          live,
          search,
          reindexer,
          app,
          new Background(watcher, catchUp, made.jvmMeters()),
          host,
          made.analytics());
    } catch (IOException | RuntimeException | Error e) {
      try (var l = live;
          var b = new Background(watcher, catchUp, null);
          var made = Beside.whenOpened(beside)) {
        if (reindexer != null) reindexer.close();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * What {@code serve} opens on a second thread while the first reads the index: the JVM's meters
   * and the analytics store, about 0.15 s of a two-second start (a Lucene writer of its own to
   * load), on a core the start leaves partly idle.
   */
  private record Beside(ServiceMeters.Bound jvmMeters, Analytics analytics)
      implements AutoCloseable {
    static CompletableFuture<Beside> open(PrometheusMeterRegistry registry, Assembly assembly) {
      return CompletableFuture.supplyAsync(
          () -> new Beside(ServiceMeters.bindJvm(registry), assembly.openAnalytics()),
          task -> Thread.ofPlatform().name("sitesearch-start").daemon().start(task));
    }

    /** The opened parts, to close, once opened; null when opening them failed. */
    static Beside whenOpened(CompletableFuture<Beside> beside) {
      try {
        return beside.join();
      } catch (CompletionException | CancellationException e) {
        return null;
      }
    }

    @Override
    public void close() throws IOException {
      try (var m = jvmMeters;
          var a = analytics) {
        // the store commits what it has; the GC listeners let go
      }
    }
  }

  /**
   * A server whose searches a SolrCloud collection answers ({@code engine.type: solrcloud}): no
   * local index, so no commits to follow, no watcher and no reindex API (the index is written by
   * {@code sitesearch index}); a missing collection is built first, as a missing local index is.
   */
  private static RunningServer startOnSolrCloud(Assembly assembly, Options options)
      throws IOException {
    if (options.watch())
      throw new ConfigException(
          "--watch is not available with engine.type solrcloud: run `sitesearch index` when the"
              + " content changes");
    ServerSettings settings = assembly.config().server();
    String host = options.host() != null ? options.host() : settings.host();
    int port = options.port() != null ? options.port() : settings.port();
    ListenCheck.ensureFree(host, port);
    var indexer = assembly.solrIndexer(false);
    if (indexer.needsBuild()) options.reports().accept(indexer.run(false));
    SearchEngine search = assembly.solrEngine();
    Analytics analytics = assembly.openAnalytics();
    try {
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Javalin app;
      try {
        app =
            HttpServer.create(search, null, settings, registry, null, analytics).start(host, port);
      } catch (JavalinBindException e) {
        throw ListenCheck.inUse(host, port, e);
      }
      return new RunningServer(
          null, search, null, app, new Background(null, null, null), host, analytics);
    } catch (IOException | RuntimeException | Error e) {
      try (var a = analytics) {
        // closed
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * The routes this server answers, as {@code "GET /api/search"} (for the API description's test).
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .toList();
  }

  public int port() {
    return app.port();
  }

  /** The address as a browser would write it ({@code http://127.0.0.1:7070/}). */
  public String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /** The local search core; a SolrCloud server has none ({@link #engine()}). */
  public SearchService search() {
    if (search instanceof SearchService local) return local;
    throw new IllegalStateException("a " + search.name() + " server has no local search core");
  }

  /** What answers this server's searches, whichever engine it is. */
  public SearchEngine engine() {
    return search;
  }

  public Reindexer reindexer() {
    return reindexer;
  }

  /** What the server counts (off when the config turns analytics off). */
  public Analytics analytics() {
    return analytics;
  }

  /**
   * Stops accepting requests, writes and commits the analytics events still queued, stops the
   * catch-up pass and the watcher, lets a running reindex commit or roll back (refusing new ones),
   * then closes the index; each step runs even if an earlier one fails.
   */
  @Override
  public void close() throws IOException {
    try (live;
        AutoCloseableIo r = reindexer == null ? () -> {} : reindexer::close;
        var b = background;
        var a = analytics) {
      app.stop();
    }
  }
}
