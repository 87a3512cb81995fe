package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's and the widget's modules without a browser: runs the Node tests in {@code
 * src/test/js/} (node:test, no npm packages), so {@code mvn test} runs them too. Fails, saying so,
 * when Node.js 18 or newer is not on the PATH.
 */
class ScriptModulesTest {
  static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  static final Path TESTS = BASEDIR.resolve("src/test/js");
  static final int MIN_NODE = 18;
  static final long TIMEOUT_SECONDS = 120;

  @Test
  void the_node_tests_of_the_scripts_pass() throws Exception {
    checkNode();
    Path log = Files.createTempFile("node-test", ".log");
    try {
      // Output to a file, not a pipe: a chatty test run can never block on a full pipe.
      Process node =
          new ProcessBuilder("node", "--test", TESTS.toString() + "/")
              .directory(BASEDIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) node.descendants().forEach(ProcessHandle::destroyForcibly);
      if (!done) node.destroyForcibly().waitFor();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);
      if (!done)
        fail("node --test " + TESTS + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
      assertEquals(
          0, node.exitValue(), () -> "node --test " + TESTS + " failed:\n" + failures(output));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Node's version, or a failure that says what is missing. */
  private static void checkNode() throws InterruptedException {
    String version;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("node --version did not answer in 30 s");
      }
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      fail(needed("it is not on the PATH (" + e.getMessage() + ")"));
      return;
    }
    Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(version);
    if (!m.find() || Integer.parseInt(m.group(1)) < MIN_NODE)
      fail(needed("this machine has " + version));
  }

  private static String needed(String why) {
    return "Node.js "
        + MIN_NODE
        + "+ is needed for the page's unit tests (src/test/js, run with node --test), but "
        + why
        + ". Install it, e.g. sudo apt-get install -y nodejs";
  }

  /** The "not ok" lines and what follows each, so the failure message names the failing tests. */
  private static String failures(String output) {
    List<String> lines = output.lines().toList();
    var out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripLeading().startsWith("not ok")) {
        lines.subList(i, Math.min(lines.size(), i + 20)).forEach(l -> out.append(l).append('\n'));
      }
    }
    return out.isEmpty() ? output : out.toString();
  }
}
