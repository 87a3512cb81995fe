package dev.sitesearch.cli;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.ConfigLoader;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.content.HugoProject;
import dev.sitesearch.http.Json;
import dev.sitesearch.index.IndexSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: where the content, the index and the config live, and where it
 * prints.
 */
public final class CommonOptions {
  /** The command this is mixed into, for its output streams. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--content",
      paramLabel = "DIR",
      description = "Content folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "content")
  Path content;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "index")
  Path index;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file; optional, the defaults fit Hugo sites (default: sitesearch.yml in the"
              + " working folder, else in the content folder, else in the Hugo site's folder).")
  Path config;

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description =
          "The Hugo project the content belongs to (default: content.site in the config, else"
              + " the nearest folder above the content with hugo.toml, config.toml or config/).")
  Path site;

  /** The config file named, or found as {@link ConfigLoader#locate} says; null when none. */
  Path configFile() {
    return config != null ? config : ConfigLoader.locate(Path.of(""), content, siteRoot());
  }

  SitesearchConfig loadConfig() {
    Path file = configFile();
    SitesearchConfig loaded = ConfigLoader.load(file, System.getenv());
    LogSetup.apply(loaded.logging(), spec.name().equals("serve"));
    if (site == null) return loaded;
    return loaded.withContent(loaded.content().withSite(site));
  }

  /** The Hugo project named or found, to look for its sitesearch.yml; null when there is none. */
  private Path siteRoot() {
    if (site != null) return site;
    try {
      return HugoProject.find(content).orElse(null);
    } catch (IOException e) {
      return null; // the run reads the site again and reports what is wrong with it
    }
  }

  /** The application's parts for these folders and config. */
  Assembly assembly() {
    return Assembly.of(loadConfig(), content, index);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * A run's report: the summary as JSON, or its failures and warnings on the error stream and
   * {@code line} on the output.
   */
  void report(IndexSummary summary, boolean json, String line) {
    if (json) {
      out().println(Json.pretty(summary));
      return;
    }
    printFailures(summary);
    printSkipped(summary);
    summary.warnings().forEach(p -> err().println("warning " + p));
    out().println(line);
  }

  /** A run's skipped files on the error stream, {@code skipped path: reason} each. */
  void printSkipped(IndexSummary summary) {
    summary.skippedFiles().forEach(p -> err().println("skipped  " + p));
  }

  /** A run's failed files on the error stream, {@code FAILED path:line:column: reason} each. */
  void printFailures(IndexSummary summary) {
    summary.failures().forEach(p -> err().println("FAILED  " + p));
  }
}
