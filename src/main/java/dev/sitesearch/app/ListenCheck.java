package dev.sitesearch.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether the server can listen where it is told to, asked before anything else is done: a port in
 * use is found in milliseconds, not after the index was built. The address is bound and let go at
 * once (with address reuse on, as Jetty binds it, so a port some closed connection still lingers on
 * counts as free); another process may still take it in between, which the real start reports the
 * same way.
 */
public final class ListenCheck {
  private ListenCheck() {}

  /** Throws an {@link IOException} whose message says, in one line, why it cannot listen. */
  public static void ensureFree(String host, int port) throws IOException {
    if (port == 0) return; // any free port
    var address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IOException("cannot listen on " + where(host, port) + ": unknown host " + host);
    }
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
    } catch (BindException e) {
      throw inUse(host, port, e);
    }
  }

  /** The one-line error for an address that cannot be bound. */
  static IOException inUse(String host, int port, Exception cause) {
    String why = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase();
    String reason =
        why.contains("permission") || why.contains("access")
            ? "permission denied (ports below 1024 need privileges)"
            : why.contains("assign") || why.contains("not available")
                ? "no such address on this machine"
                : "the address is already in use (another server on that port? choose another"
                    + " with --port or server.port)";
    return new IOException("cannot listen on " + where(host, port) + ": " + reason, cause);
  }

  static String where(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
