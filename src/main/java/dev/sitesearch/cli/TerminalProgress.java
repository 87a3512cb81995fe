package dev.sitesearch.cli;

import dev.sitesearch.index.Indexer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal for long runs; nothing when output is piped or the run is short.
 */
final class TerminalProgress implements Indexer.Progress {
  private static final int MIN_FILES = 2_000;
  private ProgressBar bar;

  static Indexer.Progress forTerminal() {
    return System.console() != null ? new TerminalProgress() : Indexer.Progress.NONE;
  }

  @Override
  public void start(int filesToRead) {
    if (filesToRead < MIN_FILES) return;
    bar =
        new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setInitialMax(filesToRead)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setUnit(" pages", 1)
            .build();
  }

  @Override
  public void advance() {
    if (bar != null) bar.step();
  }

  @Override
  public void finish() {
    if (bar != null) bar.close();
    bar = null;
  }
}
