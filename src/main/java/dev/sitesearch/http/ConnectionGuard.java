package dev.sitesearch.http;

import dev.sitesearch.config.ServerLimits.Connections;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * What a connection may cost, whoever opens it ({@code server.limits}: {@code maxConnections},
 * {@code idleTimeout}, {@code requestTimeout}). Each connection holds a file descriptor and some
 * memory whether or not it sends anything, so:
 *
 * <ul>
 *   <li>at most {@code max} are open ({@link NetworkConnectionLimit}); beyond, new ones wait in the
 *       operating system's queue, and while it is full idle ones are closed after {@code
 *       idleWhenFull} instead of {@code idleTimeout}, making room;
 *   <li>one with nothing sent either way for {@code idleTimeout} is closed (Jetty's idle timeout);
 *   <li>a request must arrive whole within {@code requestTimeout} of its first byte. Jetty's idle
 *       timeout restarts with every byte, so a client sending one every few seconds would keep a
 *       connection, and its descriptor, forever; a sweep answers such a connection 408 and closes
 *       it (one whose body is still trickling in is closed without an answer: its request is being
 *       handled, and only the handler writes to it).
 * </ul>
 *
 * The sweep reads each connection's HTTP parser (Jetty's {@code HttpConnection}, an internal class
 * whose state says exactly whether a request is partway in and since when; a Jetty upgrade that
 * moves it breaks the build, not the guard).
 */
final class ConnectionGuard extends AbstractLifeCycle {
  private static final byte[] TIMED_OUT =
      ("HTTP/1.1 408 Request Timeout\r\n"
              + "Content-Type: "
              + Problem.CONTENT_TYPE
              + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
              + "Connection: close\r\nContent-Length: %d\r\n\r\n%s")
          .formatted(timedOutBody().length(), timedOutBody())
          .getBytes(StandardCharsets.UTF_8);

  private final Server server;
  private final Connections limits;
  private ScheduledExecutorService sweeper;

  private ConnectionGuard(Server server, Connections limits) {
    this.server = server;
    this.limits = limits;
  }

  /** Caps the connections of {@code server}'s connectors and starts and stops with it. */
  static void install(Server server, Connections limits) {
    var cap = new NetworkConnectionLimit(limits.max(), server);
    cap.setEndPointIdleTimeout(limits.idleWhenFull().toMillis());
    server.addBean(cap);
    server.addBean(new ConnectionGuard(server, limits));
  }

  @Override
  protected void doStart() {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof AbstractConnector c)
        c.setIdleTimeout(limits.idleTimeout().toMillis());
    }
    long period = sweepPeriod(limits).toMillis();
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sitesearch-request-timeout").factory());
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    sweeper.shutdownNow();
  }

  /**
   * Often enough that a request is cut off within a quarter of its timeout after it, and idle
   * connections are shortened soon after the cap is reached.
   */
  static Duration sweepPeriod(Connections limits) {
    Duration period = limits.requestTimeout().dividedBy(4);
    Duration half = limits.idleWhenFull().dividedBy(2);
    if (half.compareTo(period) < 0) period = half;
    if (period.compareTo(Duration.ofMillis(50)) < 0) return Duration.ofMillis(50);
    return period.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : period;
  }

  private void sweep() {
    long now = System.nanoTime();
    long limit = limits.requestTimeout().toNanos();
    int open = 0;
    for (Connector connector : server.getConnectors())
      open += connector.getConnectedEndPoints().size();
    boolean full = open >= limits.max();
    for (Connector connector : server.getConnectors()) {
      for (EndPoint endPoint : connector.getConnectedEndPoints()) {
        // The cap shortens idle timeouts when it is reached, but only of the connections already
        // open then: a burst is still being opened, and keeps the long timeout. Shorten it here.
        if (full && endPoint.getIdleTimeout() > limits.idleWhenFull().toMillis()) {
          endPoint.setIdleTimeout(limits.idleWhenFull().toMillis());
        }
        if (!(endPoint.getConnection() instanceof HttpConnection http)) continue;
        HttpParser parser = http.getParser();
        if (parser.isStart() || now - parser.getBeginNanoTime() <= limit) continue;
        if (parser.inHeaderState()) {
          // No request exists yet, so nothing else writes to the connection: say why it ends.
          endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(TIMED_OUT));
        } else if (parser.inContentState()) {
          endPoint.close(); // a body still trickling in while its request is being handled
        }
      }
    }
  }

  private static String timedOutBody() {
    return Json.write(
        new Problem(
            "about:blank",
            "Request timeout",
            408,
            "the request did not arrive whole in time; send it at once",
            null,
            null));
  }
}
