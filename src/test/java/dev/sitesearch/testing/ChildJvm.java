package dev.sitesearch.testing;

import dev.sitesearch.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@code sitesearch} command line in a JVM of its own (this JVM's {@code java} and class path),
 * as an operator runs it: for the tests that stop or kill it, and the benchmarks that time its
 * start.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java <jvmOptions> -cp <this class path> dev.sitesearch.cli.Main <args>}, its error
   * stream merged into its output.
   */
  public static ProcessBuilder sitesearch(List<String> jvmOptions, List<String> args) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /**
   * Reads the child's output on another thread, line by line: each is appended to {@code output}
   * (synchronized on it) and handed to {@code onLine}. Completes when the output ends, as it does
   * when the child exits or is killed.
   */
  public static CompletableFuture<Void> readLines(
      Process child, StringBuilder output, Consumer<String> onLine) {
    return CompletableFuture.runAsync(
        () -> {
          try (var in =
              new BufferedReader(
                  new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
              synchronized (output) {
                output.append(line).append('\n');
              }
              onLine.accept(line);
            }
          } catch (IOException e) {
            // the child was killed
          }
        });
  }
}
