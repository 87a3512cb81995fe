package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.ReindexRun;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TaskStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index as queries see it: the newest commit's searcher (with what is built once per commit:
 * facet state, commit data, the title suggester), following new commits from this process or
 * another. Queries take a {@link Lease} on a searcher and never wait for indexing: they run on the
 * last opened commit.
 *
 * <p>It owns its {@link Directory}: opened here, closed by {@link #close()}, and closed too when
 * opening fails half-way. Thread-safe.
 */
public final class LiveIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

  private final Directory directory;
  private final SearcherManager manager;
  private final TitleSuggester suggester;
  private final TaskStatus following = new TaskStatus("opening new index commits");
  private final List<TaskStatus> monitored = new CopyOnWriteArrayList<>(List.of(following));
  private volatile Supplier<Optional<ReindexRun>> lastReindex = Optional::empty;
  private final LongAdder refreshes = new LongAdder();
  private ScheduledExecutorService refresher;
  private long retryAt = System.nanoTime(); // the refresh thread's own
  private boolean closed;

  private LiveIndex(Directory directory, Schema schema, Similarity similarity) throws IOException {
    this.directory = directory;
    this.manager =
        new SearcherManager(directory, SiteSearcher.factory(schema.facetsConfig(), similarity));
    manager.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            if (didRefresh) refreshes.increment();
          }
        });
    this.suggester = new TitleSuggester(schema.primaryDate());
  }

  /** Opens the index in {@code indexDir}; an {@link IndexMissingException} when there is none. */
  public static LiveIndex open(Path indexDir, Schema schema, Similarity similarity)
      throws IOException {
    return open(FSDirectory.open(indexDir), indexDir.toString(), schema, similarity);
  }

  /**
   * Opens the index in {@code directory}, taking ownership of it: it is closed on failure, and by
   * close().
   */
  static LiveIndex open(Directory directory, String where, Schema schema, Similarity similarity)
      throws IOException {
    LiveIndex live = null;
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IndexMissingException("no index in " + where + ": run 'sitesearch index' first");
      }
      live = new LiveIndex(directory, schema, similarity);
      // A small site's completions are ready at once; a large one's follow on the refresh thread.
      if (live.documents() <= TitleSuggester.SYNC_BUILD_LIMIT) live.rebuildSuggester();
      return live;
    } catch (IOException | RuntimeException | Error e) {
      closeAfterFailure(live, directory, e);
      throw e;
    }
  }

  private static void closeAfterFailure(LiveIndex live, Directory directory, Throwable failure) {
    try {
      if (live != null) {
        live.close();
      } else {
        directory.close();
      }
    } catch (IOException | RuntimeException closing) {
      failure.addSuppressed(closing);
    }
  }

  /** A searcher on the newest opened commit, held until the lease is closed. */
  public Lease acquire() throws IOException {
    return new Lease((SiteSearcher) manager.acquire());
  }

  /**
   * A query's hold on one searcher: {@code try (var lease = index.acquire()) { … lease.searcher() …
   * }}.
   */
  public final class Lease implements AutoCloseable {
    private final SiteSearcher searcher;

    private Lease(SiteSearcher searcher) {
      this.searcher = searcher;
    }

    SiteSearcher searcher() {
      return searcher;
    }

    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }

  /** Looks for a new commit every {@code every} and rebuilds what depends on it; once. */
  public synchronized void followCommits(Duration every) {
    if (refresher != null || closed) return;
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sitesearch-refresh");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(1, every.toMillis());
    refresher.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the newest commit now, if there is one, so a reindex is searchable when this returns. The
   * completions follow at once on a small site; on a large one (seconds to rebuild) the refresh
   * thread rebuilds them just after, when commits are followed.
   */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
    boolean following;
    synchronized (this) {
      following = refresher != null;
    }
    if (!following || documents() <= TitleSuggester.SYNC_BUILD_LIMIT) rebuildSuggester();
  }

  /**
   * One look for a new commit. Whatever it throws is reported, never thrown: a scheduled task that
   * throws is never run again, and the server would serve its last commit for good while its health
   * said ok. The next look comes at the first tick after the retry delay; its success clears the
   * failure.
   */
  private void refreshQuietly() {
    if (System.nanoTime() - retryAt < 0) return;
    try {
      manager.maybeRefreshBlocking();
      rebuildSuggester();
      following.succeeded();
    } catch (Throwable e) { // an Error too: see above
      retryAt = System.nanoTime() + following.failed(e).toNanos();
    }
  }

  private void rebuildSuggester() throws IOException {
    try (Lease lease = acquire()) {
      suggester.rebuildIfChanged(lease.searcher().getIndexReader());
    }
  }

  /**
   * Title completions for what the visitor has typed so far, from the pages in {@code lang} (as
   * pages store it; null: any language).
   */
  public List<TitleSuggester.Suggestion> suggest(String q, int size, String lang)
      throws IOException {
    return suggester.suggest(q, size, lang);
  }

  TitleSuggester suggester() {
    return suggester;
  }

  /**
   * Adds a background task of the server (the content watcher, the catch-up pass) to those whose
   * failure {@link #health()} reports; following new commits is one from the start.
   */
  public void monitor(TaskStatus task) {
    monitored.add(task);
  }

  /** How many times a newer commit was opened for searches (metrics). */
  public long refreshes() {
    return refreshes.sum();
  }

  /** The size of the index files on disk, in bytes (metrics); files going away are skipped. */
  public long sizeInBytes() throws IOException {
    long bytes = 0;
    for (String file : directory.listAll()) {
      try {
        bytes += directory.fileLength(file);
      } catch (IOException gone) { // merged away since the listing
      }
    }
    return bytes;
  }

  /** Where health learns how the server's last reindex ended ({@code Reindexer::lastRun}). */
  public void reportReindexes(Supplier<Optional<ReindexRun>> lastRun) {
    this.lastReindex = lastRun;
  }

  /** The served commit (pages, when it was made, its generation) and the failing tasks. */
  public Health health() throws IOException {
    List<TaskStatus.Failure> failing =
        monitored.stream().flatMap(t -> t.failure().stream()).toList();
    ReindexRun last = lastReindex.get().orElse(null);
    try (Lease lease = acquire()) {
      SiteSearcher searcher = lease.searcher();
      return new Health(
          failing.isEmpty() ? Health.OK : Health.FAILING,
          searcher.getIndexReader().numDocs(),
          searcher.commitData().get(Fields.COMMIT_INDEXED_AT),
          searcher.generation(),
          failing,
          Health.index(last),
          last);
    }
  }

  private long documents() throws IOException {
    try (Lease lease = acquire()) {
      return lease.searcher().getIndexReader().numDocs();
    }
  }

  /**
   * Stops following commits, then closes the suggester, the searchers and the directory, each even
   * if one fails.
   */
  @Override
  public void close() throws IOException {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) return;
      closed = true;
      stopping = refresher;
    }
    if (stopping != null) {
      stopping.shutdown(); // no interrupt: it would close Lucene's file channels under a refresh
      try {
        if (!stopping.awaitTermination(10, TimeUnit.SECONDS))
          LOG.warn("the refresh thread did not stop in 10 s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (directory;
        manager;
        suggester) {
      // closed in reverse order: suggester, searchers, directory
    }
  }
}
