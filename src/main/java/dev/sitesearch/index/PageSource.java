package dev.sitesearch.index;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.Site;
import dev.sitesearch.content.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a run gets its pages: a {@link PageReader} in the application. A seam for tests, which wrap
 * the reader to hold a worker inside a read (see {@code IndexAtomicityTest}); it must be
 * thread-safe, as the reader is.
 */
interface PageSource {
  /** The site the run's pages are read against, from the files the walk found. */
  Site site(Path contentDir, List<SourceFile> files) throws IOException;

  /** Reads one file; called on the run's worker threads. */
  ReadOutcome read(SourceFile file, Site site);

  /** Whether drafts, future and expired pages are read as published (the index records it). */
  boolean includeDrafts();

  static PageSource of(PageReader reader) {
    return new PageSource() {
      @Override
      public Site site(Path contentDir, List<SourceFile> files) throws IOException {
        return reader.site(contentDir, files);
      }

      @Override
      public ReadOutcome read(SourceFile file, Site site) {
        return reader.read(file, site);
      }

      @Override
      public boolean includeDrafts() {
        return reader.includeDrafts();
      }
    };
  }
}
