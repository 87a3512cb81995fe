package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import java.util.List;

/**
 * What one indexing run did; printed as one line by the CLI and as JSON by {@code --json} and the
 * admin API.
 *
 * @param mode "full" or "incremental"
 * @param reason why a full rebuild happened (asked for, new index, schema changed), else null
 * @param added pages new to the index
 * @param updated pages whose file changed
 * @param deleted pages removed: file gone, now a draft, expired, or an id taken by another file
 * @param unchanged pages left as they were
 * @param skipped files Hugo would not publish (drafts, future or expired pages, leaf bundles'
 *     resources, pages with {@code build.render: never}, …)
 * @param failed files that could not be indexed
 * @param documents pages in the index after the run
 * @param tookMs wall time of the run
 * @param docsPerSecond pages read and indexed per second (added + updated over the run's time)
 * @param generation the index commit generation after the run
 * @param failures each failed file with its reason
 * @param skippedFiles each skipped file with why Hugo would not publish it (a draft, a leaf
 *     bundle's resource, {@code build.render: never}, …)
 * @param warnings fields left out of pages that were still indexed, and files that changed while
 *     the run read the folder (read on the next run)
 */
public record IndexSummary(
    String mode,
    String reason,
    int added,
    int updated,
    int deleted,
    int unchanged,
    int skipped,
    int failed,
    long documents,
    long tookMs,
    double docsPerSecond,
    long generation,
    List<ContentProblem> failures,
    List<ContentProblem> skippedFiles,
    List<ContentProblem> warnings) {

  public IndexSummary {
    failures = List.copyOf(failures);
    skippedFiles = List.copyOf(skippedFiles);
    warnings = List.copyOf(warnings);
  }

  /**
   * The CLI's exit code: 0 when every file was fine, 1 when some failed (the good ones are still
   * committed).
   */
  public int exitCode() {
    return failed > 0 ? 1 : 0;
  }

  /** The one-line summary. */
  public String line() {
    return "%s: %d added, %d updated, %d deleted, %d unchanged, %d skipped, %d failed; %d documents; %.0f docs/s; %.2f s"
        .formatted(
            mode + (reason == null ? "" : " (" + reason + ")"),
            added,
            updated,
            deleted,
            unchanged,
            skipped,
            failed,
            documents,
            docsPerSecond,
            tookMs / 1000.0);
  }
}
