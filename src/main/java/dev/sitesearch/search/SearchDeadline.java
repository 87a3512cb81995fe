package dev.sitesearch.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * When one request's searches must stop: checked as they collect ({@link DeadlineCollector}), and a
 * searcher past it returns what it has collected so far ({@link SiteSearcher#timedOut()}). One
 * deadline covers every search a request makes (feedback, the hits and counts, a did-you-mean
 * check), so a request costs at most its limit, however many searches it makes.
 */
record SearchDeadline(long atNanos) implements QueryTimeout {
  static SearchDeadline after(Duration limit) {
    return new SearchDeadline(System.nanoTime() + limit.toNanos());
  }

  @Override
  public boolean shouldExit() {
    return System.nanoTime() - atNanos >= 0;
  }
}
