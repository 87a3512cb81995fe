package dev.sitesearch.index;

/**
 * How the last reindex of a live server ended, as health reports it.
 *
 * @param at when it ended (ISO-8601)
 * @param millis how long it ran
 * @param outcome {@value #COMMITTED}, or {@value #FAILED} when it rolled back: the index served is
 *     then older than the content
 */
public record ReindexRun(String at, long millis, String outcome) {
  public static final String COMMITTED = "committed";
  public static final String FAILED = "failed";

  public ReindexRun {
    if (!outcome.equals(COMMITTED) && !outcome.equals(FAILED))
      throw new IllegalArgumentException("outcome " + outcome);
  }

  /** Whether it committed (not a getter: no JSON field). */
  public boolean wasCommitted() {
    return outcome.equals(COMMITTED);
  }
}
