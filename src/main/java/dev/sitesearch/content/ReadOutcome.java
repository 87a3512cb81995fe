package dev.sitesearch.content;

/**
 * What reading one file gave: a page to index, a page Hugo would not publish, a file gone since the
 * walk, or a problem.
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

  /** A file that cannot be indexed. */
  record Failed(ContentProblem problem) implements ReadOutcome {
    @Override
    public String path() {
      return problem.path();
    }
  }
}
