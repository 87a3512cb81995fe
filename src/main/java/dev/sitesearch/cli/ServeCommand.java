package dev.sitesearch.cli;

import dev.sitesearch.app.RunningServer;
import dev.sitesearch.index.IndexSummary;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sitesearch serve}: brings the index up to date, then serves the API and the search page,
 * following every new commit. The parts come from the one {@link dev.sitesearch.app.Assembly}; on
 * SIGTERM or Ctrl-C they are all closed and it exits 0 ({@link StopSignals}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Index the content (incrementally) and serve the search API.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      description = "Port (default: 7070, or server.port in the config; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--host",
      description = "Address to bind (default: 127.0.0.1, or server.host in the config).")
  String host;

  @Option(
      names = "--watch",
      description = "Reindex when content files are saved, added or deleted.")
  boolean watch;

  @Override
  public Integer call() throws Exception {
    if (port != null && (port < 0 || port > 65_535))
      throw new CommandLine.ParameterException(
          common.spec.commandLine(), "--port must be from 0 to 65535, not " + port);
    var options =
        RunningServer.Options.DEFAULTS
            .on(host, port)
            .watching(watch)
            .reporting(TerminalProgress.forTerminal(), this::report);
    RunningServer server = common.assembly().serve(options);
    var out = common.out();
    var stopped = new CountDownLatch(1);
    var closing = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (!closing.compareAndSet(false, true)) return;
          try {
            server.close();
            out.println("sitesearch stopped: requests, watcher, reindexes and index closed");
          } catch (Exception e) {
            common.err().println("sitesearch: could not stop cleanly: " + e);
          } finally {
            out.flush();
            stopped.countDown();
          }
        };
    // SIGTERM or Ctrl-C: stop cleanly, then return (exit 0); a second signal exits at once.
    StopSignals.install(stop, common.err());
    // Any other way out of the JVM still closes everything first; the hook waits for a stop the
    // signal began, as the JVM exits as soon as the hooks return.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  awaitQuietly(stopped);
                },
                "sitesearch-shutdown"));
    // Announced once the hook is in place: whoever acts on this line (a supervisor, a test) can
    // stop it cleanly.
    out.printf(
        "sitesearch is serving %d pages at %s  (try /api/search?q=care)%n",
        server.engine().health().documents(), server.url());
    out.flush();
    stopped.await();
    return Main.OK;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A run the server made itself (first build, catch-up): its failures and its line. */
  private void report(IndexSummary summary) {
    common.printFailures(summary);
    common.out().println(summary.line());
  }
}
