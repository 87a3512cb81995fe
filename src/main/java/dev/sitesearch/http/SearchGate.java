package dev.sitesearch.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most a few searches run at once (about the core count): searches beyond that only slow
 * each other down, and capping them raised HTTP throughput by about a quarter in the shared bench
 * runs. Others wait their turn, at most {@code maxWait}; past that the search is refused with 503
 * and {@code Retry-After}, so a burst of expensive queries sheds load instead of holding every
 * request thread.
 */
final class SearchGate {
  interface Work<T> {
    T run() throws Exception;
  }

  private final Semaphore permits;
  private final long maxWaitNanos;

  SearchGate(int concurrent, Duration maxWait) {
    this.permits = new Semaphore(Math.max(1, concurrent), true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  <T> T run(Work<T> work) throws Exception {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) throw ProblemException.busy("too many searches at once; retry in a moment");
    try {
      return work.run();
    } finally {
      permits.release();
    }
  }
}
