package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.search.EngineUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Solr's HTTP API on a list of nodes. Any node of a SolrCloud routes a request to the live replicas
 * of the collection it names (and an update to the shards' leaders), so the client needs no cluster
 * state of its own: it asks the nodes in turn, starting with the next one each time, and a node
 * that cannot be reached (or answers 503, as a node leaving does) is skipped for {@link #DOWN_FOR}
 * before it is tried again. Only when every node fails does a call fail, with {@link
 * EngineUnavailableException}. Solr's own refusals (a bad request, a missing collection) are {@link
 * SolrException}s carrying Solr's message. Thread-safe.
 */
public final class SolrNodes {
  /** How long a node that failed is left out of the rotation. */
  static final Duration DOWN_FOR = Duration.ofSeconds(5);

  static final ObjectMapper JSON = new ObjectMapper();

  /** Solr's answer with an error status, and its message. */
  public static final class SolrException extends IOException {
    private final int status;

    SolrException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final List<URI> nodes;
  private final HttpClient http;
  private final Duration timeout;
  private final AtomicInteger next = new AtomicInteger();
  private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();

  /**
   * @param nodes the nodes' base URLs ({@code http://host:8983/solr})
   * @param timeout how long one request to one node may take
   */
  public SolrNodes(List<URI> nodes, Duration timeout) {
    if (nodes.isEmpty()) throw new IllegalArgumentException("no Solr node");
    this.nodes = List.copyOf(nodes);
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public List<URI> nodes() {
    return nodes;
  }

  /** GET {@code path} (below the node's base URL) with {@code params}; the JSON answer. */
  public JsonNode get(String path, Map<String, ?> params) throws IOException {
    return send(path + "?" + query(params), null, null);
  }

  /** POST a JSON body to {@code path}. */
  public JsonNode postJson(String path, Map<String, ?> params, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    return send(path + "?" + query(params), "application/json", bytes);
  }

  /** POST raw bytes ({@code contentType}) to {@code path}. */
  public JsonNode postBytes(String path, Map<String, ?> params, String contentType, byte[] body)
      throws IOException {
    return send(path + "?" + query(params), contentType, body);
  }

  private JsonNode send(String pathAndQuery, String contentType, byte[] body) throws IOException {
    IOException last = null;
    int start = Math.floorMod(next.getAndIncrement(), nodes.size());
    // Live nodes first, in rotation; nodes marked down only when no live one answered.
    var order = new ArrayList<URI>();
    var down = new ArrayList<URI>();
    long now = System.nanoTime();
    for (int i = 0; i < nodes.size(); i++) {
      URI node = nodes.get((start + i) % nodes.size());
      Long until = downUntil.get(node);
      (until != null && until - now > 0 ? down : order).add(node);
    }
    order.addAll(down);
    for (URI node : order) {
      try {
        JsonNode answer = once(node, pathAndQuery, contentType, body);
        downUntil.remove(node);
        return answer;
      } catch (SolrException e) {
        if (e.status() != 503 && e.status() != 502) throw e;
        last = e; // a node going away, or one that cannot reach a shard yet: try another
        markDown(node);
      } catch (ConnectException | HttpTimeoutException e) {
        last = e;
        markDown(node);
      } catch (IOException e) {
        last = e; // connection reset while the node stops
        markDown(node);
      }
    }
    throw new EngineUnavailableException(
        "no Solr node answered (" + nodes.size() + " tried): " + last.getMessage(), last);
  }

  private void markDown(URI node) {
    downUntil.put(node, System.nanoTime() + DOWN_FOR.toNanos());
  }

  private JsonNode once(URI node, String pathAndQuery, String contentType, byte[] body)
      throws IOException {
    var request =
        HttpRequest.newBuilder(URI.create(node + pathAndQuery))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (body == null) request.GET();
    else
      request
          .header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      if (response.statusCode() >= 300)
        throw new SolrException(response.statusCode(), "HTTP " + response.statusCode());
      throw e;
    }
    if (response.statusCode() >= 300 || json.path("error").isObject()) {
      String message = json.path("error").path("msg").asText("HTTP " + response.statusCode());
      int status = json.path("error").path("code").asInt(response.statusCode());
      throw new SolrException(status, message);
    }
    return json;
  }

  /** Parameters as a query string; a list value repeats its parameter. */
  static String query(Map<String, ?> params) {
    return params.entrySet().stream()
        .flatMap(
            e ->
                (e.getValue() instanceof List<?> list ? list : List.of(e.getValue()))
                    .stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
