package dev.sitesearch.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One real server per test class over a fresh copy of the fixture site, as the HTTP tests share it:
 * a {@link FixtureServerTest} gets the {@link TestServer} and the {@link FixturePages} (the
 * expected counts) in its fields as soon as it is made. The server is started then and closed, its
 * folder deleted, when the class is done.
 */
final class FixtureServer implements TestInstancePostProcessor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FixtureServer.class);

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    if (!(testInstance instanceof FixtureServerTest test)) return;
    Started started =
        classContext(context)
            .getStore(NAMESPACE)
            .computeIfAbsent(
                Started.class, key -> Started.start(test.onSolrCloud()), Started.class);
    test.server = started.server;
    test.fixture = started.fixture;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) c = c.getParent().get();
    return c;
  }

  /**
   * A started server, its fixture's expected values and its folder; closed by JUnit with the
   * class's context.
   */
  private record Started(Path workDir, TestServer server, FixturePages fixture)
      implements AutoCloseable {
    static Started start(boolean onSolrCloud) {
      try {
        Path workDir = Files.createTempDirectory("sitesearch-http-");
        TestServer server =
            onSolrCloud ? TestServer.startOnSolrCloud(workDir) : TestServer.start(workDir);
        return new Started(
            workDir, server, FixturePages.load(TestServer.fixtureDir(), server.schema().facets()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      try (Stream<Path> files = Files.walk(workDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
