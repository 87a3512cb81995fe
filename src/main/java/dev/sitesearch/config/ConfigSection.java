package dev.sitesearch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One map of {@code sitesearch.yml} with typed readers. Each settings record reads its own section
 * from one of these ({@code fromConfig}, as nrtsearch's config classes do), so every check is
 * written once, here, and every error names the file and the dotted key: {@code sitesearch.yml:
 * server.limits.maxConcurrent: expected …}.
 *
 * <p>A reader takes the default to use when the key is absent; a key that is present with a value
 * of the wrong shape is always an error, never silently the default.
 */
final class ConfigSection {
  static final Pattern FIELD_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s)", Pattern.CASE_INSENSITIVE);

  private final Path file;
  private final String prefix;
  private final Map<String, Object> values;
  private final ConfigTrace trace;

  private ConfigSection(Path file, String prefix, Map<String, Object> values, ConfigTrace trace) {
    this.file = file;
    this.prefix = prefix;
    this.values = values;
    this.trace = trace;
  }

  /**
   * The top level of a file; {@code root} is what the YAML parser returned (null for an empty
   * file).
   */
  static ConfigSection root(Path file, Object root) {
    return root(file, root, ConfigTrace.NONE);
  }

  /** The top level, telling {@code trace} each key allowed and each setting read. */
  static ConfigSection root(Path file, Object root, ConfigTrace trace) {
    return new ConfigSection(file, "", root == null ? Map.of() : asMap(file, "", root), trace);
  }

  /** A section with no values: every reader answers its default. */
  static ConfigSection empty(String prefix) {
    return new ConfigSection(null, prefix, Map.of(), ConfigTrace.NONE);
  }

  Path file() {
    return file;
  }

  boolean has(String k) {
    return values.containsKey(k);
  }

  Set<String> keys() {
    return values.keySet();
  }

  String key(String k) {
    return prefix.isEmpty() ? k : prefix + "." + k;
  }

  ConfigException error(String k, String what) {
    String from = trace.origin(key(k));
    if (from != null) return new ConfigException(from + ": " + key(k) + ": " + what);
    return new ConfigException((file == null ? "" : file + ": ") + key(k) + ": " + what);
  }

  /** An error about the section as a whole. */
  ConfigException error(String what) {
    return new ConfigException((file == null ? "" : file + ": ") + prefix + ": " + what);
  }

  /**
   * Refuses any key not listed, so a typo is an error rather than a setting that silently does
   * nothing.
   */
  ConfigSection allowOnly(String... keys) {
    for (String k : keys) trace.allowed(key(k));
    Set<String> allowed = Set.of(keys);
    for (String k : values.keySet()) {
      if (!allowed.contains(k))
        throw error(k, "unknown key (allowed here: " + String.join(", ", keys) + ")");
    }
    return this;
  }

  /** The map under {@code k}, or an empty section when absent. */
  ConfigSection section(String k) {
    Object v = values.get(k);
    Map<String, Object> map = v == null ? Map.of() : asMap(file, key(k), v);
    return new ConfigSection(v == null ? null : file, key(k), map, trace);
  }

  /** Tells the trace the value in force for {@code k}: the one set, else the default. */
  private <T> T read(String k, T value, Object shown) {
    trace.read(key(k), values.containsKey(k), shown);
    return value;
  }

  String string(String k, String fallback) {
    Object v = values.get(k);
    if (v == null) return read(k, fallback, fallback);
    if (v instanceof Map || v instanceof List) throw error(k, "expected a single value");
    String value = String.valueOf(v).strip();
    return read(k, value, value);
  }

  /** A single value as written, spaces kept (a separator's matter); null when absent. */
  String verbatim(String k) {
    Object v = values.get(k);
    if (v == null) return null;
    if (v instanceof Map || v instanceof List) throw error(k, "expected a single value");
    String value = String.valueOf(v);
    return read(k, value, "\"" + value + "\""); // quoted, so `sitesearch config` shows its spaces
  }

  boolean bool(String k, boolean fallback) {
    Object v = values.get(k);
    if (v == null) return read(k, fallback, fallback);
    if (!(v instanceof Boolean b)) throw error(k, "expected true or false");
    return read(k, b, b);
  }

  int integer(String k, int fallback, int min, int max) {
    if (!values.containsKey(k)) return read(k, fallback, fallback);
    if (!(values.get(k) instanceof Integer i) || i < min || i > max) {
      throw error(k, "expected a whole number from " + min + " to " + max);
    }
    return read(k, i, i);
  }

  /**
   * A finite number in [min, max]; {@code what} describes it for the error ("a number of days").
   */
  double number(String k, double fallback, double min, double max, String what) {
    if (!values.containsKey(k)) return read(k, fallback, fallback);
    if (!(values.get(k) instanceof Number n)
        || !Double.isFinite(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw error(k, "expected " + what);
    }
    return read(k, n.doubleValue(), n);
  }

  /** A size such as {@code 5MB}, {@code 64 KB} or a byte count, within [min, max] bytes. */
  long size(String k, long fallback, long min, long max) {
    Object v = values.get(k);
    if (v == null) return read(k, fallback, human(fallback));
    var m = SIZE.matcher(String.valueOf(v).strip());
    if (!m.matches()) throw error(k, "expected a size such as 5MB, got '" + v + "'");
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long bytes;
    try {
      long n = Long.parseLong(m.group(1));
      bytes =
          switch (unit) {
            case "KB" -> Math.multiplyExact(n, 1024L);
            case "MB" -> Math.multiplyExact(n, 1024L * 1024);
            case "GB" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
            default -> n;
          };
    } catch (ArithmeticException | NumberFormatException e) {
      throw error(k, "'" + v + "' is too large; use a size such as 5MB");
    }
    if (bytes <= 0) throw error(k, "must be positive");
    if (bytes < min || bytes > max)
      throw error(k, "expected a size from " + human(min) + " to " + human(max));
    return read(k, bytes, v);
  }

  /** A duration such as {@code 2s} or {@code 500ms}, at most an hour. */
  Duration duration(String k, Duration fallback) {
    Object v = values.get(k);
    if (v == null) return read(k, fallback, fallback == null ? null : human(fallback));
    var m = DURATION.matcher(String.valueOf(v).strip());
    if (!m.matches()) throw error(k, "expected a duration such as 2s or 500ms");
    long n = Long.parseLong(m.group(1));
    if (n > 3_600_000) throw error(k, "expected a duration of at most an hour");
    return read(
        k, m.group(2).equalsIgnoreCase("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n), v);
  }

  List<String> strings(String k, List<String> fallback) {
    Object v = values.get(k);
    if (v == null) return read(k, fallback, fallback);
    if (!(v instanceof List<?> list)) throw error(k, "expected a list");
    var out = new ArrayList<String>();
    for (Object o : list) {
      if (o == null || o instanceof Map || o instanceof List)
        throw error(k, "expected a list of plain values");
      out.add(String.valueOf(o).strip());
    }
    return read(k, List.copyOf(out), out);
  }

  /** A list of distinct front-matter field paths ({@code link.brand}). */
  List<String> paths(String k, List<String> fallback) {
    if (!values.containsKey(k)) return read(k, fallback, fallback);
    List<String> out = strings(k, List.of());
    for (String p : out) {
      if (!FIELD_PATH.matcher(p).matches())
        throw error(k, "'" + p + "' is not a field path such as link.brand");
    }
    if (out.size() != Set.copyOf(out).size()) throw error(k, "lists a field twice");
    return out;
  }

  /** A path relative to the config file's folder (or the working folder without a file). */
  Path file(String k, Path fallback) {
    String name = string(k, null);
    if (name == null || name.isEmpty()) return fallback;
    Path base = file == null ? null : file.toAbsolutePath().getParent();
    return base == null ? Path.of(name) : base.resolve(name);
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String human(long bytes) {
    if (bytes % (1024L * 1024) == 0) return bytes / (1024L * 1024) + "MB";
    if (bytes % 1024 == 0) return bytes / 1024 + "KB";
    return bytes + "B";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Path file, String key, Object o) {
    if (o instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String))
          throw new ConfigException(file + ": " + key + ": keys must be strings");
      }
      return new LinkedHashMap<>((Map<String, Object>) m);
    }
    throw new ConfigException(
        file + ": " + (key.isEmpty() ? "top level" : key) + ": expected a map");
  }
}
