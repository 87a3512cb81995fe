package dev.sitesearch.http;

import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * A request whose body failed to arrive whole, told from a failure of the server's own: Jetty's
 * parser refused it (a malformed chunked encoding is its {@code HttpException} 400), it ended early
 * ({@code EofException}), or its connection was closed while the body trickled in ({@link
 * ConnectionGuard}'s request timeout). Each is the client's doing: a 4xx, logged in one line, never
 * a 500 with its stack.
 */
record BodyFailure(int status, String detail) {
  /** What went wrong with the request, or null when {@code e} is the server's own failure. */
  static BodyFailure of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500)
        return new BodyFailure(http.getCode(), "the request body is malformed or ended early");
      if (t instanceof EofException)
        return new BodyFailure(400, "the request body ended before its announced end");
      if (t instanceof ClosedChannelException && fromConnection(t))
        return new BodyFailure(408, "the request did not arrive whole in time; send it at once");
    }
    return null;
  }

  /** Whether the request's connection was closed, not a file the server reads (the index's). */
  private static boolean fromConnection(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("org.eclipse.jetty.") || type.equals(ConnectionGuard.class.getName()))
        return true;
    }
    return false;
  }
}
