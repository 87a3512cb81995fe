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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (recursively, new folders included) and runs an incremental reindex
 * after changes settle: a burst of saves within the debounce window makes one reindex. The reindex
 * itself then compares the whole folder with the index, so an event the OS dropped or merged is
 * still caught.
 */
public final class ContentWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

  private final Path root;
  private final Reindexer reindexer;
  private final long debounceMillis;
  private final WatchService watchService;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * How long closing waits for a reindex under way (a full rebuild of a large site may take
   * longer).
   */
  private static final long CLOSE_WAIT_MILLIS = 60_000;

  public ContentWatcher(Path root, Reindexer reindexer, long debounceMillis) throws IOException {
    this.root = root;
    this.reindexer = reindexer;
    this.debounceMillis = debounceMillis;
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

  private void loop() {
    try {
      while (!closed) {
        WatchKey key = watchService.take();
        boolean relevant = drain(key);
        // Debounce: keep collecting until the folder has been quiet for the window.
        WatchKey more;
        while ((more = watchService.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant && !closed) reindex();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private boolean drain(WatchKey key) {
    boolean relevant = false;
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
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
        relevant = true;
      } else if (ContentWalker.isContentFile(name) || !name.contains(".")) {
        relevant = true;
      }
    }
    key.reset();
    return relevant;
  }

  private void reindex() {
    try {
      IndexSummary summary = reindexer.run(false);
      LOG.info("content changed: {}", summary.line());
      summary.failures().forEach(p -> LOG.warn("{}", p));
    } catch (IOException | RuntimeException e) {
      LOG.error("reindex after a content change failed: {}", e.toString());
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
