package dev.sitesearch.search;

import dev.sitesearch.index.TaskStatus;
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
 */
public record Health(
    String status,
    long documents,
    String indexedAt,
    long generation,
    List<TaskStatus.Failure> failing) {
  public static final String OK = "ok";
  public static final String FAILING = "failing";

  public Health {
    failing = List.copyOf(failing);
    if (!status.equals(failing.isEmpty() ? OK : FAILING))
      throw new IllegalArgumentException("status " + status + " with failing " + failing);
  }

  /** Whether every background task works (not named like a getter: it is no JSON field). */
  public boolean healthy() {
    return failing.isEmpty();
  }
}
