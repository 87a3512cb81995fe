package dev.sitesearch.cli;

import dev.sitesearch.config.ConfigException;
import dev.sitesearch.content.HugoConfigException;
import dev.sitesearch.index.IndexBusyException;
import dev.sitesearch.search.IndexMissingException;
import dev.sitesearch.search.InvalidRequestException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sitesearch} command: lists the subcommands; each returns its exit code. */
@Command(
    name = "sitesearch",
    mixinStandardHelpOptions = true,
    version = "sitesearch 0.1.0",
    description = "Full-text search for Hugo-style content sites.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all good",
      "1:some content files failed (every good one is still indexed)",
      "2:usage, configuration or index error"
    })
public final class Main {
  public static final int OK = 0;
  public static final int SOME_FAILED = 1;
  public static final int USAGE = 2;

  /** Held so the level set on it is not lost when the logger is collected. */
  private static final Logger LUCENE_VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    quietLibraries(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Only {@code serve} logs as it goes; the other commands print their own report, so their log is
   * kept to warnings (the config's {@code logging} section may say otherwise). Lucene's hint about
   * the incubating vector module concerns vector search, which we do not use.
   */
  private static void quietLibraries(String[] args) {
    LogSetup.start(args.length > 0 && args[0].equals("serve"));
    LUCENE_VECTOR_LOG.setLevel(Level.SEVERE);
  }

  /**
   * The subcommands, in the order the usage lists them. Picocli reads a command's annotations when
   * it is added (about 30 ms more at start for all of them than for one), so a command line that
   * names one gets only that one; any other (usage, {@code help}, a typo) gets them all.
   */
  private static final List<String> COMMANDS =
      List.of("index", "check", "search", "serve", "config", "help");

  private static Object command(String name) {
    return switch (name) {
      case "index" -> new IndexCommand();
      case "check" -> new CheckCommand();
      case "search" -> new SearchCommand();
      case "serve" -> new ServeCommand();
      case "config" -> new ConfigCommand();
      default -> new CommandLine.HelpCommand();
    };
  }

  /** Runs the command line with the given output streams; used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    var cli = new CommandLine(new Main());
    String named = args.length > 0 ? args[0] : "";
    if (COMMANDS.contains(named) && !named.equals("help")) {
      cli.addSubcommand(named, command(named));
    } else {
      for (String name : COMMANDS) cli.addSubcommand(name, command(name));
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message =
              switch (e) {
                case ConfigException c -> "configuration error: " + c.getMessage();
                case HugoConfigException h -> "Hugo site error: " + h.getMessage();
                case IndexBusyException b -> "index busy: " + b.getMessage();
                case IndexMissingException m -> m.getMessage();
                case InvalidRequestException r -> r.getMessage();
                case FileSystemException f -> "error: " + describe(f);
                case IOException io -> "error: " + io.getMessage();
                default -> null;
              };
          if (message == null) throw e;
          commandLine.getErr().println("sitesearch: " + message);
          return USAGE;
        });
    return cli.execute(args);
  }

  /**
   * A file system error in words: Java's own messages are often the bare path ("error: index"),
   * which says neither what was wrong nor which setting to change.
   */
  static String describe(FileSystemException e) {
    String file = e.getFile() == null ? "" : e.getFile();
    String what =
        switch (e) {
          case NoSuchFileException n -> "no such file or folder";
          case NotDirectoryException n -> "not a folder";
          case FileAlreadyExistsException x -> "a file is in the way of a folder";
          case AccessDeniedException a -> "permission denied";
          default -> e.getReason() == null ? "cannot be used" : e.getReason();
        };
    return file.isEmpty() ? what : file + ": " + what;
  }
}
