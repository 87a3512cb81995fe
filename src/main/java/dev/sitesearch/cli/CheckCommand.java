package dev.sitesearch.cli;

import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sitesearch check}: validates the content folder with the indexer's rules, writing nothing.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the content folder with the same rules and report as 'index', writing nothing.",
      "Exit 0 when every file is fine, 1 when some are not: run it in the content repository's CI."
    })
public final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--include-drafts",
      description = "Check drafts, future and expired pages as if published.")
  boolean includeDrafts;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    IndexSummary summary = common.assembly().dryRun(includeDrafts).run(true, Indexer.Progress.NONE);
    String line =
        "check: %d pages ok, %d skipped, %d failed, %d warnings"
            .formatted(
                summary.added(), summary.skipped(), summary.failed(), summary.warnings().size());
    common.report(summary, json, line);
    return summary.exitCode();
  }
}
