package dev.sitesearch.testing;

import dev.sitesearch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** The {@code sitesearch} command line run in this JVM, its output captured. */
public final class Cli {
  private Cli() {}

  /** One run: its exit code and what it printed on each stream. */
  public record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  public static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** {@code command} on the site's folders, then {@code more} arguments. */
  public static Run run(String command, SiteFolders site, String... more) {
    var args = new ArrayList<String>();
    args.add(command);
    args.addAll(site.options());
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }
}
