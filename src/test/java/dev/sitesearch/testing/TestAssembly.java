package dev.sitesearch.testing;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The application's parts as {@code serve} builds them from the default config, over any content
 * and index folders, with the system clock and two reading threads (the test machines' cores);
 * {@code withConfig} and {@code withClock} change the rest.
 */
public final class TestAssembly {
  private TestAssembly() {}

  public static Assembly of(Path content, Path index) {
    return new Assembly(Seed.config(), content, index, Clock.systemUTC(), 2);
  }

  /** Brings {@code index} in line with {@code content} as {@code sitesearch index} does. */
  public static IndexSummary index(Path content, Path index) throws IOException {
    return of(content, index).indexer(false).run(false, Indexer.Progress.NONE);
  }

  /**
   * {@link #index} into the folder {@code index} beside {@code content}, where a test's site keeps
   * it; returns that folder.
   */
  public static Path indexBeside(Path content) throws IOException {
    Path index = content.resolveSibling("index");
    index(content, index);
    return index;
  }
}
