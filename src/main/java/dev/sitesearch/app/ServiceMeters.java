package dev.sitesearch.app;

import dev.sitesearch.index.ContentWatcher;
import dev.sitesearch.index.ReindexRun;
import dev.sitesearch.index.Reindexer;
import dev.sitesearch.search.LiveIndex;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.IOException;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * The meters of a running server beside its HTTP ones: the index served (pages, bytes, commit
 * generation, searcher refreshes), the reindexes (by outcome; the last one's end, duration and
 * outcome), the watcher (events, runs) and the JVM (memory, GC, threads, CPU, uptime). Each is read
 * when scraped, from counts the parts keep anyway: nothing is added to a search's path.
 */
final class ServiceMeters {
  private ServiceMeters() {}

  /** What binding holds beyond the registry: the GC listeners, let go on close. */
  interface Bound extends AutoCloseable {
    @Override
    void close();
  }

  static void bind(
      MeterRegistry registry, LiveIndex live, Reindexer reindexer, ContentWatcher watcher) {
    gauge(registry, "sitesearch.index.documents", "pages searchable now", live, l -> health(l, 0));
    gauge(registry, "sitesearch.index.generation", "the served commit", live, l -> health(l, 1));
    Gauge.builder("sitesearch.index.size", live, ServiceMeters::bytes)
        .description("index files on disk")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("sitesearch.index.refreshes", live, LiveIndex::refreshes)
        .description("newer commits opened for searches")
        .register(registry);
    for (String outcome : new String[] {ReindexRun.COMMITTED, ReindexRun.FAILED}) {
      FunctionCounter.builder("sitesearch.reindex.runs", reindexer, r -> r.runs(outcome))
          .description("reindexes run by this server (admin, watcher, catch-up)")
          .tag("outcome", outcome)
          .register(registry);
    }
    gauge(
        registry,
        "sitesearch.reindex.last.end",
        "when the last reindex ended, seconds since the epoch (0: none yet)",
        reindexer,
        r -> r.lastRun().map(run -> Instant.parse(run.at()).getEpochSecond()).orElse(0L));
    Gauge.builder(
            "sitesearch.reindex.last.duration",
            reindexer,
            r -> r.lastRun().map(run -> run.millis() / 1000.0).orElse(0.0))
        .description("how long the last reindex ran")
        .baseUnit("seconds")
        .register(registry);
    gauge(
        registry,
        "sitesearch.reindex.last.committed",
        "1 when the last reindex committed, 0 when it failed (the index served is stale)",
        reindexer,
        r -> r.lastRun().map(run -> run.wasCommitted() ? 1 : 0).orElse(1));
    if (watcher != null) {
      FunctionCounter.builder("sitesearch.watch.events", watcher, ContentWatcher::events)
          .description("file system events from the content folder")
          .register(registry);
      FunctionCounter.builder("sitesearch.watch.runs", watcher, ContentWatcher::runs)
          .description("reindexes the watcher started")
          .register(registry);
    }
  }

  /** The JVM's meters: memory, GC, threads, classes, CPU, uptime. */
  static Bound bindJvm(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    var gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return gc::close;
  }

  private static <T> void gauge(
      MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> f) {
    Gauge.builder(name, source, f).description(description).register(registry);
  }

  private static double health(LiveIndex live, int which) {
    try {
      var health = live.health();
      return which == 0 ? health.documents() : health.generation();
    } catch (IOException | RuntimeException e) {
      return Double.NaN; // a scrape never fails; the health answer says what is wrong
    }
  }

  private static double bytes(LiveIndex live) {
    try {
      return live.sizeInBytes();
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
