package dev.sitesearch.analytics;

import dev.sitesearch.config.AnalyticsSettings;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server counts, and the reports on it: each search gets an id (returned with its answer)
 * and is queued for the store with its normalised query, filters, result count and latency; a click
 * naming a recent search's id is counted with that search's query and the result's position. No
 * address, cookie or user agent is ever recorded. Recording never blocks or fails a request: events
 * that do not fit the queue are dropped and counted. Off, it records nothing and has no reports.
 */
public final class Analytics implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Analytics.class);

  /** Events waiting to be written at most; a burst beyond is dropped, never waited for. */
  static final int QUEUE_CAPACITY = 20_000;

  static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

  /** Recent searches a click can name: enough for the clicks of a busy half hour. */
  static final int RECENT_SEARCHES = 100_000;

  /** A search id: 16 hex digits (random, so ids of different searches do not collide). */
  public static final Pattern SEARCH_ID = Pattern.compile("[0-9a-f]{16}");

  private final EventStore store;
  private final EventRecorder recorder;
  private final Reports reports;
  private final Clock clock;

  /** Recent search ids to their queries as typed, for the clicks that name them. */
  private final Map<String, String> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > RECENT_SEARCHES;
        }
      };

  private Analytics(EventStore store, EventRecorder recorder, Clock clock) {
    this.store = store;
    this.recorder = recorder;
    this.reports = store == null ? null : new Reports(store);
    this.clock = clock;
  }

  /** Records nothing. */
  public static Analytics off() {
    return new Analytics(null, null, Clock.systemUTC());
  }

  /**
   * Opens the store as configured for an index folder and starts recording; off when the settings
   * say so, when another process has the store, or when it cannot be opened (logged: searches are
   * served either way).
   */
  public static Analytics open(AnalyticsSettings settings, Path index, Clock clock) {
    if (!settings.enabled()) return off();
    Path folder = settings.folderFor(index);
    EventStore store;
    try {
      store = EventStore.open(folder);
    } catch (LockObtainFailedException e) {
      LOG.warn(
          "analytics off: another process records into {} (one server per analytics store)",
          folder);
      return off();
    } catch (IOException | RuntimeException e) {
      // Searches matter more than counting them: serve without analytics, and say why.
      LOG.error("analytics off: the store in {} cannot be opened", folder, e);
      return off();
    }
    var recorder =
        new EventRecorder(
                store,
                QUEUE_CAPACITY,
                FLUSH_EVERY,
                Duration.ofDays(settings.retentionDays()),
                clock)
            .start();
    return new Analytics(store, recorder, clock);
  }

  public boolean enabled() {
    return store != null;
  }

  /**
   * Counts a search answered; returns its id, or null when off.
   *
   * @param supersedes the id of the search this one replaced as the visitor typed, or null
   */
  public String recordSearch(
      SearchRequest request, SearchResponse response, long latencyMs, String supersedes) {
    if (!enabled()) return null;
    String id = newId();
    String query = request.q(); // normalised by the writer, off this thread
    var filters = new ArrayList<String>();
    request.filters().forEach((facet, values) -> values.forEach(v -> filters.add(facet + "=" + v)));
    if (request.from() != null) filters.add("from=" + request.from());
    if (request.to() != null) filters.add("to=" + request.to());
    synchronized (recent) {
      recent.put(id, query);
    }
    recorder.offer(
        new Event.Search(
            clock.instant(),
            id,
            supersedes,
            query,
            filters,
            request.sort().name().toLowerCase(Locale.ROOT),
            request.page(),
            response.total(),
            latencyMs,
            request.lang() == null ? "" : request.lang()));
    return id;
  }

  /** Counts a lookup of completions for {@code prefix} (an empty one is no lookup). */
  public void recordSuggest(String prefix, int suggestions, long latencyMs) {
    if (!enabled() || prefix.isBlank()) return;
    recorder.offer(new Event.Suggest(clock.instant(), prefix, suggestions, latencyMs));
  }

  /**
   * Counts a click on the result at {@code position} of search {@code searchId}; false (nothing
   * counted) when that search is unknown: too old, from before a restart, or made up.
   */
  public boolean recordClick(String searchId, String target, int position) {
    if (!enabled()) return false;
    String query;
    synchronized (recent) {
      query = recent.get(searchId);
    }
    if (query == null) return false;
    return recorder.offer(
        new Event.Click(clock.instant(), searchId, query, position, target == null ? "" : target));
  }

  /** The report {@code name} (one of {@link Reports#NAMES}); only when {@link #enabled()}. */
  public Table report(String name, ReportRange range) throws IOException {
    if (!enabled()) throw new IllegalStateException("analytics is off");
    return reports.report(name, range);
  }

  /**
   * How recording goes.
   *
   * @param enabled whether anything is recorded
   * @param waiting events queued, not yet written
   * @param dropped events dropped since start because the queue was full
   * @param failed events lost since start because the store failed (logged)
   */
  public record Status(boolean enabled, int waiting, long dropped, long failed) {}

  public Status status() {
    if (!enabled()) return new Status(false, 0, 0, 0);
    return new Status(true, recorder.waiting(), recorder.dropped(), recorder.failed());
  }

  /** The reports' names, for listings. */
  public static List<String> reportNames() {
    return Reports.NAMES;
  }

  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Writes and commits what is queued, then closes the store. */
  @Override
  public void close() throws IOException {
    if (!enabled()) return;
    try (store) {
      recorder.close();
    }
  }
}
