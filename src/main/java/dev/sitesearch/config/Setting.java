package dev.sitesearch.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One setting in force, as {@code sitesearch config} prints it.
 *
 * @param key the dotted key ({@code server.limits.maxQueueWait})
 * @param value the value, as it would be written in the file; secrets masked
 * @param source {@code default}, {@code file}, {@code environment SITESEARCH_…} or {@code flag --…}
 */
public record Setting(String key, String value, String source) {
  /** Shown as {@code ****} when set: tokens, passwords, secrets. */
  static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("token") || k.endsWith("password") || k.endsWith("secret");
  }

  static String show(String key, Object value) {
    if (value == null) return "(none)";
    if (secret(key)) return "****";
    if (value instanceof List<?> list)
      return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    return String.valueOf(value);
  }
}
