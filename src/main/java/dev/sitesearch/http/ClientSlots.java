package dev.sitesearch.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each client has in flight, capped ({@code server.rateLimit.maxConcurrent}): so
 * one client, or a few, cannot take every one of the server's slots while others wait. A client's
 * entry is dropped when its last request ends, so memory follows the clients active now.
 */
final class ClientSlots {
  private final int perClient;
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  ClientSlots(int perClient) {
    if (perClient < 1) throw new IllegalArgumentException("at least one request per client");
    this.perClient = perClient;
  }

  /** Takes one of {@code client}'s slots; false, taking nothing, when it has none left. */
  boolean tryAcquire(String client) {
    boolean[] taken = {false};
    inFlight.compute(
        client,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= perClient) return count;
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  /** Gives back a slot taken by {@link #tryAcquire}. */
  void release(String client) {
    inFlight.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Clients with a request in flight. */
  int clients() {
    return inFlight.size();
  }
}
