package dev.sitesearch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a test's site lives, as every command takes it: the content folder, the index folder and
 * the config file.
 *
 * @param content the content folder
 * @param index the index folder; not made until a run makes it
 * @param config the config file; absent unless the test writes it, so the defaults apply
 */
public record SiteFolders(Path content, Path index, Path config) {
  /** {@code content/} (made, empty), {@code index/} and {@code sitesearch.yml} in {@code dir}. */
  public static SiteFolders in(Path dir) throws IOException {
    return new SiteFolders(
        Files.createDirectories(dir.resolve("content")),
        dir.resolve("index"),
        dir.resolve("sitesearch.yml"));
  }

  /** The options that name them: {@code --content}, {@code --index} and {@code --config}. */
  public List<String> options() {
    return List.of(
        "--content",
        content.toString(),
        "--index",
        index.toString(),
        "--config",
        config.toString());
  }
}
