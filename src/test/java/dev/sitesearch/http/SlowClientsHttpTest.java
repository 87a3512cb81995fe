package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
    var limits = ServerLimits.defaults().withConcurrency(4, Duration.ofMillis(200));
    var readers = new ArrayList<Socket>();
    try (var server = TestServer.startWithLimits(workDir, limits, SlowClientsHttpTest::bigPage)) {
      // Answers of a megabyte fill the sockets' buffers after a few: cheap to make, slow to send.
      String big = "GET /api/documents/big HTTP/1.1\r\nHost: x\r\n\r\n";
      for (int i = 0; i < 8; i++) {
        Socket reader = connect(server.port());
        readers.add(reader);
        send(reader, big.repeat(20)); // pipelined, never read
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
