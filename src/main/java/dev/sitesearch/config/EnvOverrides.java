package dev.sitesearch.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Settings from the environment: {@code SITESEARCH_} and the key's path in upper snake case ({@code
 * server.limits.maxQueueWait} → {@code SITESEARCH_SERVER_LIMITS_MAX_QUEUE_WAIT}), set over the
 * file's value, as containers and systemd units set a service's settings. A value is read as YAML,
 * as in the file ({@code 2s}, {@code 8080}, {@code [a, b]}, {@code {title: 3}}), except secrets,
 * taken as they are. {@code SITESEARCH_ADMIN_TOKEN} is the older name of {@code
 * SITESEARCH_SERVER_ADMIN_TOKEN}. A {@code SITESEARCH_} variable that names no setting is an error,
 * as an unknown key in the file is.
 */
final class EnvOverrides {
  static final String PREFIX = "SITESEARCH_";

  private EnvOverrides() {}

  /** Every key the config takes, by the environment variable that sets it. */
  static Map<String, String> variables() {
    var trace = new ConfigTrace(Map.of(), true);
    SitesearchConfig.fromConfig(ConfigSection.root(null, null, trace));
    var byName = new TreeMap<String, String>();
    for (String key : trace.allowedKeys()) byName.put(name(key), key);
    byName.put(ConfigLoader.ADMIN_TOKEN_ENV, "server.adminToken");
    return byName;
  }

  /** {@code server.limits.maxQueueWait} → {@code SITESEARCH_SERVER_LIMITS_MAX_QUEUE_WAIT}. */
  static String name(String key) {
    String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return PREFIX + snake.toUpperCase(Locale.ROOT);
  }

  /**
   * {@code tree} (the file's top-level map, or null) with the environment's settings put in; {@code
   * origins} learns each key set so, with the variable's name.
   */
  static Map<String, Object> apply(
      Map<String, Object> tree, Map<String, String> env, Map<String, String> origins) {
    var out = tree == null ? new LinkedHashMap<String, Object>() : deepCopy(tree);
    Map<String, String> known = null;
    for (var e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(PREFIX)) continue;
      if (known == null) known = variables();
      String key = known.get(name);
      if (key == null) {
        throw new ConfigException(
            "environment "
                + name
                + ": no such setting (SITESEARCH_ and a key's path in upper snake case, such as"
                + " SITESEARCH_SERVER_PORT; `sitesearch config` lists them)");
      }
      String text = e.getValue();
      if (name.equals(ConfigLoader.ADMIN_TOKEN_ENV) && env.containsKey(name(key))) continue;
      if (text == null || text.isBlank()) continue; // an empty variable sets nothing
      put(out, key, Setting.secret(key) ? text.strip() : yaml(name, text), name);
      origins.put(key, "environment " + name);
    }
    return out;
  }

  private static Object yaml(String name, String text) {
    try {
      var options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setNestingDepthLimit(20);
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new ConfigException("environment " + name + ": not a YAML value: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String key, Object value, String name) {
    String[] parts = key.split("\\.");
    Map<String, Object> map = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = map.get(parts[i]);
      if (next == null) {
        next = new LinkedHashMap<String, Object>();
        map.put(parts[i], next);
      } else if (!(next instanceof Map)) {
        throw new ConfigException(
            "environment " + name + ": the file sets " + parts[i] + " to a value, not a section");
      }
      map = (Map<String, Object>) next;
    }
    map.put(parts[parts.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    var copy = new LinkedHashMap<String, Object>();
    map.forEach(
        (k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }
}
