package dev.sitesearch.http;

import java.util.concurrent.Semaphore;

/**
 * Lets at most a few searches run at once (about the core count): searches beyond that only slow each other down,
 * and capping them raised HTTP throughput by about a quarter in the shared bench runs. Others wait their turn; how
 * many can be waiting is bounded by the admission limit ({@link RequestLimits}), which sheds the excess with 503s.
 */
final class SearchGate {
  interface Work<T> {
    T run() throws Exception;
  }

  private final Semaphore permits;

  SearchGate(int concurrent) {
    this.permits = new Semaphore(Math.max(1, concurrent), true);
  }

  <T> T run(Work<T> work) throws Exception {
    permits.acquire();
    try {
      return work.run();
    } finally {
      permits.release();
    }
  }
}
