package dev.sitesearch.index;

import java.io.IOException;

/**
 * Runs reindexes for a live server, one at a time (the admin endpoint and the content watcher share
 * it), and tells the searcher when a commit has landed so queries see it at once.
 */
public final class Reindexer {
  /** Called after each successful run, e.g. to reopen the searcher. */
  public interface AfterCommit {
    void committed(IndexSummary summary) throws IOException;
  }

  private final Indexer indexer;
  private final AfterCommit afterCommit;
  private boolean closed;

  public Reindexer(Indexer indexer, AfterCommit afterCommit) {
    this.indexer = indexer;
    this.afterCommit = afterCommit;
  }

  public synchronized IndexSummary run(boolean full) throws IOException {
    if (closed)
      throw new IndexBusyException("the server is shutting down; no reindex is started", null);
    IndexSummary summary = indexer.run(full, Indexer.Progress.NONE);
    afterCommit.committed(summary);
    return summary;
  }

  /** Waits for a running reindex to commit or roll back, and refuses new ones. */
  public synchronized void close() {
    closed = true;
  }
}
