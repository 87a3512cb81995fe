package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies that never arrive whole: a malformed chunked encoding, a body that stops arriving.
 * Each is the client's failure, answered and counted as a 4xx; none is the server's (a 500, an
 * error logged with its stack).
 */
class RequestBodyHttpTest {
  @TempDir Path workDir;

  @Test
  void a_malformed_chunked_body_is_a_400_on_every_route_that_reads_one() throws IOException {
    try (var server = TestServer.start(workDir)) {
      for (String target :
          new String[] {"/api/analytics/click", "/api/admin/reindex", "/api/admin/curation"}) {
        for (String chunk : new String[] {"zz", "FFFFFFFFFFFFFFFFFFFF"}) {
          var r =
              server.raw(
                  "POST "
                      + target
                      + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                      + TestServer.TOKEN
                      + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + chunk
                      + "\r\n{}\r\n0\r\n\r\n");
          assertEquals(400, r.status(), () -> target + " " + chunk + ":\n" + r.text());
          assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::text);
        }
      }
      assertFalse(server.get("/metrics").body().contains("status=\"500\""), "no server error");
    }
  }

  @Test
  void a_body_that_stops_arriving_is_no_server_error() throws Exception {
    var connections =
        ServerLimits.defaults().connections().withRequestTimeout(Duration.ofSeconds(1));
    try (var server =
            TestServer.startWithLimits(
                workDir, ServerLimits.defaults().withConnections(connections));
        var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/analytics/click HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                      + "\r\nContent-Length: 100\r\n\r\n{\"sear")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();

      socket.getInputStream().readAllBytes(); // until the server ends the connection

      String metrics = "";
      for (int look = 0; look < 50 && !metrics.contains("/api/analytics/click"); look++) {
        Thread.sleep(100);
        metrics = server.get("/metrics").body();
      }
      assertTrue(metrics.contains("route=\"/api/analytics/click\",status=\"408\""), metrics);
      assertFalse(metrics.contains("status=\"500\""), "no server error");
    }
  }
}
