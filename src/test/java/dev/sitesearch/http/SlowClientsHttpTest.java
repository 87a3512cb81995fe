package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerLimits.Connections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that are slow on purpose, over raw sockets: ones that send many requests at once and
 * never read the answers, ones that send a request a byte at a time, and floods of connections.
 * None of them may keep the server from answering everyone else.
 */
class SlowClientsHttpTest {
  @TempDir Path workDir;

  /** Opens a connection whose receive window is small, so unread answers back up quickly. */
  private static Socket connect(int port) {
    try {
      var socket = new Socket();
      socket.setReceiveBufferSize(2048);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(Socket socket, String bytes) {
    try {
      socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasUnreadAnswer(Socket socket) {
    try {
      return socket.getInputStream().available() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void clients_that_never_read_their_answers_hold_no_request_slot() throws IOException {
    var limits = ServerLimits.defaults().withConcurrency(4, Duration.ofSeconds(2));
    var readers = new ArrayList<Socket>();
    try (var server = TestServer.startWithLimits(workDir, limits, SlowClientsHttpTest::bigPage)) {
      // Answers of a megabyte fill the sockets' buffers after a few: cheap to make, slow to send.
      String big = "GET /api/documents/big HTTP/1.1\r\nHost: x\r\n\r\n";
      for (int i = 0; i < 8; i++) {
        Socket reader = connect(server.port());
        readers.add(reader);
        send(reader, big.repeat(3)); // pipelined, never read
      }
      assertTrue(
          TestServer.eventually(
              Duration.ofSeconds(10), () -> readers.stream().allMatch(s -> hasUnreadAnswer(s))),
          "every slow reader has been answered at least once");

      for (int i = 0; i < 20; i++) {
        TestServer.Response r = server.get("/api/search?q=care");
        assertEquals(200, r.status(), () -> "with slow readers connected: " + r.body());
      }
    } finally {
      for (Socket s : readers) s.close();
    }
  }

  @Test
  void searches_pipelined_on_one_connection_are_answered_while_the_server_has_room()
      throws IOException {
    try (var server = TestServer.start(workDir);
        var client = connect(server.port())) {
      client.setSoTimeout(20_000);
      String search = "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\n\r\n";
      send(
          client,
          search.repeat(4)
              + "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      String answers =
          new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertEquals(
          5,
          answers.split("HTTP/1.1 200 ", -1).length - 1,
          "an idle server has a spare slot for each: " + answers.lines().findFirst().orElse(""));
    }
  }

  @Test
  void a_request_trickled_a_byte_at_a_time_is_cut_off_at_the_request_timeout() throws Exception {
    var connections =
        ServerLimits.defaults().connections().withRequestTimeout(Duration.ofSeconds(1));
    var limits = ServerLimits.defaults().withConnections(connections);
    try (var server = TestServer.startWithLimits(workDir, limits);
        var trickler = connect(server.port())) {
      trickler.setSoTimeout(20_000);
      send(trickler, "GET /api/health HTTP/1.1\r\nHost: x\r\n");
      // A header byte every 200 ms: each one would restart an idle timeout, none finishes the
      // request.
      Thread trickle =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < 200; i++) {
                        send(trickler, i % 2 == 0 ? "X" : "-");
                        Thread.sleep(200);
                      }
                    } catch (InterruptedException | UncheckedIOException stopped) {
                      // the server closed the connection, or the test is over
                    }
                  });

      String answer =
          new String(trickler.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertTrue(trickle.isAlive(), "the server ended the connection while bytes kept coming");
      trickle.interrupt();
      assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertEquals(200, server.get("/api/health").status());
    }
  }

  @Test
  void a_flood_of_idle_connections_is_capped_and_others_are_still_answered() throws Exception {
    int max = 20;
    // Idle connections give way half a second after the cap is reached (two by default).
    var connections =
        new Connections(
            max, Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(10));
    var limits = ServerLimits.defaults().withConnections(connections);
    try (var server = TestServer.startWithLimits(workDir, limits);
        var flood = new Flood()) {
      long before = openFiles();
      for (int i = 0; i < 2 * max; i++) flood.open(server.port());
      long most = 0;
      for (int look = 0; look < 20; look++) {
        most = Math.max(most, openFiles() - before);
        Thread.sleep(100);
      }
      // Each connection accepted costs the process one descriptor beside the test's own.
      long accepted = most - flood.size();
      assertTrue(accepted <= max + 5, "the server held " + accepted + " connections");

      assertEquals(200, server.get("/api/health").status(), "idle ones give way while full");
    }
  }

  /** Connections opened and left idle; closed before the server, so it stops at once. */
  private static final class Flood implements AutoCloseable {
    private final List<SocketChannel> channels = new ArrayList<>();

    void open(int port) throws IOException {
      SocketChannel idle = SocketChannel.open();
      channels.add(idle);
      idle.configureBlocking(false); // beyond the server's queue a connect waits: do not wait
      idle.connect(new InetSocketAddress("127.0.0.1", port));
    }

    int size() {
      return channels.size();
    }

    @Override
    public void close() throws IOException {
      for (SocketChannel c : channels) c.close();
    }
  }

  private static long openFiles() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** A page of about a megabyte, with the id {@code big}. */
  static void bigPage(Path content) throws IOException {
    String body = "Care plans and remote monitoring for rural clinics. ".repeat(20_000);
    Files.writeString(
        content.resolve("big.md"), "---\nid: big\ntitle: A long page\n---\n\n" + body + "\n");
  }

  /** The answers' status lines, as many as arrived. */
  static List<String> statusLines(String text) {
    return text.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
  }
}
