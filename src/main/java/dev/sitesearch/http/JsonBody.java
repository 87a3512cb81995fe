package dev.sitesearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sitesearch.search.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request body that must be one JSON object of known fields, read strictly: too large is a 413,
 * not JSON or an unknown field a 400, and a field of the wrong type a 400 naming it (as {@link
 * Params} does for query parameters). Absent and {@code null} fields read as null.
 */
final class JsonBody {
  private static final ObjectReader ONE_VALUE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /** Reads the body, at most {@code maxBytes}, allowing only the {@code fields} named. */
  static JsonBody read(InputStream in, long maxBytes, Set<String> fields) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes)
      throw new ProblemException(
          413, "Request too large", "the request body is larger than " + maxBytes + " bytes");
    JsonNode root;
    try {
      root = tree(bytes);
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, "Bad request", "the body is not valid JSON");
    }
    if (root == null || !root.isObject())
      throw new ProblemException(400, "Bad request", "the body must be a JSON object");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name))
        throw ProblemException.badParameter(
            InvalidRequestException.shorten(name),
            "unknown field '"
                + InvalidRequestException.shorten(name)
                + "'; the fields are: "
                + String.join(", ", fields.stream().sorted().toList()));
    }
    return new JsonBody(root);
  }

  /**
   * The one JSON value that is the whole body (null when empty): a value followed by anything but
   * white space ({@code {…}garbage}, {@code {…}{}}) is not JSON, though a plain parser stops after
   * the first value and never looks. Every JSON body a request sends is read here.
   */
  static JsonNode tree(byte[] bytes) throws IOException {
    return bytes.length == 0 ? null : ONE_VALUE.readTree(bytes);
  }

  private JsonNode field(String name) {
    JsonNode v = root.get(name);
    return v == null || v.isNull() ? null : v;
  }

  String string(String name) {
    JsonNode v = field(name);
    if (v == null) return null;
    if (!v.isTextual()) throw ProblemException.badParameter(name, name + " must be a string");
    return v.asText();
  }

  List<String> strings(String name) {
    JsonNode v = field(name);
    if (v == null) return null;
    if (!v.isArray())
      throw ProblemException.badParameter(name, name + " must be a list of strings");
    var out = new ArrayList<String>();
    for (JsonNode item : v) {
      if (!item.isTextual())
        throw ProblemException.badParameter(name, name + " must be a list of strings");
      out.add(item.asText());
    }
    return out;
  }

  Long whole(String name, long min, long max) {
    JsonNode v = field(name);
    if (v == null) return null;
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max)
      throw ProblemException.badParameter(
          name, name + " must be a whole number from " + min + " to " + max);
    return v.asLong();
  }
}
