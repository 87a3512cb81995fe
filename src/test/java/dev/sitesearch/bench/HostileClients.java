package dev.sitesearch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients issue 12's attackers described, against a running server, for the soak's hostile
 * phase: clients sending the costliest requests the API takes, one after another; connections that
 * pipeline searches and never read the answers; connections that send a request a byte every 8 s.
 * Each kind reconnects when the server closes it, as a persistent attacker would. Counts what they
 * got back, so the report says what the server did to them.
 */
final class HostileClients implements AutoCloseable {
  private static final Duration TRICKLE_EVERY = Duration.ofSeconds(8);

  private final String host = "127.0.0.1";
  private final int port;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ConcurrentHashMap<Integer, AtomicLong> expensiveStatuses =
      new ConcurrentHashMap<>();
  final AtomicLong expensivePartial = new AtomicLong();
  final AtomicLong slowReaderConnections = new AtomicLong();
  final AtomicLong trickleConnections = new AtomicLong();

  HostileClients(int port) {
    this.port = port;
  }

  /** The costliest requests the API answers, as {@code path?query}. */
  static List<String> expensiveRequests() {
    var twoLetters = new ArrayList<String>();
    var threeLetters = new ArrayList<String>();
    var words = new ArrayList<String>();
    List<String> common = List.of("con", "pro", "pre", "com", "dis", "int", "res", "tre");
    List<String> commonWords = List.of("care", "health", "patient", "study", "clinical", "risk");
    for (char a = 'a'; a <= 'z'; a++) {
      for (char v : "aeiou".toCharArray()) {
        if (twoLetters.size() < 128) twoLetters.add("" + a + v + "*");
      }
    }
    for (int i = 0; i < 128; i++) {
      threeLetters.add(common.get(i % common.size()) + "*");
      words.add(commonWords.get(i % commonWords.size()));
    }
    return List.of(
        "/api/search?size=100&q=" + enc(String.join(" ", twoLetters)),
        "/api/search?size=100&q=" + enc(String.join(" ", threeLetters)),
        "/api/search?size=100&q=" + enc(String.join(" ", words)),
        "/api/search?sort=title&page=10&size=100",
        "/api/search?q=care&page=100&size=100",
        "/api/facets/tags?size=1000&q="
            + enc(String.join(" ", common.stream().map(p -> p + "*").toList())));
  }

  /** Starts {@code expensive} clients, {@code slowReaders} and {@code tricklers} connections. */
  HostileClients start(int expensive, int slowReaders, int tricklers) {
    List<String> requests = expensiveRequests();
    for (int c = 0; c < expensive; c++) {
      int first = c;
      run(
          "hostile-expensive-" + c,
          () -> {
            for (int i = first; !stop.get(); i++) expensive(requests.get(i % requests.size()));
          });
    }
    run("hostile-slow-readers", () -> slowReaders(slowReaders));
    run("hostile-tricklers", () -> tricklers(tricklers));
    return this;
  }

  private void run(String name, Runnable body) {
    threads.add(Thread.ofPlatform().daemon().name(name).start(body));
  }

  private void expensive(String request) {
    try {
      var answer =
          client.send(
              HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + request))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      expensiveStatuses
          .computeIfAbsent(answer.statusCode(), k -> new AtomicLong())
          .incrementAndGet();
      if (answer.body().contains("\"partial\":true")) expensivePartial.incrementAndGet();
    } catch (IOException e) {
      expensiveStatuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  /** Connections that pipeline 20 searches and never read; reopened when the server drops one. */
  private void slowReaders(int count) {
    String search = "GET /api/search?q=care&size=100 HTTP/1.1\r\nHost: x\r\n\r\n";
    var sockets = new Socket[count];
    while (!stop.get()) {
      for (int i = 0; i < count && !stop.get(); i++) {
        if (sockets[i] == null || !alive(sockets[i], search)) {
          close(sockets[i]);
          sockets[i] = open(search.repeat(20), 4096);
          if (sockets[i] != null) slowReaderConnections.incrementAndGet();
        }
      }
      pause(Duration.ofSeconds(2));
    }
    for (Socket s : sockets) close(s);
  }

  /**
   * Connections that send a request a byte every 8 s, staggered; reopened when the server closes
   * one.
   */
  private void tricklers(int count) {
    String head = "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\nX-Trickle: ";
    var sockets = new Socket[count];
    var due = new long[count];
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) due[i] = start + TRICKLE_EVERY.toNanos() * i / count;
    while (!stop.get()) {
      long now = System.nanoTime();
      for (int i = 0; i < count && !stop.get(); i++) {
        if (now < due[i]) continue;
        due[i] = now + TRICKLE_EVERY.toNanos();
        if (sockets[i] == null || !alive(sockets[i], "x")) {
          close(sockets[i]);
          sockets[i] = open(head, 0);
          if (sockets[i] != null) trickleConnections.incrementAndGet();
        }
      }
      pause(Duration.ofMillis(100));
    }
    for (Socket s : sockets) close(s);
  }

  /** Writes {@code bytes}; false when the server has closed the connection. */
  private static boolean alive(Socket socket, String bytes) {
    try {
      socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private Socket open(String first, int receiveBuffer) {
    try {
      var socket = new Socket();
      if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.getOutputStream().write(first.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return socket;
    } catch (IOException refused) {
      return null;
    }
  }

  private static void close(Socket socket) {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  /** What the expensive clients got, by status: {@code {200=…, 503=…}}. */
  String expensiveStatuses() {
    var sorted = new TreeMap<Integer, Long>();
    expensiveStatuses.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) t.join(35_000);
    client
        .close(); // its pooled connections, so the soak's descriptor count compares like with like
  }
}
