package dev.sitesearch.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3.1 description, written once by hand in {@code
 * openapi.yaml} beside this class (YAML reads better in a review) and served as JSON.
 * OpenApiContractTest checks it with a standard parser, checks that it names every route, and calls
 * every operation and parameter in it, checking each answer against its schema.
 */
final class ApiDocRoutes {
  /**
   * Made on the first request for it: turning the 39 KB of YAML into JSON took about 50 ms of a
   * start that does not need it.
   */
  private static final class Document {
    static final String JSON = load();
  }

  void register(RoutesConfig routes) {
    HttpServer.getAndHead(routes, "/openapi.json", this::document);
  }

  private void document(Context ctx) {
    ctx.header("Cache-Control", SearchRoutes.CACHE_DOCUMENT)
        .header("Access-Control-Allow-Origin", "*") // a description is public: any tool may read it
        .contentType("application/json")
        .result(Document.JSON);
  }

  private static String load() {
    try (InputStream in = ApiDocRoutes.class.getResourceAsStream("openapi.yaml")) {
      if (in == null) throw new IllegalStateException("openapi.yaml is missing from the jar");
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return Json.write(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
