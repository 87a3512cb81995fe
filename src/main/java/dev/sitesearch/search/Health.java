package dev.sitesearch.search;

import dev.sitesearch.index.ReindexRun;
import dev.sitesearch.index.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state of the served index and of the server's background tasks.
 *
 * @param status {@value #OK}, or {@value #FAILING} while a background task (following new commits,
 *     watching the content folder, the catch-up pass) is failing: searches are still answered, from
 *     the last commit opened, but it may be stale. {@code /api/health} answers 200 or 503.
 * @param documents pages searchable now
 * @param indexedAt when the served commit was made (ISO-8601), or null
 * @param generation the served commit's generation; it grows with every commit
 * @param failing the tasks that are failing, each tried again until it works
 * @param index {@value #CURRENT}, or {@value #STALE} when this server's last reindex failed (rolled
 *     back): the pages served are those of the last commit, older than the content
 * @param lastReindex how this server's last reindex ended (admin, watcher or catch-up), or null
 */
public record Health(
    String status,
    long documents,
    String indexedAt,
    long generation,
    List<TaskStatus.Failure> failing,
    String index,
    ReindexRun lastReindex) {
  public static final String OK = "ok";
  public static final String FAILING = "failing";
  public static final String CURRENT = "current";
  public static final String STALE = "stale";

  /**
   * How long a background task may keep failing before the process counts as not alive: its own
   * retries (1 s doubling to 30 s) had their chance, and a restart is the next best thing.
   */
  public static final Duration LIVENESS_GRACE = Duration.ofMinutes(5);

  public Health {
    failing = List.copyOf(failing);
    if (!index.equals(index(lastReindex)))
      throw new IllegalArgumentException("index " + index + " after " + lastReindex);
    if (!status.equals(failing.isEmpty() ? OK : FAILING))
      throw new IllegalArgumentException("status " + status + " with failing " + failing);
  }

  /** The state of the index served, from how the last reindex ended. */
  public static String index(ReindexRun last) {
    return last == null || last.wasCommitted() ? CURRENT : STALE;
  }

  /**
   * Whether the process is alive as a supervisor means it: no background task has been failing for
   * longer than {@link #LIVENESS_GRACE} at {@code now} (not a getter: no JSON field).
   */
  public boolean aliveAt(Instant now) {
    Instant limit = now.minus(LIVENESS_GRACE);
    return failing.stream().noneMatch(f -> Instant.parse(f.since()).isBefore(limit));
  }

  /** Whether every background task works (not named like a getter: it is no JSON field). */
  public boolean healthy() {
    return failing.isEmpty();
  }
}
