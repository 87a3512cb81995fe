package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sitesearch.http.TestServer.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} against the running server: a standard parser accepts it; it names every
 * route the server has and no other; and every operation in it, called with each of its parameters'
 * examples and with a wrong value for each typed parameter, answers a status the document lists,
 * with a body its schema accepts.
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir static Path workDir;
  static TestServer server;
  static JsonNode doc;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(workDir);
    Response r = server.get("/openapi.json");
    assertEquals(200, r.status());
    doc = JSON.readTree(r.body());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void a_standard_parser_accepts_the_document() throws IOException {
    var options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(doc), null, options);
    assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
    assertEquals(List.of(), result.getMessages());
    assertEquals("3.1.0", doc.get("openapi").asText());
  }

  @Test
  void the_document_names_every_route_of_the_server_and_no_other() {
    var served = new TreeSet<String>();
    for (String route : server.routes()) {
      String[] parts = route.split(" ", 2);
      String method = parts[0].toLowerCase();
      // HEAD answers as GET does, without the body; before and after handlers are no routes
      if (!List.of("get", "post", "put", "patch", "delete").contains(method)) continue;
      if (UiAssets.byRoute().containsKey(parts[1])) continue; // the page and its files
      served.add(method + " " + parts[1].replaceAll("<([^>]+)>", "{$1}"));
    }
    var documented = new TreeSet<String>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
    assertEquals(served, documented);
  }

  @Test
  void every_operation_answers_with_examples_as_documented() throws IOException {
    var failures = new ArrayList<String>();
    for (var path : iterable(doc.get("paths").fields())) {
      for (var op : iterable(path.getValue().fields())) {
        List<JsonNode> params = parameters(op.getValue());
        // every parameter's example at once, then each on its own
        call(path.getKey(), op.getKey(), op.getValue(), params, params, failures);
        for (JsonNode p : params) {
          if (p.get("in").asText().equals("query"))
            call(path.getKey(), op.getKey(), op.getValue(), params, List.of(p), failures);
        }
        // a wrong value for each typed query parameter: a 400 problem naming it
        for (JsonNode p : params) {
          String type = p.at("/schema/type").asText();
          if (!p.get("in").asText().equals("query")) continue;
          if (!type.equals("integer") && !type.equals("boolean") && !p.at("/schema/enum").isArray())
            continue;
          var others = new ArrayList<>(params);
          others.remove(p); // every other parameter as in its example, this one wrong
          String target = target(path.getKey(), params, others);
          target += (target.contains("?") ? "&" : "?") + p.get("name").asText() + "=not-a-" + type;
          Response r = send(op.getKey(), target, op.getValue());
          if (r.status() != 400
              || !r.body().contains("\"parameter\":\"" + p.get("name").asText())) {
            failures.add(op.getKey() + " " + target + ": " + r.status() + " " + r.body());
          } else {
            check(op.getKey() + " " + target, op.getValue(), r, failures);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void call(
      String path,
      String method,
      JsonNode op,
      List<JsonNode> all,
      List<JsonNode> chosen,
      List<String> failures) {
    String target = target(path, all, chosen);
    Response r = send(method, target, op);
    check(method + " " + target, op, r, failures);
  }

  private static Response send(String method, String target, JsonNode op) {
    boolean admin = op.has("security");
    return switch (method) {
      case "get" -> admin ? server.get(target, "Authorization", BEARER) : server.get(target);
      case "post" -> {
        JsonNode example = op.at("/requestBody/content/application~1json/example");
        String body = example.isMissingNode() ? "" : example.toString();
        yield TestServer.send(
            server
                .request(target, "Authorization", BEARER, "Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
      }
      default -> throw new AssertionError("method " + method);
    };
  }

  /** The status is one the operation lists, and the body matches that answer's schema. */
  private static void check(String call, JsonNode op, Response r, List<String> failures) {
    JsonNode answer = op.at("/responses/" + r.status());
    if (answer.isMissingNode()) {
      failures.add(call + ": undocumented status " + r.status() + " " + r.body());
      return;
    }
    if (answer.has("$ref")) answer = resolve(answer.get("$ref").asText());
    String type = r.header("Content-Type");
    if (type == null || !type.contains("json")) return;
    String mediaType =
        type.startsWith("application/problem+json")
            ? "application/problem+json"
            : "application/json";
    JsonNode schema = answer.at("/content/" + mediaType.replace("/", "~1") + "/schema");
    if (schema.isMissingNode()) {
      failures.add(
          call + ": " + r.status() + " answered " + type + ", which the document does not list");
      return;
    }
    var errors =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(standalone(schema), InputFormat.JSON)
            .validate(r.body(), InputFormat.JSON);
    if (!errors.isEmpty()) failures.add(call + ": " + errors + " in " + r.body());
  }

  /**
   * A JSON Schema of its own: the document's schemas as $defs, and the references pointed there.
   */
  private static String standalone(JsonNode schema) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("$defs", doc.at("/components/schemas"));
    root.setAll((ObjectNode) (schema.isObject() ? schema : JSON.createObjectNode()));
    try {
      return JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode resolve(String ref) {
    return doc.at(ref.substring(1));
  }

  private static List<JsonNode> parameters(JsonNode op) {
    var out = new ArrayList<JsonNode>();
    for (JsonNode p : op.path("parameters"))
      out.add(p.has("$ref") ? resolve(p.get("$ref").asText()) : p);
    return out;
  }

  /** The path with its parameters' examples, and the chosen query parameters' examples. */
  private static String target(String path, List<JsonNode> all, List<JsonNode> chosen) {
    String target = path;
    for (JsonNode p : all) {
      if (p.get("in").asText().equals("path"))
        target = target.replace("{" + p.get("name").asText() + "}", enc(p.get("example").asText()));
    }
    var query = new ArrayList<String>();
    for (JsonNode p : chosen) {
      if (!p.get("in").asText().equals("query") || !p.has("example")) continue;
      JsonNode example = p.get("example");
      if (example.isObject()) { // exploded: each property its own parameter
        for (var e : iterable(example.fields()))
          for (JsonNode v : e.getValue()) query.add(e.getKey() + "=" + enc(v.asText()));
      } else {
        query.add(p.get("name").asText() + "=" + enc(example.asText()));
      }
    }
    return query.isEmpty() ? target : target + "?" + String.join("&", query);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }
}
