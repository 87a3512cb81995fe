package dev.sitesearch.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code logging:} section: how the server's log lines are written (one per request, per
 * reindex and per event worth knowing), on stderr.
 *
 * @param format {@code text} (one short line) or {@code json} (one JSON object per line, with the
 *     same fields: time, level, logger, message, and for requests and reindexes their figures as
 *     key-value pairs)
 * @param level the level of every logger, or null for the command's own ({@code info} for {@code
 *     serve}, {@code warn} for the others, which print their own report)
 * @param levels levels of single loggers or packages ({@code dev.sitesearch.http: debug})
 */
public record LoggingSettings(Format format, String level, Map<String, String> levels) {
  public enum Format {
    TEXT,
    JSON
  }

  static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
  public static final LoggingSettings DEFAULTS = new LoggingSettings(Format.TEXT, null, Map.of());

  public LoggingSettings {
    Objects.requireNonNull(format);
    levels = Map.copyOf(levels);
  }

  static LoggingSettings fromConfig(ConfigSection s) {
    s.allowOnly("format", "level", "levels");
    Format format =
        switch (s.string("format", "text").toLowerCase(Locale.ROOT)) {
          case "text" -> Format.TEXT;
          case "json" -> Format.JSON;
          default -> throw s.error("format", "expected text or json");
        };
    String level = level(s, "level", s.string("level", null));
    var levels = new LinkedHashMap<String, String>();
    ConfigSection named = s.section("levels");
    for (String logger : named.keys()) {
      levels.put(logger, level(named, logger, named.string(logger, "")));
    }
    return new LoggingSettings(format, level, levels);
  }

  private static String level(ConfigSection s, String key, String value) {
    if (value == null) return null;
    String v = value.toLowerCase(Locale.ROOT);
    // YAML reads a bare off as false
    if (v.equals("false")) v = "off";
    if (!LEVELS.contains(v))
      throw s.error(key, "expected one of trace, debug, info, warn, error, off");
    return v;
  }
}
