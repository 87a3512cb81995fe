package dev.sitesearch.cli;

import dev.sitesearch.config.ConfigLoader;
import dev.sitesearch.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sitesearch config}: every setting in force for these folders, with where it came from
 * (default, file, environment, flag) and secrets masked; reads the file and the environment as the
 * other commands do, and fails the same way on a bad one.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Print the effective configuration: each setting, its value and where it came from"
            + " (default, file, environment SITESEARCH_…, flag); secrets masked.")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    var file = common.configFile();
    var settings = new ArrayList<>(ConfigLoader.explain(file, System.getenv()));
    if (common.site != null) {
      settings.replaceAll(
          s ->
              s.key().equals("content.site")
                  ? new Setting(s.key(), common.site.toString(), "flag --site")
                  : s);
    }
    var out = common.out();
    out.println(
        "# "
            + (file == null
                ? "no config file: defaults and environment"
                : "config file " + file.toAbsolutePath().normalize()));
    out.println("# precedence: flags > environment (SITESEARCH_…) > file > defaults");
    print(settings);
    return Main.OK;
  }

  private void print(List<Setting> settings) {
    int width = 0;
    for (Setting s : settings) width = Math.max(width, s.key().length() + s.value().length() + 2);
    for (Setting s : settings) {
      String line = s.key() + ": " + s.value();
      common
          .out()
          .println(line + " ".repeat(Math.max(1, width - line.length() + 2)) + "# " + s.source());
    }
  }
}
