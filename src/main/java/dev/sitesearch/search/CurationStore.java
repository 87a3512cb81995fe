package dev.sitesearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitesearch.search.CurationChange.Action;
import dev.sitesearch.search.CurationChange.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curation history in one JSON file ({@code {"format": 1, "changes": [...]}}), beside the index
 * folder rather than in it: the index folder is the {@code IndexWriter}'s, and is deleted and
 * rebuilt by whoever wants a fresh index, which must not lose the editors' work.
 *
 * <p>Each save writes the whole history to a temporary file beside it, forces it to disk and moves
 * it over the old one atomically (then forces the folder), so a crash at any moment leaves the old
 * history or the new one, never a mix. A file that cannot be read at start is never overwritten: it
 * is moved aside ({@code <name>.unreadable-<time>}) and logged, and the server starts from the
 * config's rules alone.
 */
final class CurationStore {
  private static final Logger LOG = LoggerFactory.getLogger(CurationStore.class);
  static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter ASIDE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path file;

  CurationStore(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * What the file holds.
   *
   * @param changes the history, oldest first
   * @param problem null, or why the file could not be read and where it was put (its name only)
   */
  record Loaded(List<CurationChange> changes, String problem) {}

  /**
   * Reads the history. An unreadable file gives an empty history and the problem; with {@code
   * keepAside} it is also moved aside, so the next save does not overwrite it.
   */
  Loaded load(boolean keepAside, Instant now) {
    if (Files.notExists(file)) return new Loaded(List.of(), null);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(List.of(), null);
    } catch (IOException e) {
      return unreadable(e.getClass().getSimpleName(), keepAside, now, e);
    }
    try {
      return new Loaded(parse(bytes), null);
    } catch (JsonProcessingException e) {
      return unreadable("not JSON: " + e.getOriginalMessage(), keepAside, now, e);
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      return unreadable(e.getMessage(), keepAside, now, e);
    }
  }

  private Loaded unreadable(String reason, boolean keepAside, Instant now, Exception cause) {
    String name = file.getFileName().toString();
    String aside = name + ".unreadable-" + ASIDE_TIME.format(now);
    for (int n = 2; Files.exists(file.resolveSibling(aside)); n++) {
      aside = name + ".unreadable-" + ASIDE_TIME.format(now) + "-" + n; // never over an older one
    }
    String kept = "";
    if (keepAside) {
      try {
        Files.move(file, file.resolveSibling(aside), StandardCopyOption.ATOMIC_MOVE);
        kept = "; it was kept aside as " + aside;
      } catch (IOException e) {
        cause.addSuppressed(e);
        kept = "; it could not be moved aside, so edits are refused until it is fixed or removed";
      }
    }
    // A file that does not parse says all in the reason; a failure to read may need its trace.
    boolean parse = cause instanceof JsonProcessingException || !(cause instanceof IOException);
    LOG.error(
        "cannot read the curation history {} ({}){}; curation starts from the config's rules alone",
        file,
        reason,
        kept,
        parse ? null : cause);
    String problem =
        "the curation history "
            + name
            + " could not be read at start ("
            + InvalidRequestException.shorten(reason == null ? "" : reason)
            + ")"
            + kept
            + "; curation starts from the config's rules alone";
    return new Loaded(List.of(), problem);
  }

  /** Whether a save may write the file: false when an unreadable one is still in its place. */
  boolean writable(Loaded loaded) {
    return loaded.problem() == null || !Files.exists(file);
  }

  static List<CurationChange> parse(byte[] bytes) throws IOException {
    JsonNode root = MAPPER.readTree(bytes);
    if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
    if (root.path("format").asInt(-1) != FORMAT)
      throw new IllegalArgumentException("unknown format " + root.path("format"));
    JsonNode changes = root.path("changes");
    if (!changes.isArray()) throw new IllegalArgumentException("no list of changes");
    var out = new ArrayList<CurationChange>();
    for (JsonNode c : changes) {
      long version = c.path("version").asLong(0);
      if (version != out.size() + 1)
        throw new IllegalArgumentException(
            "change " + (out.size() + 1) + " has version " + c.path("version"));
      Action action = Action.named(c.path("action").asText(""));
      Kind kind = Kind.named(c.path("kind").asText(""));
      if (action == null || kind == null)
        throw new IllegalArgumentException("change " + version + " has no action or kind");
      out.add(
          new CurationChange(
              version,
              text(c, "editor", version),
              Instant.parse(text(c, "at", version)),
              action,
              kind,
              c.hasNonNull("query") ? c.get("query").asText() : null,
              strings(c.path("ids")),
              strings(c.path("words")),
              c.hasNonNull("position") ? c.get("position").asInt() : null,
              c.hasNonNull("undoes") ? c.get("undoes").asLong() : null));
      if (kind != Kind.SYNONYM && action != Action.UNDO && out.getLast().query() == null)
        throw new IllegalArgumentException("change " + version + " has no query");
    }
    return out;
  }

  private static String text(JsonNode c, String field, long version) {
    JsonNode v = c.get(field);
    if (v == null || !v.isTextual())
      throw new IllegalArgumentException("change " + version + " has no " + field);
    return v.asText();
  }

  private static List<String> strings(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** Replaces the file with {@code history}, atomically. */
  void save(List<CurationChange> history) throws IOException {
    ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT);
    ArrayNode changes = root.putArray("changes");
    for (CurationChange c : history) {
      ObjectNode n = changes.addObject();
      n.put("version", c.version()).put("editor", c.editor()).put("at", c.at().toString());
      n.put("action", c.action().lowerCase()).put("kind", c.kind().lowerCase());
      if (c.query() != null) n.put("query", c.query());
      if (!c.ids().isEmpty()) c.ids().forEach(n.putArray("ids")::add);
      if (!c.words().isEmpty()) c.words().forEach(n.putArray("words")::add);
      if (c.position() != null) n.put("position", c.position());
      if (c.undoes() != null) n.put("undoes", c.undoes());
    }
    byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) out.write(buffer);
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    forceFolder(folder);
  }

  /** Makes the rename itself durable; not every system lets a folder be opened to force it. */
  private static void forceFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force the folder {}", folder, e);
    }
  }
}
