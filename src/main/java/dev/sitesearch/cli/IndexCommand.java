package dev.sitesearch.cli;

import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitesearch index}: brings the index in line with the content folder. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index the content folder: incremental (new, changed and deleted pages) unless --full.",
      "Atomic: searches see the previous index until the new one is committed."
    })
public final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--full", description = "Rebuild the index from scratch.")
  boolean full;

  @Option(names = "--include-drafts", description = "Index drafts, future and expired pages too.")
  boolean includeDrafts;

  @Option(
      names = "--json",
      description = "Print the summary as JSON, with each failure's path and reason.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var assembly = common.assembly();
    if (assembly.onSolrCloud()) {
      IndexSummary summary = assembly.solrIndexer(includeDrafts).run(full);
      common.report(summary, json, summary.line());
      return summary.exitCode();
    }
    Indexer indexer = assembly.indexer(includeDrafts);
    IndexSummary summary =
        indexer.run(full, json ? Indexer.Progress.NONE : TerminalProgress.forTerminal());
    common.report(summary, json, summary.line());
    return summary.exitCode();
  }
}
