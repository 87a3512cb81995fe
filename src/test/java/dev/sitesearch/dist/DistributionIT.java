package dev.sitesearch.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.testing.ServeChild;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator gets it ({@code mvn -Pdist verify}): unpacked on a machine where
 * no JDK is on the path, its launcher serves the bundled site with its own runtime, answers a
 * search, and stops cleanly on SIGTERM.
 */
class DistributionIT {
  @TempDir Path tmp;

  @Test
  void the_unpacked_distribution_serves_and_searches_with_its_own_runtime() throws Exception {
    Path archive = Path.of(System.getProperty("dist.archive"));
    assertTrue(Files.isRegularFile(archive), "built by the package phase: " + archive);
    Process untar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString())
            .inheritIO()
            .start();
    assertEquals(0, untar.waitFor());
    Path home;
    try (var entries = Files.list(tmp)) {
      home = entries.findFirst().orElseThrow();
    }
    for (String part :
        List.of("bin/sitesearch", "lib/sitesearch.jar", "lib/sitesearch.jsa", "runtime/bin/java"))
      assertTrue(Files.exists(home.resolve(part)), part);
    assertTrue(Files.exists(home.resolve("systemd/sitesearch.service")));
    assertTrue(
        Files.notExists(home.resolve("runtime/bin/javac")), "a runtime, not a development kit");
    boolean aot = runtimeMajor(home) >= 25;
    if (aot)
      assertTrue(Files.exists(home.resolve("lib/sitesearch-serve.aot")), "serve's AOT cache");

    var serve =
        new ProcessBuilder(
                home.resolve("bin/sitesearch").toString(),
                "serve",
                "--port",
                "0",
                "--content",
                Path.of("content").toAbsolutePath().toString(),
                "--index",
                tmp.resolve("index").toString())
            .redirectErrorStream(true);
    serve.environment().remove("JAVA_HOME");
    serve.environment().put("PATH", "/usr/bin:/bin"); // no JDK of ours on the way
    if (aot)
      serve.environment().put("JAVA_OPTS", "-Xlog:aot=info"); // says whether it opened the cache
    var output = new StringBuffer(); // appended on the reading thread
    try (var server = ServeChild.start(serve, line -> output.append(line).append('\n'))) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.url().resolve("api/search?q=chronic+care")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode hits = new ObjectMapper().readTree(answer.body()).get("hits");
      assertTrue(hits.size() > 0, answer.body());
      if (aot) assertTrue(output.toString().contains("Opened AOT cache"), output::toString);

      server.terminate();
      assertTrue(server.exited(30));
      assertEquals(0, server.process().exitValue(), server::output);
    }
  }

  private static int runtimeMajor(Path home) throws java.io.IOException {
    for (String line : Files.readAllLines(home.resolve("runtime/release")))
      if (line.startsWith("JAVA_VERSION=\""))
        return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
    return 0;
  }
}
