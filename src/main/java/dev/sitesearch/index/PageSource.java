package dev.sitesearch.index;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.SourceFile;

/**
 * Where a run gets its pages: a {@link PageReader} in the application. A seam for tests, which wrap
 * the reader to hold a worker inside a read (see {@code IndexAtomicityTest}); it must be
 * thread-safe, as the reader is.
 */
interface PageSource {
  /** Reads one file; called on the run's worker threads. */
  ReadOutcome read(SourceFile file);

  /** Whether drafts, future and expired pages are read as published (the index records it). */
  boolean includeDrafts();

  static PageSource of(PageReader reader) {
    return new PageSource() {
      @Override
      public ReadOutcome read(SourceFile file) {
        return reader.read(file);
      }

      @Override
      public boolean includeDrafts() {
        return reader.includeDrafts();
      }
    };
  }
}
