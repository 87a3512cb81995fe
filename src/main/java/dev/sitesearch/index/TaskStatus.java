package dev.sitesearch.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one of a server's background tasks (following new commits, watching the content folder,
 * the catch-up pass) works: ok, or failing since its first failure in a row. The task catches
 * whatever its work throws, {@link Error}s included, reports it here and tries again after {@link
 * #failed}'s delay (1 s, doubling to 30 s), so its thread never dies; the server's health answer
 * lists the tasks that are failing. Thread-safe.
 */
public final class TaskStatus {
  private static final Logger LOG = LoggerFactory.getLogger(TaskStatus.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  /**
   * A task that is failing, as the health answer shows it: no exception text, which may name the
   * server's files (the log has it).
   *
   * @param task what the task does
   * @param since when the first failure in a row happened (ISO-8601)
   * @param failures failures in a row so far
   */
  public record Failure(String task, String since, int failures) {}

  private final String task;
  private Failure failure;

  /** A status that is ok; {@code task} says what the task does ("watching the content folder"). */
  public TaskStatus(String task) {
    this.task = task;
  }

  /**
   * Records a failure and logs it (the first in a row with its stack, then the 2nd, 4th, 8th… in a
   * line, so a task failing for hours does not flood the log); returns how long to wait before
   * trying again.
   */
  public synchronized Duration failed(Throwable cause) {
    int failures = failure == null ? 1 : failure.failures() + 1;
    String since = failure == null ? Instant.now().toString() : failure.since();
    failure = new Failure(task, since, failures);
    Duration retry = retryDelay(failures);
    if (failures == 1) {
      LOG.error("{} failed; trying again in {} s", task, retry.toSeconds(), cause);
    } else if (Integer.bitCount(failures) == 1) {
      LOG.warn(
          "{} failed {} times in a row since {}: {}; trying again in {} s",
          task,
          failures,
          since,
          cause.toString(),
          retry.toSeconds());
    }
    return retry;
  }

  /** Records that the task worked; a failing one says so in the log. */
  public synchronized void succeeded() {
    if (failure != null) LOG.info("{} works again after {} failures", task, failure.failures());
    failure = null;
  }

  /** The current failure, or empty when the task works. */
  public synchronized Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  static Duration retryDelay(int failures) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 5));
    return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
  }
}
