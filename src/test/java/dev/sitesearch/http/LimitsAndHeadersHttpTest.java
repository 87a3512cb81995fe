package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerLimits.RateLimit;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.http.TestServer.RawResponse;
import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server refuses and how: oversized URLs (414), headers (431) and bodies (413), more
 * requests at once than configured (503 with Retry-After), a client over its rate (429 with
 * Retry-After); every answer with nosniff and without a Server header; loopback only unless told
 * otherwise.
 */
class LimitsAndHeadersHttpTest {
  private static final String AUTH = "Authorization: Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  private static void assertRawProblem(RawResponse r, int status) {
    assertEquals(status, r.status(), () -> r.text().substring(0, Math.min(300, r.text().length())));
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::text);
    assertTrue(r.body().contains("\"status\":" + status), r::text);
    assertEquals("nosniff", r.header("X-Content-Type-Options"), r::text);
    assertNull(r.header("Server"), r::text);
    assertFalse(r.text().toLowerCase(Locale.ROOT).contains("jetty"), r::text);
  }

  @Test
  void url_longer_than_the_header_limit_is_a_414_problem_and_large_headers_a_431()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      assertRawProblem(
          server.rawGet("/api/search?q=" + "a".repeat(ServerLimits.DEFAULT_MAX_HEADER_BYTES + 10)),
          414);
      assertRawProblem(server.rawGet("/api/search?q=care", "X-Big: " + "b".repeat(20_000)), 431);
      for (String method : new String[] {"OPTIONS", "PUT", "DELETE"}) {
        assertRawProblem(
            server.raw(
                method
                    + " /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: "
                    + "b".repeat(20_000)
                    + "\r\n\r\n"),
            431);
      }
      assertEquals(
          200,
          server.rawGet("/api/search?q=" + "%E4%B8%AD".repeat(1000)).status(),
          "the longest query allowed, percent-encoded, fits under the default");
    }
  }

  @Test
  void admin_body_over_the_limit_is_a_413_problem_declared_or_chunked() throws IOException {
    var limits =
        ServerLimits.defaults().withMaxBodyBytes(1024).withConcurrency(8, Duration.ofSeconds(2));
    try (var server = TestServer.startWithLimits(workDir, limits)) {
      String body = "x".repeat(5000);
      assertRawProblem(
          server.raw(
              "POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\n"
                  + AUTH
                  + "\r\nContent-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body),
          413);
      String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
      assertRawProblem(
          server.raw(
              "POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\n"
                  + AUTH
                  + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                  + chunked),
          413);
      String small = "{}";
      assertEquals(
          200,
          server
              .raw(
                  "POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\n"
                      + AUTH
                      + "\r\nContent-Length: "
                      + small.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + small)
              .status(),
          "a body within the limit is ignored");
    }
  }

  @Test
  void
      requests_beyond_the_concurrency_limit_get_a_503_problem_with_retry_after_then_service_resumes()
          throws Exception {
    // A short wait, not none: the held request must get the slot even if a search of ours still has
    // it (with no wait it would itself be refused now and then, and hold nothing); past the wait
    // the searches are refused.
    var limits =
        ServerLimits.defaults().withMaxBodyBytes(1024).withConcurrency(1, Duration.ofMillis(500));
    try (var server = TestServer.startWithLimits(workDir, limits);
        var slow = new Socket("127.0.0.1", server.port())) {
      // A client that sends half its body holds the only slot while the server waits for the rest.
      slow.setSoTimeout(30_000);
      OutputStream out = slow.getOutputStream();
      out.write(
          ("POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\n"
                  + AUTH
                  + "\r\nContent-Length: 10\r\nConnection: close\r\n\r\n12345")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      var busy = new Response[1];
      assertTrue(
          TestServer.eventually(
              Duration.ofSeconds(10),
              () -> {
                busy[0] = server.get("/api/search?q=care");
                return busy[0].status() == 503;
              }),
          "a request beyond the limit is refused while the slot is held");
      TestServer.assertProblem(busy[0], 503, null);
      assertEquals("1", busy[0].header("Retry-After"));
      assertEquals("nosniff", busy[0].header("X-Content-Type-Options"));

      out.write("67890".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertTrue(
          TestServer.eventually(
              Duration.ofSeconds(10), () -> server.get("/api/search?q=care").status() == 200),
          "the slot is free again");
    }
  }

  @Test
  void
      a_client_over_its_rate_gets_429_with_retry_after_and_forwarded_addresses_are_not_trusted_by_default()
          throws IOException {
    var limits =
        ServerLimits.defaults()
            .withRateLimit(new RateLimit(0.01, 3, false)); // three at once, then one every 100 s
    try (var server = TestServer.startWithLimits(workDir, limits)) {
      for (int i = 0; i < 3; i++) assertEquals(200, server.get("/api/search?q=care").status());

      Response limited = server.get("/api/search?q=care", "X-Forwarded-For", "203.0.113." + 7);

      TestServer.assertProblem(limited, 429, null);
      long retryAfter = Long.parseLong(limited.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 100, limited.header("Retry-After"));
      assertEquals(429, server.get("/").status(), "the page counts too");
    }
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket() throws IOException {
    var limits = ServerLimits.defaults().withRateLimit(new RateLimit(0.01, 2, true));
    try (var server = TestServer.startWithLimits(workDir, limits)) {
      String xff = "X-Forwarded-For";
      assertEquals(200, server.get("/api/health", xff, "spoofed, 198.51.100.1").status());
      assertEquals(200, server.get("/api/health", xff, "198.51.100.1").status());
      assertEquals(
          429,
          server.get("/api/health", xff, "other, 198.51.100.1").status(),
          "the proxy's entry counts");
      assertEquals(200, server.get("/api/health", xff, "198.51.100.2").status());
    }
  }

  @Test
  void a_client_over_its_requests_in_flight_gets_429_while_others_are_served() throws Exception {
    // Clients told apart by the trusted proxy header, as behind a site's reverse proxy.
    var limits = ServerLimits.defaults().withRateLimit(new RateLimit(0, 1, 1, true));
    try (var server = TestServer.startWithLimits(workDir, limits);
        var slow = new Socket("127.0.0.1", server.port())) {
      // Client A holds a request in flight: an admin request whose body the server has asked for
      // (100 Continue: the handler runs and waits for it). Only once that answer has come is the
      // request surely in flight; a search of A's sent before could take A's one slot first and
      // have the admin request refused instead.
      slow.setSoTimeout(30_000);
      OutputStream out = slow.getOutputStream();
      out.write(
          ("POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.1\r\n"
                  + AUTH
                  + "\r\nContent-Length: 10\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = slow.getInputStream();
      var interim = new StringBuilder();
      while (!interim.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) break;
        interim.append((char) b);
      }
      assertTrue(interim.toString().startsWith("HTTP/1.1 100 "), interim.toString());

      var refused = new Response[1];
      assertTrue(
          TestServer.eventually(
              Duration.ofSeconds(10),
              () -> {
                refused[0] = server.get("/api/search?q=care", "X-Forwarded-For", "203.0.113.1");
                return refused[0].status() == 429;
              }),
          "a second request of A's while the first is in flight is refused");
      TestServer.assertProblem(refused[0], 429, null);
      assertEquals("1", refused[0].header("Retry-After"));
      assertEquals(
          200,
          server.get("/api/search?q=care", "X-Forwarded-For", "198.51.100.2").status(),
          "client B is served meanwhile");

      out.write("1234567890".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertEquals(
          200,
          server.get("/api/search?q=care", "X-Forwarded-For", "203.0.113.1").status(),
          "A's slot is free again once its request is done");
    }
  }

  @Test
  void every_kind_of_answer_has_nosniff_and_no_server_header() throws IOException {
    try (var server = TestServer.start(workDir)) {
      for (String path :
          List.of(
              "/api/search?q=care",
              "/api/health",
              "/api/nope",
              "/api/search?size=0",
              "/api/documents/999999",
              "/",
              "/widget.js")) {
        Response r = server.get(path);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        assertNull(r.header("Server"), path);
        assertNull(r.header("X-Powered-By"), path);
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
      }
      assertTrue(
          server.get("/").header("Content-Security-Policy").contains("script-src 'self'"),
          "the page's own");
      Response admin = server.post("/api/admin/reindex");
      assertEquals(401, admin.status());
      assertEquals("nosniff", admin.header("X-Content-Type-Options"));
      assertRawProblem(
          server.rawGet("/api/documents/%ZZ"), 400); // refused by Jetty before any route
    }
  }

  @Test
  void serve_without_host_listens_on_loopback_only() throws Exception {
    assertEquals("127.0.0.1", ServerSettings.DEFAULTS.host());
    InetAddress other = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        other != null, "this machine has no other address to try");
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process serve =
        new ProcessBuilder(
                javaCommand,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sitesearch.cli.Main",
                "serve",
                "--content",
                TestServer.fixtureDir().toString(),
                "--index",
                workDir.resolve("index").toString(),
                "--config",
                workDir.resolve("none.yml").toString(),
                "--port",
                "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.startsWith("sitesearch is serving"));
      assertTrue(line != null, "serve started");
      var m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
      assertTrue(m.find(), line);
      int port = Integer.parseInt(m.group(1));
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000); // answers on loopback
      }
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(other, port), 2000);
        throw new AssertionError("serve is reachable on " + other + ":" + port);
      } catch (java.net.ConnectException | java.net.SocketTimeoutException refused) {
        // expected: nothing listens on that address
      }
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
      if (!nif.isUp() || nif.isLoopback()) continue;
      for (InetAddress a : nif.inetAddresses().toList()) {
        if (a instanceof java.net.Inet4Address) return a;
      }
    }
    return null;
  }
}
