package dev.sitesearch.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code sitesearch serve} in a process of its own, as an operator runs it: started from a {@link
 * ProcessBuilder} (a child JVM from {@link ChildJvm}, or the distribution's launcher), its output
 * collected, its address known once it says it is serving. Closing it kills it if it still runs.
 */
public final class ServeChild implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving (\\d+) pages at (http://\\S+)");

  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final CompletableFuture<URI> url = new CompletableFuture<>();
  private final CompletableFuture<Void> reading;

  private ServeChild(ProcessBuilder builder, Consumer<String> onLine) throws IOException {
    process = builder.start();
    reading =
        ChildJvm.readLines(
            process,
            output,
            line -> {
              var m = SERVING.matcher(line);
              if (m.find()) url.complete(URI.create(m.group(2)));
              onLine.accept(line);
            });
  }

  /**
   * Starts {@code builder} (its error stream merged into its output), each line also to {@code
   * onLine}.
   */
  public static ServeChild start(ProcessBuilder builder, Consumer<String> onLine)
      throws IOException {
    return new ServeChild(builder.redirectErrorStream(true), onLine);
  }

  /** {@code sitesearch serve <args>} in a child JVM that compiles quickly and little. */
  public static ProcessBuilder jvm(List<String> args) {
    return ChildJvm.sitesearch(List.of("-XX:TieredStopAtLevel=1"), args);
  }

  /** The address it serves at ({@code http://127.0.0.1:port/}), once it says so. */
  public URI url() throws Exception {
    return url.get(120, TimeUnit.SECONDS);
  }

  public Process process() {
    return process;
  }

  /** Sends SIGTERM (through the process handle, which keeps our end of its output open). */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Whether it exited within {@code seconds}; then its output has been read to the end. */
  public boolean exited(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) return false;
    reading.get(10, TimeUnit.SECONDS);
    return true;
  }

  /** What it printed so far, standard output and errors together. */
  public String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
