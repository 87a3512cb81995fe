package dev.sitesearch.index;

import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task over files on several worker threads: a run's read stage, where each changed file is
 * read, parsed and written on every core.
 *
 * <p>The first failure stops the other workers at their next file, and so does an interrupt of the
 * calling thread. Either way the caller hears of it only once every worker has ended, so its
 * rollback never races a worker still writing. Workers are never interrupted: an interrupt during a
 * channel read closes Lucene's file channels under the writer.
 */
final class ReadWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(ReadWorkers.class);

  /**
   * How long an interrupted run waits for the files in flight: far longer than one file takes (a
   * few MB at most).
   */
  static final Duration STOP_WAIT = Duration.ofSeconds(60);

  /** The work for one file. */
  interface FileTask {
    void run(SourceFile file) throws IOException;
  }

  private ReadWorkers() {}

  /**
   * Runs {@code task} over {@code files} on up to {@code threads} workers and returns when all are
   * done; rethrows the first failure, or throws an {@link IOException} when the calling thread is
   * interrupted (keeping its interrupt).
   */
  static void forEach(List<SourceFile> files, int threads, FileTask task) throws IOException {
    if (files.isEmpty()) return;
    var next = new AtomicInteger();
    var first = new AtomicReference<Throwable>();
    Runnable work =
        () -> {
          try {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement())
              task.run(files.get(i));
          } catch (Throwable t) {
            first.compareAndSet(null, t);
            next.set(files.size());
          }
        };
    var workers = new ArrayList<Thread>();
    try {
      for (int w = 0; w < Math.min(threads, files.size()); w++) {
        workers.add(Thread.ofPlatform().daemon().name("sitesearch-indexer").start(work));
      }
      for (Thread worker : workers) worker.join();
    } catch (InterruptedException e) {
      next.set(files.size());
      awaitEnd(workers);
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (RuntimeException | Error e) { // no thread to be had: stop the ones that started
      next.set(files.size());
      awaitEnd(workers);
      throw e;
    }
    rethrow(first.get());
  }

  /**
   * Waits for every worker to end, at most {@link #STOP_WAIT} in all; further interrupts are kept,
   * not obeyed.
   */
  private static void awaitEnd(List<Thread> workers) {
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn(
              "a worker is still busy with a file after {} s; the run ends without it",
              STOP_WAIT.toSeconds());
          break;
        }
        try {
          worker.join(Duration.ofNanos(left));
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static void rethrow(Throwable cause) throws IOException {
    if (cause == null) return;
    if (cause instanceof IOException io) throw io;
    if (cause instanceof RuntimeException re) throw re;
    if (cause instanceof Error err) throw err;
    throw new IOException(cause);
  }
}
