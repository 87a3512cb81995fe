package dev.sitesearch.index;

import java.time.Duration;

/**
 * When the content watcher's next reindex is due: once the folder has been quiet for {@code quiet}
 * after the last change (a burst of saves makes one reindex), but never later than {@code maxWait}
 * after the first change not yet indexed, so a folder that never goes quiet is still reindexed at
 * that pace; a failed run is tried again after its retry delay, changes or not. Times are {@link
 * System#nanoTime} readings, passed in so that tests need no clock. Not thread-safe: the watcher's
 * thread owns it.
 */
final class ReindexSchedule {
  private final long quietNanos;
  private final long maxWaitNanos;
  private boolean pending;
  private long firstChange;
  private long lastChange;
  private long notBefore;

  ReindexSchedule(Duration quiet, Duration maxWait) {
    if (maxWait.compareTo(quiet) < 0)
      throw new IllegalArgumentException("maxWait must be at least quiet");
    this.quietNanos = quiet.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
  }

  /** A change was seen at {@code now}. */
  void changed(long now) {
    if (!pending) {
      pending = true;
      firstChange = now;
      notBefore = now;
    }
    lastChange = now;
  }

  /**
   * Nanoseconds until a reindex is due (0: now), or {@link Long#MAX_VALUE} when none is pending.
   */
  long nanosUntilDue(long now) {
    if (!pending) return Long.MAX_VALUE;
    long quietEnds = lastChange + quietNanos - now;
    long waitEnds = firstChange + maxWaitNanos - now;
    long retryAllowed = notBefore - now;
    return Math.max(0, Math.max(retryAllowed, Math.min(quietEnds, waitEnds)));
  }

  boolean due(long now) {
    return pending && nanosUntilDue(now) == 0;
  }

  /** A reindex starts at {@code now}: it sees every change made so far. */
  void started() {
    pending = false;
  }

  /** The reindex started before failed at {@code now}: due again after {@code delay}. */
  void failed(long now, Duration delay) {
    changed(now); // what the failed run missed is pending: due as soon as the delay allows
    notBefore = now + delay.toNanos();
  }
}
