package dev.sitesearch.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading a config saw: where each value set came from (the file, or an environment variable),
 * and, when recording, every key allowed and every setting read with the value in force. The
 * records read themselves ({@code fromConfig}), so a recording pass knows every key without a
 * second list of them to keep in step: {@link EnvOverrides} finds the keys there, {@code sitesearch
 * config} the effective values.
 */
final class ConfigTrace {
  static final ConfigTrace NONE = new ConfigTrace(Map.of(), false);

  private final Map<String, String> origins;
  private final boolean recording;
  private final Set<String> allowed = new LinkedHashSet<>();
  private final Map<String, Setting> read = new LinkedHashMap<>();

  /** {@code origins}: dotted key → where its value came from, for values not from the file. */
  ConfigTrace(Map<String, String> origins, boolean recording) {
    this.origins = Map.copyOf(origins);
    this.recording = recording;
  }

  String origin(String key) {
    return origins.get(key);
  }

  void allowed(String key) {
    if (recording) allowed.add(key);
  }

  void read(String key, boolean set, Object shown) {
    if (!recording) return;
    String source = !set ? "default" : origins.getOrDefault(key, "file");
    read.put(key, new Setting(key, Setting.show(key, shown), source));
  }

  Set<String> allowedKeys() {
    return allowed;
  }

  List<Setting> settings() {
    return List.copyOf(read.values());
  }
}
