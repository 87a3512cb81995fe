package dev.sitesearch.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it cannot parse, such as a malformed percent-encoding or a
 * NUL in the path, never reaches Javalin's routes) as problem+json like every other error, without
 * Jetty's message or stack.
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** Every method: Jetty writes a body for GET, POST and HEAD only, and a bare answer else. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String detail =
        code == 400
            ? "the request could not be read: check the URL's encoding and the headers"
            : code == 414
                ? "the URL is too long"
                : code == 431 ? "the request headers are too large" : "request failed";
    var problem = new Problem("about:blank", HttpServer.title(code), code, detail, null, null);
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    SecurityHeaders.apply(response.getHeaders()::put);
    response.write(
        true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
  }
}
