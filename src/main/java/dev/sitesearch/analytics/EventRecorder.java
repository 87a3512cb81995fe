package dev.sitesearch.analytics;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from request threads without ever making them wait: a bounded queue that drops (and
 * counts) what does not fit, drained by one background thread in batches into the {@link
 * EventStore}, committed every {@code flushEvery} and on close. A crash loses at most the events
 * since the last commit. Old events are pruned at start and once a day.
 */
final class EventRecorder implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /** Events taken from the queue at once. */
  static final int BATCH = 1000;

  private static final Duration PRUNE_EVERY = Duration.ofDays(1);

  private final EventStore store;
  private final BlockingQueue<Event> queue;
  private final Duration flushEvery;
  private final Duration retention;
  private final Clock clock;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean closing;
  private Instant lastPrune = Instant.MIN;

  EventRecorder(
      EventStore store, int capacity, Duration flushEvery, Duration retention, Clock clock) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.flushEvery = flushEvery;
    this.retention = retention;
    this.clock = clock;
    this.thread = Thread.ofPlatform().name("analytics-writer").daemon().unstarted(this::run);
  }

  EventRecorder start() {
    thread.start();
    return this;
  }

  /** Queues an event; false (and counted) when the queue is full or closing. */
  boolean offer(Event event) {
    if (!closing && queue.offer(event)) return true;
    dropped.incrementAndGet();
    return false;
  }

  long dropped() {
    return dropped.get();
  }

  /** Events lost because the store failed to take them (logged). */
  long failed() {
    return failed.get();
  }

  int waiting() {
    return queue.size();
  }

  private void run() {
    long flushNanos = flushEvery.toNanos();
    long lastCommit = System.nanoTime();
    boolean pending = false;
    var batch = new ArrayList<Event>(BATCH);
    pruneIfDue();
    while (!closing || !queue.isEmpty()) {
      try {
        Event first = queue.poll(Math.min(flushNanos, 200_000_000L), TimeUnit.NANOSECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          pending |= write(batch);
          batch.clear();
        }
      } catch (InterruptedException e) {
        closing = true;
      }
      if (pending && System.nanoTime() - lastCommit >= flushNanos) {
        commit();
        pending = false;
        lastCommit = System.nanoTime();
      }
      pruneIfDue();
    }
    if (pending) commit();
  }

  private boolean write(List<Event> batch) {
    try {
      store.add(batch);
      return true;
    } catch (IOException | RuntimeException e) {
      failed.addAndGet(batch.size());
      LOG.error("analytics: {} events could not be written; searches go on", batch.size(), e);
      return false;
    }
  }

  private void commit() {
    try {
      store.commit();
    } catch (IOException | RuntimeException e) {
      LOG.error("analytics: the store could not commit; searches go on", e);
    }
  }

  private void pruneIfDue() {
    Instant now = clock.instant();
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) return;
    lastPrune = now;
    try {
      store.prune(now.minus(retention));
    } catch (IOException | RuntimeException e) {
      LOG.error("analytics: old events could not be pruned", e);
    }
  }

  /** Writes and commits what is queued, then stops; the store stays open (its owner closes it). */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
