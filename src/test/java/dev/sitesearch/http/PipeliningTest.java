package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection pipelines when its client sends the next request before reading the answer: seen on
 * the real Jetty the server runs on, with a route that answers what {@link Pipelining} sees.
 */
class PipeliningTest {
  private Javalin app;

  @BeforeEach
  void start() {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/seen", ctx -> ctx.result(String.valueOf(Pipelining.seen(ctx))));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void requests_sent_before_their_answers_were_read_are_seen_as_pipelined() throws IOException {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      send(socket, request().repeat(3));
      assertEquals(
          List.of("true", "true", "true"),
          bodies(socket, 3),
          "the batch's first requests have the next one behind them; the last one is on a"
              + " connection already seen pipelining");
    }
  }

  @Test
  void a_client_that_waits_for_each_answer_is_not_pipelining() throws IOException {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      for (int i = 0; i < 3; i++) {
        send(socket, request());
        assertEquals(List.of("false"), bodies(socket, 1), "request " + i);
      }
    }
  }

  private static String request() {
    return "GET /seen HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  private static void send(Socket socket, String bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads {@code n} answers (short bodies with a Content-Length) off the connection. */
  private static List<String> bodies(Socket socket, int n) throws IOException {
    var in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    var bodies = new ArrayList<String>();
    while (bodies.size() < n) {
      int length = -1;
      for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase().startsWith("content-length:"))
          length = Integer.parseInt(line.substring(15).trim());
      }
      char[] body = new char[length];
      for (int read = 0; read < length; ) read += in.read(body, read, length - read);
      bodies.add(new String(body));
    }
    return bodies;
  }
}
