package dev.sitesearch.cli;

import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.http.HttpServer;
import dev.sitesearch.index.ContentWatcher;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.SearchService;
import dev.sitesearch.search.SearchTuning;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitesearch serve}: brings the index up to date, then serves the API, following every new commit. Wiring by
 * hand, in one place: config, schema, indexer, search service, HTTP server.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Index the content (incrementally) and serve the search API.")
public final class ServeCommand implements Callable<Integer> {
  /** How often the server looks for a commit made by another process. */
  static final long REFRESH_MILLIS = 200;
  static final long WATCH_DEBOUNCE_MILLIS = 150;
  /** A current index is served first; the pass that catches up with content edits starts this much later. */
  static final long CATCH_UP_DELAY_MILLIS = 2_000;

  @Mixin CommonOptions common;

  @Option(names = "--port", description = "Port (default: 7070, or server.port in the config; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", description = "Address to bind (default: 127.0.0.1, or server.host in the config).")
  String host;

  @Option(names = "--watch", description = "Reindex when content files are saved, added or deleted.")
  boolean watch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SitesearchConfig config = common.loadConfig();
    Schema schema = Schema.from(config);
    var reader = new PageReader(config.maxFileBytes(), false, Clock.systemUTC());
    var indexer = new Indexer(common.content, common.index, schema, reader,
        Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    // A current index is served at once while the catch-up pass runs; a missing or outdated one is built first.
    boolean catchUpLater = indexer.rebuildReason() == null;
    if (!catchUpLater) report(indexer.run(false, TerminalProgress.forTerminal()));

    try (var search = new SearchService(common.index, schema, SearchTuning.from(config.ranking()))) {
      search.followCommits(REFRESH_MILLIS);
      var reindexer = new Reindexer(indexer, summary -> search.refresh());
      if (catchUpLater) catchUp(reindexer);
      ContentWatcher watcher = watch ? new ContentWatcher(common.content, reindexer, WATCH_DEBOUNCE_MILLIS).start() : null;
      Javalin app = HttpServer.create(search, reindexer, config.server());
      String bindHost = host != null ? host : config.server().host();
      app.start(bindHost, port != null ? port : config.server().port());
      spec.commandLine().getOut().printf("sitesearch is serving %d pages at http://%s:%d/  (try /api/search?q=care)%n",
          search.health().documents(), bindHost.contains(":") ? "[" + bindHost + "]" : bindHost, app.port());
      spec.commandLine().getOut().flush();
      var stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop();
        stopped.countDown();
      }));
      stopped.await();
      if (watcher != null) watcher.close();
    }
    return Main.OK;
  }

  private void report(IndexSummary summary) {
    var err = spec.commandLine().getErr();
    summary.failures().forEach(p -> err.println("FAILED  " + p));
    spec.commandLine().getOut().println(summary.line());
  }

  private void catchUp(Reindexer reindexer) {
    Thread.ofPlatform().daemon().name("sitesearch-catch-up").start(() -> {
      try {
        Thread.sleep(CATCH_UP_DELAY_MILLIS); // let the first visitors' queries have the cores
        report(reindexer.run(false));
      } catch (Exception e) {
        spec.commandLine().getErr().println("sitesearch: could not bring the index up to date: " + e.getMessage());
      }
    });
  }
}
