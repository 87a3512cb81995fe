package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/scripts/sitesearch serve} on JDK 25+, which keeps the AOT cache the first server of a
 * build writes as it stops: what it takes, and what it refuses. JDK 25.0.3's child JVM that
 * assembles the cache can crash (it did on one of our builds), leaving an empty cache beside its
 * recording; taken, that file would have slowed every later start for good, without a word.
 */
class LauncherScriptTest {
  private static final Path SCRIPTS = Path.of("src/scripts");

  @TempDir Path root;
  private Path target;
  private Path cache;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
    Path scripts = Files.createDirectories(root.resolve("src/scripts"));
    for (String name : new String[] {"sitesearch", "find-jdk"}) {
      Path copy = scripts.resolve(name);
      Files.copy(SCRIPTS.resolve(name), copy, StandardCopyOption.COPY_ATTRIBUTES);
      assertTrue(copy.toFile().setExecutable(true));
    }
    target = Files.createDirectories(root.resolve("target"));
    // Only the cache handling is under test: the JVM it starts may refuse this jar.
    Path jar = Files.writeString(target.resolve("sitesearch.jar"), "not a jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(600)));
    Files.createDirectories(root.resolve("src/main"));
    Files.writeString(root.resolve("pom.xml"), "");
    for (Path built : new Path[] {root.resolve("src/main"), root.resolve("pom.xml")})
      Files.setLastModifiedTime(built, FileTime.from(Instant.now().minusSeconds(900)));
    cache = target.resolve("sitesearch-serve.aot");
  }

  @Test
  void a_cache_left_by_a_failed_assembly_is_dropped_and_not_tried_again_for_this_build()
      throws Exception {
    long writer = endedProcess();
    Files.createFile(target.resolve("sitesearch-serve.aot." + writer)); // empty
    Files.writeString(target.resolve("sitesearch-serve.aot." + writer + ".config"), "recording");

    String first = launch();
    assertFalse(Files.exists(cache), "the empty cache is not taken");
    assertFalse(Files.exists(target.resolve("sitesearch-serve.aot." + writer)));
    assertFalse(Files.exists(target.resolve("sitesearch-serve.aot." + writer + ".config")));
    assertFalse(first.contains("first start with this build"), first);

    String second = launch();
    assertFalse(second.contains("first start with this build"), "no second try: " + second);
  }

  @Test
  void a_whole_cache_is_taken_once_its_writer_has_ended() throws Exception {
    long writer = endedProcess();
    Files.writeString(target.resolve("sitesearch-serve.aot." + writer), "a cache");

    String output = launch();
    assertEquals("a cache", Files.readString(cache));
    assertFalse(output.contains("first start with this build"), output);
  }

  @Test
  void a_new_build_tries_again_after_a_failed_assembly() throws Exception {
    Path failed = Files.createFile(target.resolve("sitesearch-serve.aot.failed"));
    Files.setLastModifiedTime(failed, FileTime.from(Instant.now().minusSeconds(1200)));

    String output = launch();
    assertTrue(output.contains("first start with this build"), output);
    assertFalse(Files.exists(failed), "older than the jar");
  }

  /** Runs {@code sitesearch serve --help} from the copy; its output, both streams. */
  private String launch() throws Exception {
    var builder =
        new ProcessBuilder(
                "bash", root.resolve("src/scripts/sitesearch").toString(), "serve", "--help")
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    return output;
  }

  /** The id of a process that has ended, as a cache's writer that is gone. */
  private static long endedProcess() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    return done.pid();
  }
}
