package dev.sitesearch.cli;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.ConfigLoader;
import dev.sitesearch.config.SitesearchConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the content, the index and the config live; every subcommand takes these. */
public final class CommonOptions {
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
          "Config file; optional, defaults fit Hugo-style pages (default: ${DEFAULT-VALUE}).",
      defaultValue = "sitesearch.yml")
  Path config;

  SitesearchConfig loadConfig() {
    return ConfigLoader.load(config, System.getenv());
  }

  /** The application's parts for these folders and config. */
  Assembly assembly() {
    return Assembly.of(loadConfig(), content, index);
  }
}
