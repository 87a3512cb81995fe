package dev.sitesearch.http;

import dev.sitesearch.search.SearchCost;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most a few searches run at once (about the core count): searches beyond that only slow
 * each other down, and capping them raised HTTP throughput by about a quarter in the shared bench
 * runs. Others wait their turn, at most {@code maxWait}; past that the search is refused with 503
 * and {@code Retry-After}, so a burst of expensive queries sheds load instead of holding every
 * request thread.
 *
 * <p>Heavy searches ({@link SearchCost}) also wait for one another: one runs at a time, and the
 * next starts no sooner than twice the last one's own run time after it ended, so however many a
 * client sends, they take at most a third of one core and ordinary searches keep the rest. Without
 * that lane, eight clients sending the costliest requests took about four fifths of the server's
 * time from 64 ordinary ones (each heavy search costs up to the search time limit, an ordinary one
 * a few milliseconds, and both queued in one line); one at a time, back to back, they still took a
 * whole core of two, which doubled the ordinary searches' wait (the soak's hostile phase).
 *
 * <p>A search on its {@link Turn#SPARE} turn runs only on an idle server (no search running or
 * waiting), else it is refused at once: that is how searches from a pipelining connection run
 * ({@link Pipelining}), so a batch sent without reading the answers uses what the server has left
 * and never makes visitors wait. (Taking any free slot was not enough: in the soak's hostile phase
 * the slow readers still found one between two visitors' searches two thousand times a minute.)
 */
final class SearchGate {
  interface Work<T> {
    T run() throws Exception;
  }

  /** How a search waits for a slot. */
  enum Turn {
    /** In line, first come first served, up to the queue wait. */
    QUEUE,
    /** Only a slot nobody waits for; refused at once otherwise. */
    SPARE
  }

  private final Semaphore permits;
  private final int concurrent;
  private final Semaphore heavyPermit = new Semaphore(1, true);
  private final long maxWaitNanos;

  /** How many times its own run time the heavy lane rests after a heavy search. */
  private static final int HEAVY_REST = 2;

  /** When the next heavy search may start ({@link System#nanoTime}); guarded by heavyPermit. */
  private long heavyRestsUntil = System.nanoTime();

  SearchGate(int concurrent, Duration maxWait) {
    this.concurrent = Math.max(1, concurrent);
    this.permits = new Semaphore(this.concurrent, true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  <T> T run(SearchCost cost, Work<T> work) throws Exception {
    return run(cost, Turn.QUEUE, work);
  }

  <T> T run(SearchCost cost, Turn turn, Work<T> work) throws Exception {
    return run(cost, turn, System.nanoTime(), work);
  }

  /**
   * As {@link #run(SearchCost, Turn, Work)} for a request that has waited since {@code
   * waitingSince} ({@link System#nanoTime}) already, for a request slot: the queue wait is one
   * budget for both, so a refusal never comes after twice the wait.
   */
  <T> T run(SearchCost cost, Turn turn, long waitingSince, Work<T> work) throws Exception {
    // A spare turn waits nowhere, the heavy lane included: a pipelined batch of heavy searches
    // waiting there held one request slot each, and 140 such connections filled them all.
    long deadline = turn == Turn.SPARE ? System.nanoTime() : waitingSince + maxWaitNanos;
    boolean heavy = cost == SearchCost.HEAVY;
    if (heavy) {
      if (!acquire(heavyPermit, deadline)) throw heavyBusy();
      if (!restedBy(deadline)) {
        heavyPermit.release();
        throw heavyBusy();
      }
    }
    long start = System.nanoTime();
    try {
      if (!(turn == Turn.SPARE ? spare() : acquire(permits, deadline))) {
        throw ProblemException.busy("too many searches at once; retry in a moment");
      }
      try {
        return work.run();
      } finally {
        permits.release();
      }
    } finally {
      if (heavy) {
        long end = System.nanoTime();
        heavyRestsUntil = end + HEAVY_REST * (end - start);
        heavyPermit.release();
      }
    }
  }

  private static ProblemException heavyBusy() {
    return ProblemException.busy("too many heavy searches at once; retry in a moment");
  }

  /**
   * Waits, holding the heavy lane, until the last heavy search's rest is over; false when that is
   * past {@code deadline}.
   */
  private boolean restedBy(long deadline) {
    long rest = heavyRestsUntil - System.nanoTime();
    if (rest <= 0) return true;
    if (System.nanoTime() + rest - deadline > 0) return false;
    try {
      TimeUnit.NANOSECONDS.sleep(rest);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Every slot free and no search waiting ({@code tryAcquire()} alone would barge in). */
  private boolean spare() {
    // Spare means idle: nothing running, nothing waiting. A free slot between two visitors'
    // searches
    // is not spare: taking it makes the next visitor wait.
    return permits.availablePermits() == concurrent
        && !permits.hasQueuedThreads()
        && permits.tryAcquire();
  }

  private static boolean acquire(Semaphore semaphore, long deadline) {
    try {
      return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
