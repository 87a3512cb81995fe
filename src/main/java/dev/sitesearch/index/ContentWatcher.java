package dev.sitesearch.index;

import dev.sitesearch.content.ContentWalker;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (recursively, new folders included) and runs an incremental reindex
 * when it changes, on the pace of a {@link ReindexSchedule}: after the folder has been quiet for a
 * moment, and at the latest a second after the first change not yet indexed, however busy the
 * folder is. The reindex looks at the files the events name, not the whole folder (on a site of
 * 100,000 pages the walk was most of an edit's reindex); an event the OS drops is caught by a
 * reindex that walks the whole folder once the folder has been quiet for a while (5 s), or 30 s at
 * the latest, after a reindex that did not ({@link Timing}). Events that name a folder, or that the
 * OS could not keep, make the next reindex walk the whole folder.
 *
 * <p>Its thread never dies of a failure: a failed reindex, or anything thrown in the watching
 * itself (an {@link Error} included), is reported to its {@link #status()} (the server's health
 * lists it), and the watcher goes on after the retry delay with a reindex, since changes may have
 * been missed meanwhile.
 */
public final class ContentWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

  /**
   * How long closing waits for a reindex under way (a full rebuild of a large site may take
   * longer).
   */
  private static final long CLOSE_WAIT_MILLIS = 60_000;

  /** How soon to try again when another process holds the index (it is no failure). */
  private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  /**
   * The watcher's pace.
   *
   * @param quiet how long the folder must be quiet before a reindex
   * @param maxWait how long a change waits for its reindex at most, however busy the folder
   * @param walkQuiet how long the folder must be quiet before it is walked whole after runs that
   *     looked only at the files events named
   * @param walkMaxWait how long such a walk waits at most: the longest a change the OS did not
   *     report stays unindexed under steady churn
   */
  public record Timing(Duration quiet, Duration maxWait, Duration walkQuiet, Duration walkMaxWait) {
    public static final Timing DEFAULT =
        new Timing(
            Duration.ofMillis(150),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));
  }

  /** The reindex the watcher runs: the server's {@link Reindexer}, incremental. */
  public interface Reindex {
    /**
     * Runs an incremental reindex of the files at {@code changed} (paths relative to the content
     * folder), or of the whole folder when {@code changed} is null.
     */
    IndexSummary run(Set<String> changed) throws IOException;
  }

  private final Path root;
  private final Reindex reindex;
  private final ReindexSchedule schedule;

  /** When the whole folder is walked again; pending after a run that did not walk it. */
  private final ReindexSchedule walk;

  /**
   * Content files changed since the last run began; null when a folder changed or events were lost
   * (and before the first run: what changed before the folder was watched is not known).
   */
  private Set<String> changed;

  private final WatchService watchService;
  private final TaskStatus status = new TaskStatus("reindexing the content folder when it changes");
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;

  private final LongAdder events = new LongAdder();
  private final LongAdder runs = new LongAdder();

  public ContentWatcher(Path root, Reindex reindex, Timing timing) throws IOException {
    this.root = root;
    this.reindex = reindex;
    this.schedule = new ReindexSchedule(timing.quiet(), timing.maxWait());
    this.walk = new ReindexSchedule(timing.walkQuiet(), timing.walkMaxWait());
    this.watchService = FileSystems.getDefault().newWatchService();
    registerTree(root);
    this.thread = new Thread(this::loop, "sitesearch-watch");
    this.thread.setDaemon(true);
  }

  public ContentWatcher start() {
    thread.start();
    LOG.info("watching {} for changes", root);
    return this;
  }

  /** Whether the watcher works: failing from a failed reindex until one succeeds. */
  /** File system events received so far (metrics). */
  public long events() {
    return events.sum();
  }

  /** Reindexes this watcher started so far (metrics). */
  public long runs() {
    return runs.sum();
  }

  public TaskStatus status() {
    return status;
  }

  private void registerTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!d.equals(dir) && d.getFileName().toString().startsWith("."))
              return FileVisitResult.SKIP_SUBTREE;
            d.register(
                watchService,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Watches until closed; whatever escapes a round is reported and the watching starts over. */
  private void loop() {
    while (!closed) {
      try {
        watch();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return; // closing: nobody else interrupts this thread
      } catch (RuntimeException | Error e) {
        if (closed) return;
        Duration retry = status.failed(e);
        changed = null;
        schedule.failed(System.nanoTime(), retry); // events may have been lost: reindex then
        try {
          if (closing.await(retry.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void watch() throws InterruptedException {
    while (!closed) {
      long now = System.nanoTime();
      long wait = Math.min(schedule.nanosUntilDue(now), walk.nanosUntilDue(now));
      WatchKey key =
          wait == Long.MAX_VALUE
              ? watchService.take()
              : watchService.poll(wait, TimeUnit.NANOSECONDS);
      // Under steady churn a key arrives before every timeout: whether a reindex is due is asked
      // after each one, not only when the folder is quiet.
      if (key != null && drain(key)) {
        schedule.changed(System.nanoTime());
        if (walk.nanosUntilDue(System.nanoTime()) != Long.MAX_VALUE)
          walk.changed(System.nanoTime()); // not quiet yet
      }
      if (closed) return;
      if (schedule.due(System.nanoTime())) reindex();
      else if (walk.due(System.nanoTime())) reindexAll();
    }
  }

  private boolean drain(WatchKey key) {
    boolean relevant = false;
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      events.increment();
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed = null; // events were lost: only a walk can tell what changed
        relevant = true;
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      String name = child.getFileName().toString();
      if (name.startsWith(".")) continue;
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
        try {
          registerTree(child);
        } catch (IOException e) {
          LOG.warn("cannot watch new folder {}: {}", child, e.toString());
        }
        changed = null; // its files were never reported
        relevant = true;
      } else if (ContentWalker.isContentFile(name)) {
        if (changed != null) changed.add(root.relativize(child).toString());
        relevant = true;
      } else if (!name.contains(".")) {
        changed = null; // a folder, deleted or renamed, perhaps
        relevant = true;
      }
    }
    key.reset();
    return relevant;
  }

  /** Runs a reindex of the files changed since the last one, or of the whole folder. */
  private void reindex() {
    Set<String> files = changed;
    changed = new HashSet<>();
    schedule.started();
    if (files == null) walk.started();
    else walk.changed(System.nanoTime());
    run(files);
  }

  /** The walk owed after runs that looked only at the files events named. */
  private void reindexAll() {
    walk.started();
    run(null);
  }

  private void run(Set<String> files) {
    runs.increment();
    try {
      IndexSummary summary = reindex.run(files);
      status.succeeded();
      LOG.info("content changed: {}", summary.line());
      summary.failures().forEach(p -> LOG.warn("{}", p));
    } catch (IndexBusyException e) {
      if (closed) return;
      LOG.info("another indexer is writing; trying again in {} s", BUSY_RETRY.toSeconds());
      changed = null; // the retry walks the folder: what this run would have read is unknown now
      schedule.failed(System.nanoTime(), BUSY_RETRY);
    } catch (IOException | RuntimeException e) {
      changed = null;
      schedule.failed(System.nanoTime(), status.failed(e));
    }
  }

  /**
   * Stops watching. A reindex under way finishes (commits or rolls back) first: the thread is woken
   * by closing the watch service, never interrupted, since an interrupt would close Lucene's file
   * channels under the writer.
   */
  @Override
  public void close() throws IOException {
    closed = true;
    closing.countDown();
    watchService.close();
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive())
      LOG.warn("the content watcher is still reindexing; it stops when that run ends");
  }
}
