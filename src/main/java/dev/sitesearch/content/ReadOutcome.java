package dev.sitesearch.content;

/**
 * What reading one file gave: a page to index, a page Hugo would not publish, a file gone or
 * changed since the walk, a file that cannot be read, or a page with a problem.
 *
 * <p>Which keep a page's last good version in the index: a {@link Failed} page does (its file is
 * there and readable, its content is wrong: a typo must not take a page off the site), and so does
 * a {@link Changed} file (it is read on the next run). An {@link Unreadable} file does not: it may
 * lead out of the folder now, and nothing is kept of it.
 */
public sealed interface ReadOutcome {
  String path();

  /** A page to index. */
  record Parsed(ContentPage page) implements ReadOutcome {
    @Override
    public String path() {
      return page.source().relPath();
    }
  }

  /** A valid page that is not published: a draft, a future page or an expired one. */
  record Skipped(String path, String reason) implements ReadOutcome {}

  /**
   * A file deleted between the walk and the read: it is simply not there any more, as if the walk
   * had missed it.
   */
  record Gone(String path) implements ReadOutcome {}

  /**
   * A file replaced or rewritten after the walk listed it (another file under its name, or another
   * size or modification time), or while it was read: not read in this run, which keeps what the
   * index held for it; the next run reads it as it is then.
   */
  record Changed(ContentProblem problem) implements ReadOutcome {
    @Override
    public String path() {
      return problem.path();
    }
  }

  /**
   * A file that cannot be read as the walk listed it: it (or a folder on its path) became a
   * symbolic link, it is no longer a regular file, or reading it was refused or failed. Its page
   * leaves the index.
   */
  record Unreadable(ContentProblem problem) implements ReadOutcome {
    @Override
    public String path() {
      return problem.path();
    }
  }

  /**
   * A file whose content cannot be indexed (front matter, encoding, size, id); its last good
   * version stays.
   */
  record Failed(ContentProblem problem) implements ReadOutcome {
    @Override
    public String path() {
      return problem.path();
    }
  }
}
