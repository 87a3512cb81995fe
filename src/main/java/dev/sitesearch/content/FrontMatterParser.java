package dev.sitesearch.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a page into front matter and body, as Hugo does: YAML between {@code ---} lines, TOML
 * between {@code +++} lines, or a JSON object at the very start; a page may have none. Keys are
 * case-insensitive and keys without a value absent, as in Hugo ({@link FrontMatterKeys}).
 *
 * <p>YAML is read by a {@link YamlLoader} (safe types only, limits on aliases, nesting and size),
 * JSON and TOML with a nesting limit, so a hostile page fails fast instead of eating the heap.
 * Thread-safe: one YAML loader per thread, since snakeyaml's is not.
 */
public final class FrontMatterParser {
  static final int MAX_DEPTH = 50;
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final ObjectMapper JSON = jsonMapper();
  private static final TomlMapper TOML = new TomlMapper();

  /** A loader per thread: building one is costly and snakeyaml's must not be shared. */
  private final ThreadLocal<YamlLoader> yaml;

  public FrontMatterParser(long maxFileBytes) {
    int maxChars = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1024, maxFileBytes));
    this.yaml = ThreadLocal.withInitial(() -> new YamlLoader(maxChars, MAX_DEPTH));
  }

  public FrontMatter parse(String text) throws FrontMatterException {
    if (startsWithFence(text, "---")) return yaml(text);
    if (startsWithFence(text, "+++")) return toml(text);
    if (text.startsWith("{")) return json(text);
    return new FrontMatter(Map.of(), FrontMatter.Format.NONE, text);
  }

  private static boolean startsWithFence(String text, String fence) {
    if (!text.startsWith(fence)) return false;
    int end = text.indexOf('\n');
    String line = (end < 0 ? text : text.substring(0, end)).strip();
    return line.equals(fence);
  }

  /**
   * Finds the closing fence line; returns {start of block, start of closing line, start of body}.
   */
  private static int[] block(String text, String fence, String alternative)
      throws FrontMatterException {
    int start = text.indexOf('\n') + 1;
    if (start == 0)
      throw new FrontMatterException(
          "front matter opened with " + fence + " is never closed", 1, 1);
    int pos = start;
    while (pos <= text.length()) {
      int eol = text.indexOf('\n', pos);
      int lineEnd = eol < 0 ? text.length() : eol;
      String line = text.substring(pos, lineEnd).strip();
      if (line.equals(fence) || line.equals(alternative)) {
        return new int[] {start, pos, eol < 0 ? text.length() : eol + 1};
      }
      if (eol < 0) break;
      pos = eol + 1;
    }
    throw new FrontMatterException(
        "front matter opened with "
            + fence
            + " on line 1 is never closed: add a line "
            + fence
            + " after it",
        1,
        1);
  }

  private FrontMatter yaml(String text) throws FrontMatterException {
    int[] b = block(text, "---", "...");
    String source = text.substring(b[0], b[1]);
    Object data;
    try {
      data = yaml.get().load(source);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new FrontMatterException(
          "invalid YAML front matter: " + clean(problem),
          mark == null ? 0 : mark.getLine() + 2,
          mark == null ? 0 : mark.getColumn() + 1);
    } catch (YAMLException e) {
      throw new FrontMatterException("invalid YAML front matter: " + clean(e.getMessage()), 0, 0);
    } catch (StackOverflowError e) {
      throw new FrontMatterException("YAML front matter nests too deeply", 0, 0);
    }
    return new FrontMatter(asMap(data, "YAML"), FrontMatter.Format.YAML, text.substring(b[2]));
  }

  private FrontMatter toml(String text) throws FrontMatterException {
    int[] b = block(text, "+++", "+++");
    String source = text.substring(b[0], b[1]);
    try {
      Map<String, Object> data = FrontMatterKeys.normalise(TOML.readValue(source, MAP));
      return new FrontMatter(data, FrontMatter.Format.TOML, text.substring(b[2]));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new FrontMatterException(
          "invalid TOML front matter: " + clean(e.getOriginalMessage()),
          loc == null ? 0 : loc.getLineNr() + 1,
          loc == null ? 0 : loc.getColumnNr());
    } catch (IOException | RuntimeException e) {
      throw new FrontMatterException("invalid TOML front matter: " + clean(e.getMessage()), 0, 0);
    }
  }

  private FrontMatter json(String text) throws FrontMatterException {
    try (JsonParser parser = JSON.createParser(text)) {
      Map<String, Object> data = FrontMatterKeys.normalise(parser.readValueAs(MAP));
      int end = (int) parser.currentLocation().getCharOffset();
      String body = text.substring(Math.min(end, text.length()));
      return new FrontMatter(data, FrontMatter.Format.JSON, body);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new FrontMatterException(
          "invalid JSON front matter: " + clean(e.getOriginalMessage()),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    } catch (IOException | RuntimeException e) {
      throw new FrontMatterException("invalid JSON front matter: " + clean(e.getMessage()), 0, 0);
    }
  }

  private static Map<String, Object> asMap(Object data, String format) throws FrontMatterException {
    if (data == null) return Map.of();
    if (!(data instanceof Map<?, ?> map)) {
      throw new FrontMatterException(
          format
              + " front matter must be a map of keys to values, not a "
              + (data instanceof List ? "list" : "single value"),
          2,
          1);
    }
    return FrontMatterKeys.normalise(map);
  }

  /**
   * Parser messages sometimes carry source excerpts over several lines; one line reads better in a
   * report.
   */
  private static String clean(String message) {
    if (message == null) return "unreadable";
    String oneLine = message.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  private static ObjectMapper jsonMapper() {
    var mapper = new ObjectMapper();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    // The body follows the object: stop after it rather than complaining about trailing content.
    mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return mapper;
  }
}
