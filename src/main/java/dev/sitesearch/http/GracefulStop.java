package dev.sitesearch.http;

import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * How the HTTP server stops: it closes its port, answers requests that still arrive on open
 * connections 503, and lets the requests already being handled finish, waiting for them at most
 * {@link #GRACE}; then it closes what is left. A search takes milliseconds and is cut at the search
 * time limit, so only a slow client reading a large answer is ever cut off.
 */
final class GracefulStop {
  static final Duration GRACE = Duration.ofSeconds(10);

  private GracefulStop() {}

  static void install(Server server) {
    server.insertHandler(new GracefulHandler());
    server.setStopTimeout(GRACE.toMillis());
  }
}
