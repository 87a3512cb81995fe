package dev.sitesearch.cli;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.http.Json;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Indexer indexer = common.assembly().indexer(includeDrafts);
    IndexSummary summary =
        indexer.run(full, json ? Indexer.Progress.NONE : TerminalProgress.forTerminal());
    print(spec, summary, json);
    return summary.exitCode();
  }

  static void print(CommandSpec spec, IndexSummary summary, boolean json) {
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(summary));
      return;
    }
    var err = spec.commandLine().getErr();
    for (ContentProblem p : summary.failures()) err.println("FAILED  " + p);
    for (ContentProblem p : summary.warnings()) err.println("warning " + p);
    out.println(summary.line());
  }
}
