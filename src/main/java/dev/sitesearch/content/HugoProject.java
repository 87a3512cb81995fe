package dev.sitesearch.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Finds the Hugo project a content folder belongs to and reads its configuration as Hugo does: the
 * first of {@code hugo.toml|yaml|yml|json} and {@code config.toml|yaml|yml|json} in the project
 * folder, then every file of {@code config/_default/} and {@code config/production/} on top (a file
 * there is named after the key it sets, {@code languages.toml}, {@code params.fr.toml}; {@code
 * hugo.*} and {@code config.*} set the top level). Keys are case-insensitive in Hugo, so every key
 * is read in lower case. {@code hugo} builds with the {@code production} environment, which is the
 * one read here.
 */
public final class HugoProject {
  private static final List<String> NAMES = List.of("hugo", "config");
  private static final List<String> EXTENSIONS = List.of("toml", "yaml", "yml", "json");
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private HugoProject() {}

  /** Whether {@code dir} holds a Hugo configuration. */
  public static boolean isProject(Path dir) {
    if (Files.isDirectory(dir.resolve("config").resolve("_default"))) return true;
    for (String name : NAMES) {
      for (String ext : EXTENSIONS) {
        if (Files.isRegularFile(dir.resolve(name + "." + ext))) return true;
      }
    }
    return false;
  }

  /**
   * The nearest folder at or above {@code contentDir} that holds a Hugo configuration, or empty for
   * a bare folder of Markdown. A candidate must also claim the content folder (see {@link
   * HugoSite#claims}), so a stray {@code config.toml} higher up is not taken for the site.
   */
  public static Optional<Path> find(Path contentDir) throws HugoConfigException {
    Path real;
    try {
      real = contentDir.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path dir = real; dir != null; dir = dir.getParent()) {
      if (isProject(dir) && HugoSite.read(dir).claims(real)) return Optional.of(dir);
    }
    return Optional.empty();
  }

  /** The merged configuration of the project in {@code root}, keys in lower case. */
  static Map<String, Object> read(Path root) throws HugoConfigException {
    var merged = new LinkedHashMap<String, Object>();
    for (String name : NAMES) {
      Optional<Path> file = firstExisting(root, name);
      if (file.isPresent()) {
        merge(merged, parse(root, file.get()));
        break;
      }
    }
    for (String dir : List.of("_default", PageMatcher.ENVIRONMENT)) {
      Path configDir = root.resolve("config").resolve(dir);
      if (!Files.isDirectory(configDir)) continue;
      for (Path file : configFiles(configDir)) merge(merged, nested(root, file));
    }
    return merged;
  }

  private static Optional<Path> firstExisting(Path root, String name) {
    for (String ext : EXTENSIONS) {
      Path p = root.resolve(name + "." + ext);
      if (Files.isRegularFile(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  private static List<Path> configFiles(Path dir) throws HugoConfigException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> EXTENSIONS.contains(extension(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new HugoConfigException(dir + ": cannot list the config folder: " + e.getMessage());
    }
  }

  /** A config-folder file's values under the key its name gives. */
  private static Map<String, Object> nested(Path root, Path file) throws HugoConfigException {
    Map<String, Object> values = parse(root, file);
    String base = file.getFileName().toString();
    base = base.substring(0, base.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    if (NAMES.contains(base)) return values;
    String key = base;
    String lang = null;
    int dot = base.indexOf('.');
    if (dot > 0) {
      key = base.substring(0, dot);
      lang = base.substring(dot + 1);
    }
    // A file may wrap its content in its own key (cascade.yaml holding "cascade: [...]").
    Object value = values.size() == 1 && values.containsKey(key) ? values.get(key) : values;
    if (lang == null) return Map.of(key, value);
    Map<String, Object> language =
        switch (key) {
          case "menu", "menus" -> Map.of("menus", value);
          case "params" -> Map.of("params", value);
          default -> Map.of(key, value);
        };
    return Map.of("languages", Map.of(lang, language));
  }

  private static Map<String, Object> parse(Path root, Path file) throws HugoConfigException {
    String name = root.relativize(file).toString();
    try (Reader reader = Files.newBufferedReader(file)) {
      Object parsed =
          switch (extension(file)) {
            case "toml" -> new TomlMapper().readValue(reader, MAP);
            case "json" -> new ObjectMapper().readValue(reader, MAP);
            default -> yaml().load(reader);
          };
      if (parsed == null) return Map.of();
      if (!(parsed instanceof Map<?, ?> map))
        throw new HugoConfigException(name + ": expected a map of settings");
      if (values(map, new IdentityHashMap<>()) > MAX_VALUES)
        throw new HugoConfigException(
            name
                + ": more than "
                + MAX_VALUES
                + " values once its YAML aliases are expanded; a site's settings need far fewer");
      return lowerKeys(map);
    } catch (JsonProcessingException e) {
      throw new HugoConfigException(name + ": cannot parse: " + e.getOriginalMessage());
    } catch (YAMLException e) {
      throw new HugoConfigException(name + ": cannot parse: " + e.getMessage());
    } catch (IOException e) {
      throw new HugoConfigException(name + ": cannot read: " + ContentProblem.ioReason(e));
    }
  }

  private static Yaml yaml() {
    var options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    options.setNestingDepthLimit(50);
    var dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumper),
        dumper,
        options,
        new HugoYamlResolver());
  }

  /**
   * Values a config may hold once expanded. YAML aliases share what they name, so nine levels of
   * nine aliases are a small file but 9^9 values to copy: 6 GB and then no memory at all.
   */
  static final long MAX_VALUES = 200_000;

  /** How many values {@code v} holds, aliases expanded, counting each shared one once per use. */
  private static long values(Object v, Map<Object, Long> counted) {
    if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) return 1;
    Long known = counted.get(v);
    if (known != null) return known;
    long n = 1;
    Iterable<?> children = v instanceof Map<?, ?> m ? m.values() : (List<?>) v;
    for (Object child : children) n = Math.min(Long.MAX_VALUE / 2, n + values(child, counted));
    counted.put(v, n);
    return n;
  }

  /** A copy with every map key in lower case, as Hugo reads its configuration. */
  static Map<String, Object> lowerKeys(Map<?, ?> map) {
    var out = new LinkedHashMap<String, Object>();
    map.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), lowerValue(v)));
    return out;
  }

  private static Object lowerValue(Object v) {
    if (v instanceof Map<?, ?> m) return lowerKeys(m);
    if (v instanceof List<?> list) {
      var out = new ArrayList<>(list.size());
      for (Object o : list) out.add(lowerValue(o));
      return out;
    }
    return v;
  }

  /** Sets {@code from}'s values into {@code into}, maps merged key by key, others replaced. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (k, v) -> {
          if (into.get(k) instanceof Map<?, ?> old && v instanceof Map<?, ?> update) {
            var combined = new LinkedHashMap<>((Map<String, Object>) old);
            merge(combined, (Map<String, Object>) update);
            into.put(k, combined);
          } else {
            into.put(k, v);
          }
        });
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
