package dev.sitesearch.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Tells whether a request's connection pipelines: its client sent the next request before it read
 * this one's answer. No browser does (every browser turned HTTP/1.1 pipelining off years ago), nor
 * do proxies towards their backends; a client that sends a batch of searches and never reads is the
 * slow-reader attack (issue 12). Its answers go into the socket buffers, so it is answered at full
 * speed, and from one address it cannot be told apart from the visitors behind a proxy. Telling it
 * by its connection lets such searches take only spare capacity ({@link SearchGate.Turn#SPARE}).
 *
 * <p>Seen from the server: while a request is handled, bytes of the next one are already in the
 * connection's buffer. Once seen, the connection counts as pipelining for the rest of its life (the
 * last request of a batch has no bytes behind it). Reads Jetty's {@code HttpConnection}, an
 * internal class, as {@link ConnectionGuard} does.
 */
final class Pipelining {
  private static final String SEEN = "dev.sitesearch.pipelining";

  private Pipelining() {}

  static boolean seen(Context ctx) {
    var request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request == null || !(request.getConnectionMetaData() instanceof HttpConnection http)) {
      return false; // HTTP/2 multiplexes by design; only HTTP/1 pipelines
    }
    if (http.getAttribute(SEEN) != null) return true;
    if (http.isRequestBufferEmpty()) return false;
    http.setAttribute(SEEN, Boolean.TRUE);
    return true;
  }
}
