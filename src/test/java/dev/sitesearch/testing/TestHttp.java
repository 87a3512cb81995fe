package dev.sitesearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The plain HTTP calls the server tests make: one client for all (HTTP/1.1, as browsers and proxies
 * mostly speak to a site), query strings, JSON, and raw requests the JDK client would refuse to
 * send.
 */
public final class TestHttp {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestHttp() {}

  /** A request for {@code url} with these header names and values, in pairs. */
  public static HttpRequest.Builder request(String url, String... headerPairs) {
    var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headerPairs.length; i += 2)
      builder.header(headerPairs[i], headerPairs[i + 1]);
    return builder;
  }

  /** Sends the request and reads the answer as UTF-8 text; an I/O failure fails the test. */
  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code k1=v1&k2=v2...}, each part URL-encoded. */
  public static String query(String... keyValues) {
    var parts = new ArrayList<String>();
    for (int i = 0; i < keyValues.length; i += 2) {
      parts.add(enc(keyValues[i]) + "=" + enc(keyValues[i + 1]));
    }
    return String.join("&", parts);
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** An answer's body as JSON; anything else fails the test, naming the status. */
  public static JsonNode json(int status, String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + status + "): " + body, e);
    }
  }

  /**
   * Sends {@code request} as raw bytes to the server on this machine's {@code port} and reads the
   * whole answer.
   */
  public static String raw(int port, String request) {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET target} sent exactly as given (no normalisation), with these extra header lines. */
  public static String rawGet(int port, String target, String... headerLines) {
    var head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headerLines) head.append(h).append("\r\n");
    return raw(port, head.append("Connection: close\r\n\r\n").toString());
  }
}
