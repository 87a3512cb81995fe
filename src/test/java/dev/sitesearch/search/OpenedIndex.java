package dev.sitesearch.search;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * An index folder opened for searching as the application opens it (through {@link Assembly}), for
 * tests and benchmarks that search without a server: {@code try (var search =
 * OpenedIndex.of(index)) { search.search(…) }}.
 */
public final class OpenedIndex implements AutoCloseable {
  private final LiveIndex live;
  private final SearchService service;

  private OpenedIndex(LiveIndex live, SearchService service) {
    this.live = live;
    this.service = service;
  }

  /** With the default configuration. */
  public static OpenedIndex of(Path index) throws IOException {
    return of(Seed.config(), index, Clock.systemUTC());
  }

  /** With the default configuration but these ranking settings. */
  public static OpenedIndex of(Path index, RankingSettings ranking) throws IOException {
    return of(Seed.config().withRanking(ranking), index, Clock.systemUTC());
  }

  public static OpenedIndex of(SitesearchConfig config, Path index, Clock clock)
      throws IOException {
    Assembly assembly =
        TestAssembly.of(Path.of("content"), index).withConfig(config).withClock(clock);
    LiveIndex live = assembly.openIndex();
    return new OpenedIndex(live, assembly.searchService(live));
  }

  public SearchService service() {
    return service;
  }

  public LiveIndex live() {
    return live;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    return service.search(request);
  }

  public Optional<StoredPage> document(String id) throws IOException {
    return service.document(id);
  }

  public Health health() throws IOException {
    return service.health();
  }

  /** Opens the newest commit now. */
  public void refresh() throws IOException {
    live.refresh();
  }

  @Override
  public void close() throws IOException {
    live.close();
  }
}
