package dev.sitesearch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code sitesearch.yml}. A missing file means the defaults; a present one is validated once, strictly (an
 * unknown key is an error, so a typo never silently does nothing). Example:
 *
 * <pre>
 * fields:
 *   text: {title: 3, description: 2, body: 1}
 *   facets: [communityTopics, searchCategory, tags, link.brand]
 *   dates: [date, lastMod]
 *   stored: [featuredImage.href]
 *   stemmer: porter               # snowball, kstem, minimal or none
 * content:
 *   maxFileSize: 5MB
 * server:
 *   port: 7070
 *   host: 127.0.0.1
 *   cors: [https://www.example.org]
 *   adminToken: change-me        # or SITESEARCH_ADMIN_TOKEN in the environment
 *   limits: {maxHeaderSize: 16KB, maxBodySize: 64KB, maxConcurrent: 128, maxQueueWait: 2s}
 *   rateLimit: {requestsPerSecond: 20, burst: 40, trustForwardedFor: false}   # off unless set
 * </pre>
 */
public final class ConfigLoader {
  public static final String ADMIN_TOKEN_ENV = "SITESEARCH_ADMIN_TOKEN";
  private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

  private ConfigLoader() {}

  /** Loads {@code file} if it exists, else the defaults; the admin token may come from the environment. */
  public static SitesearchConfig load(Path file, Map<String, String> env) {
    SitesearchConfig config = Files.exists(file) ? parse(file) : SitesearchConfig.defaults();
    String envToken = env.get(ADMIN_TOKEN_ENV);
    if (envToken != null && !envToken.isBlank()) {
      var s = config.server();
      config = new SitesearchConfig(config.textFields(), config.facetFields(), config.dateFields(),
          config.storedFields(), config.stemmer(), config.maxFileBytes(),
          s.withAdminToken(envToken.strip()),
          config.ranking(), config.configFile());
    }
    return config;
  }

  static SitesearchConfig parse(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file)) {
      var options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setNestingDepthLimit(20);
      root = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new ConfigException("%s:%d:%d: invalid YAML: %s".formatted(
          file, mark.getLine() + 1, mark.getColumn() + 1, e.getProblem()));
    } catch (YAMLException | IOException e) {
      throw new ConfigException(file + ": cannot read config: " + e.getMessage(), e);
    }
    if (root == null) root = Map.of();
    var top = new Section(file, "", asMap(file, "", root));
    top.allowOnly("fields", "content", "server", "ranking");

    var defaults = SitesearchConfig.defaults();
    Map<String, Float> text = defaults.textFields();
    List<String> facets = defaults.facetFields();
    List<String> dates = defaults.dateFields();
    List<String> stored = defaults.storedFields();
    Stemmer stemmer = defaults.stemmer();
    Section fields = top.section("fields");
    if (fields != null) {
      fields.allowOnly("text", "facets", "dates", "stored", "stemmer");
      Section t = fields.section("text");
      if (t != null) text = boosts(t);
      facets = fields.paths("facets", facets);
      dates = fields.paths("dates", dates);
      stored = fields.paths("stored", stored);
      String stemmerName = fields.string("stemmer");
      if (stemmerName != null) {
        stemmer = Stemmer.byName(stemmerName).orElseThrow(() -> fields.error("stemmer",
            "unknown stemmer '" + stemmerName + "'; expected one of " + Stemmer.names()));
      }
    }
    long maxBytes = defaults.maxFileBytes();
    Section content = top.section("content");
    if (content != null) {
      content.allowOnly("maxFileSize");
      Object v = content.values.get("maxFileSize");
      if (v != null) maxBytes = size(file, "content.maxFileSize", v);
    }
    var server = defaults.server();
    Section s = top.section("server");
    if (s != null) {
      s.allowOnly("port", "host", "cors", "adminToken", "limits", "rateLimit");
      int port = s.values.containsKey("port") ? s.integer("port", 0, 65535) : server.port();
      String host = s.values.containsKey("host") ? s.string("host") : server.host();
      List<String> cors = s.values.containsKey("cors") ? s.strings("cors") : server.corsOrigins();
      String token = s.values.containsKey("adminToken") ? s.string("adminToken") : null;
      server = new SitesearchConfig.ServerSettings(port, host, cors, token, limits(s));
    }
    for (String f : facets) {
      if (f.equals("year")) throw new ConfigException(file + ": fields.facets: 'year' is reserved for the year of the date");
    }
    RankingConfig ranking = RankingConfig.defaults();
    Section r = top.section("ranking");
    if (r != null) ranking = ranking(r);
    return new SitesearchConfig(text, facets, dates, stored, stemmer, maxBytes, server, ranking, file);
  }

  private static ServerLimits limits(Section server) {
    var d = ServerLimits.defaults();
    Section l = server.section("limits");
    int header = d.maxHeaderBytes();
    long body = d.maxBodyBytes();
    int concurrent = d.maxConcurrent();
    java.time.Duration wait = d.maxQueueWait();
    if (l != null) {
      l.allowOnly("maxHeaderSize", "maxBodySize", "maxConcurrent", "maxQueueWait");
      if (l.values.containsKey("maxHeaderSize")) {
        long bytes = size(l.file, l.key("maxHeaderSize"), l.values.get("maxHeaderSize"));
        if (bytes < 1024 || bytes > 1024 * 1024) throw l.error("maxHeaderSize", "expected a size from 1KB to 1MB");
        header = (int) bytes;
      }
      if (l.values.containsKey("maxBodySize")) body = size(l.file, l.key("maxBodySize"), l.values.get("maxBodySize"));
      if (l.values.containsKey("maxConcurrent")) concurrent = l.integer("maxConcurrent", 1, 10_000);
      if (l.values.containsKey("maxQueueWait")) wait = duration(l, "maxQueueWait");
    }
    var rate = ServerLimits.RateLimit.OFF;
    Section r = server.section("rateLimit");
    if (r != null) {
      r.allowOnly("requestsPerSecond", "burst", "trustForwardedFor");
      Object rps = r.values.get("requestsPerSecond");
      if (!(rps instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
        throw r.error("requestsPerSecond", "expected a number of requests per second, 0 to turn the limit off");
      }
      double perSecond = n.doubleValue();
      int burst = r.values.containsKey("burst") ? r.integer("burst", 1, 1_000_000)
          : (int) Math.max(1, Math.ceil(perSecond * 2));
      boolean forwarded = false;
      if (r.values.containsKey("trustForwardedFor")) {
        if (!(r.values.get("trustForwardedFor") instanceof Boolean b)) {
          throw r.error("trustForwardedFor", "expected true or false");
        }
        forwarded = b;
      }
      rate = new ServerLimits.RateLimit(perSecond, burst, forwarded);
    }
    return new ServerLimits(header, body, concurrent, wait, rate);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s)", Pattern.CASE_INSENSITIVE);

  private static java.time.Duration duration(Section s, String key) {
    var m = DURATION.matcher(String.valueOf(s.values.get(key)).strip());
    if (!m.matches()) throw s.error(key, "expected a duration such as 2s or 500ms");
    long n = Long.parseLong(m.group(1));
    if (n > 3_600_000) throw s.error(key, "expected a duration of at most an hour");
    return m.group(2).equalsIgnoreCase("ms") ? java.time.Duration.ofMillis(n) : java.time.Duration.ofSeconds(n);
  }

  private static RankingConfig ranking(Section r) {
    r.allowOnly("synonyms", "recencyHalfLifeDays", "typos", "pins", "hides");
    var defaults = RankingConfig.defaults();
    String synonyms = r.string("synonyms");
    boolean off = "none".equalsIgnoreCase(synonyms);
    Path synonymsFile = null;
    if (synonyms != null && !off && !synonyms.isEmpty()) {
      Path base = r.file.toAbsolutePath().getParent();
      synonymsFile = base == null ? Path.of(synonyms) : base.resolve(synonyms);
      if (!Files.isRegularFile(synonymsFile)) throw r.error("synonyms", "file not found: " + synonymsFile);
    }
    double halfLife = defaults.recencyHalfLifeDays();
    if (r.values.containsKey("recencyHalfLifeDays")) {
      if (!(r.values.get("recencyHalfLifeDays") instanceof Number n) || !Double.isFinite(n.doubleValue())
          || n.doubleValue() < 0) {
        throw r.error("recencyHalfLifeDays", "expected a number of days, 0 to turn recency off");
      }
      halfLife = n.doubleValue();
    }
    boolean typos = defaults.typos();
    if (r.values.containsKey("typos")) {
      if (!(r.values.get("typos") instanceof Boolean b)) throw r.error("typos", "expected true or false");
      typos = b;
    }
    return new RankingConfig(synonymsFile, off, halfLife, typos, curation(r, "pins"), curation(r, "hides"));
  }

  private static Map<String, List<String>> curation(Section r, String key) {
    Section s = r.section(key);
    if (s == null) return Map.of();
    var out = new LinkedHashMap<String, List<String>>();
    for (String query : s.values.keySet()) {
      List<String> ids = s.strings(query);
      if (ids.isEmpty()) throw s.error(query, "expected a list of page ids");
      out.put(query, ids);
    }
    return out;
  }

  private static Map<String, Float> boosts(Section t) {
    var m = new LinkedHashMap<String, Float>();
    for (var e : t.values.entrySet()) {
      String key = t.key(e.getKey());
      if (!FIELD_PATH.matcher(e.getKey()).matches()) throw t.error(e.getKey(), "is not a field name");
      if (!(e.getValue() instanceof Number n) || !Float.isFinite(n.floatValue()) || n.floatValue() <= 0
          || n.floatValue() > 1000) {
        throw new ConfigException(t.file + ": " + key + ": boost must be a number between 0 and 1000");
      }
      m.put(e.getKey(), n.floatValue());
    }
    if (m.isEmpty()) throw new ConfigException(t.file + ": fields.text: at least one full-text field is needed");
    return m;
  }

  private static long size(Path file, String key, Object v) {
    var m = SIZE.matcher(String.valueOf(v).strip());
    if (!m.matches()) throw new ConfigException(file + ": " + key + ": expected a size such as 5MB, got '" + v + "'");
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long bytes;
    try {
      long n = Long.parseLong(m.group(1));
      bytes = switch (unit) {
        case "KB" -> Math.multiplyExact(n, 1024L);
        case "MB" -> Math.multiplyExact(n, 1024L * 1024);
        case "GB" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
        default -> n;
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new ConfigException(file + ": " + key + ": '" + v + "' is too large; use a size such as 5MB");
    }
    if (bytes <= 0) throw new ConfigException(file + ": " + key + ": must be positive");
    return bytes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Path file, String key, Object o) {
    if (o instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) throw new ConfigException(file + ": " + key + ": keys must be strings");
      }
      return (Map<String, Object>) m;
    }
    throw new ConfigException(file + ": " + (key.isEmpty() ? "top level" : key) + ": expected a map");
  }

  /** One map of the config file, with the dotted key it sits under for messages. */
  private record Section(Path file, String prefix, Map<String, Object> values) {
    String key(String k) {
      return prefix.isEmpty() ? k : prefix + "." + k;
    }

    ConfigException error(String k, String what) {
      return new ConfigException(file + ": " + key(k) + ": " + what);
    }

    void allowOnly(String... keys) {
      Set<String> allowed = Set.of(keys);
      for (String k : values.keySet()) {
        if (!allowed.contains(k)) {
          throw error(k, "unknown key (allowed here: " + String.join(", ", keys) + ")");
        }
      }
    }

    Section section(String k) {
      Object v = values.get(k);
      return v == null ? null : new Section(file, key(k), asMap(file, key(k), v));
    }

    String string(String k) {
      Object v = values.get(k);
      if (v == null) return null;
      if (v instanceof Map || v instanceof List) throw error(k, "expected a single value");
      return String.valueOf(v).strip();
    }

    int integer(String k, int min, int max) {
      if (!(values.get(k) instanceof Integer i) || i < min || i > max) {
        throw error(k, "expected a whole number from " + min + " to " + max);
      }
      return i;
    }

    List<String> strings(String k) {
      Object v = values.get(k);
      if (v == null) return List.of();
      if (!(v instanceof List<?> list)) throw error(k, "expected a list");
      var out = new ArrayList<String>();
      for (Object o : list) {
        if (o == null || o instanceof Map || o instanceof List) throw error(k, "expected a list of plain values");
        out.add(String.valueOf(o).strip());
      }
      return out;
    }

    List<String> paths(String k, List<String> fallback) {
      if (!values.containsKey(k)) return fallback;
      List<String> out = strings(k);
      for (String p : out) {
        if (!FIELD_PATH.matcher(p).matches()) throw error(k, "'" + p + "' is not a field path such as link.brand");
      }
      if (out.size() != Set.copyOf(out).size()) throw error(k, "lists a field twice");
      return out;
    }
  }
}
