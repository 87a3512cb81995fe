package dev.sitesearch.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a Hugo project's merged configuration (keys in lower case, see {@link HugoProject}) into a
 * {@link HugoSite}. Only the settings that decide what is published and where are read; a value of
 * the wrong shape among them is a {@link HugoConfigException} naming the key, as Hugo would refuse
 * it too.
 */
final class HugoSiteReader {
  /** The settings a site's fingerprint covers: every one this class reads. */
  private static final List<String> KEYS =
      List.of(
          "baseurl",
          "permalinks",
          "uglyurls",
          "disablepathtolower",
          "removepathaccents",
          "contentdir",
          "languages",
          "defaultcontentlanguage",
          "defaultcontentlanguageinsubdir",
          "disablelanguages",
          "cascade",
          "builddrafts",
          "buildfuture",
          "buildexpired",
          "frontmatter",
          "disablekinds",
          "taxonomies",
          "module");

  private final Path root;
  private final Map<String, Object> config;

  private HugoSiteReader(Path root, Map<String, Object> config) {
    this.root = root;
    this.config = config;
  }

  static HugoSite read(Path root, Map<String, Object> config) throws HugoConfigException {
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      real = root.toAbsolutePath().normalize();
    }
    var reader = new HugoSiteReader(real, config);
    try {
      return reader.site();
    } catch (IllegalArgumentException e) {
      throw new HugoConfigException("Hugo configuration in " + root + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // A shape no check above foresaw: still the site's config, not a crash of the run.
      throw new HugoConfigException(
          "Hugo configuration in " + root + ": a value of an unexpected shape (" + e + ")");
    }
  }

  private HugoSite site() {
    Map<String, Map<String, Object>> langs = languageSettings();
    SiteLanguages languages = languages(langs);
    var byLang = new HashMap<String, Permalinks>();
    langs.forEach(
        (code, settings) -> {
          if (settings.containsKey("permalinks"))
            byLang.put(
                code,
                Permalinks.read(settings.get("permalinks"), "languages." + code + ".permalinks"));
        });
    var urls =
        new SiteUrls(
            host(),
            basePath(),
            Permalinks.read(config.get("permalinks"), "permalinks"),
            byLang,
            config.get("uglyurls") instanceof Boolean b && b,
            uglySections(),
            new UrlStyle(!bool("disablepathtolower"), bool("removepathaccents")));
    var disabledLangs = new LinkedHashSet<>(strings("disablelanguages"));
    langs.forEach(
        (code, settings) -> {
          if (settings.get("disabled") instanceof Boolean b && b) disabledLangs.add(code);
        });
    var publishing =
        new Publishing(
            bool("builddrafts"),
            bool("buildfuture"),
            bool("buildexpired"),
            FrontMatterDates.read(config.get("frontmatter")),
            Set.copyOf(
                strings("disablekinds").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()),
            disabledLangs);
    HeadingIds headingIds = HeadingIds.read(config);
    return new HugoSite(
        root,
        urls,
        languages,
        ContentMounts.read(config, langs, languages, this::resolve, text("contentdir")),
        Cascade.read(config.get("cascade"), "cascade"),
        publishing,
        taxonomies(),
        headingIds,
        fingerprint(headingIds));
  }

  private String host() {
    URI uri = baseUrl();
    if (uri == null || uri.getScheme() == null || uri.getRawAuthority() == null) return null;
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private String basePath() {
    URI uri = baseUrl();
    String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.startsWith("/")) path = "/" + path;
    return path.endsWith("/") ? path : path + "/";
  }

  private URI baseUrl() {
    String s = text("baseurl");
    if (s == null || s.isBlank()) return null;
    try {
      return new URI(s.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseURL: '" + s + "' is not a URL");
    }
  }

  private Map<String, Boolean> uglySections() {
    if (!(config.get("uglyurls") instanceof Map<?, ?> map)) return Map.of();
    var out = new HashMap<String, Boolean>();
    map.forEach((k, v) -> out.put(HugoPaths.normalize(String.valueOf(k)), Boolean.TRUE.equals(v)));
    return out;
  }

  /** Each configured language's settings, by code. */
  private Map<String, Map<String, Object>> languageSettings() {
    Object v = config.get("languages");
    if (v == null) return Map.of();
    if (!(v instanceof Map<?, ?> map))
      throw new IllegalArgumentException("languages: expected a map");
    var out = new TreeMap<String, Map<String, Object>>();
    for (var e : map.entrySet()) {
      String code = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> m))
        throw new IllegalArgumentException("languages." + code + ": expected a map");
      @SuppressWarnings("unchecked")
      Map<String, Object> settings = (Map<String, Object>) m;
      out.put(code, settings);
    }
    return out;
  }

  private SiteLanguages languages(Map<String, Map<String, Object>> langs) {
    String defaultLang = text("defaultcontentlanguage");
    if (defaultLang == null || defaultLang.isBlank()) defaultLang = "en";
    defaultLang = defaultLang.strip().toLowerCase(Locale.ROOT);
    var codes = new ArrayList<>(langs.keySet());
    if (codes.isEmpty()) codes.add(defaultLang);
    codes.sort(Comparator.comparingInt((String c) -> weight(langs.get(c))).thenComparing(c -> c));
    return new SiteLanguages(codes, defaultLang, bool("defaultcontentlanguageinsubdir"));
  }

  private static int weight(Map<String, Object> settings) {
    // Hugo sorts languages by weight, those without one last.
    if (settings != null && settings.get("weight") instanceof Number n && n.intValue() != 0)
      return n.intValue();
    return Integer.MAX_VALUE;
  }

  private Set<String> taxonomies() {
    Object v = config.get("taxonomies");
    if (v == null) return HugoSite.DEFAULT_TAXONOMIES;
    if (!(v instanceof Map<?, ?> map))
      throw new IllegalArgumentException("taxonomies: expected a map such as {tag: tags}");
    var out = new LinkedHashSet<String>();
    map.values().forEach(p -> out.add(HugoPaths.normalize(String.valueOf(p))));
    return out;
  }

  /** A folder of the project, as a real path when it exists (the walk compares real paths). */
  private Path resolve(String dir) {
    Path p = root.resolve(dir).normalize();
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  private boolean bool(String key) {
    Object v = config.get(key);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))
      return Boolean.parseBoolean(s);
    throw new IllegalArgumentException(key + ": expected true or false");
  }

  private String text(String key) {
    Object v = config.get(key);
    if (v == null) return null;
    if (v instanceof Map || v instanceof List)
      throw new IllegalArgumentException(key + ": expected a single value");
    return String.valueOf(v);
  }

  private List<String> strings(String key) {
    Object v = config.get(key);
    if (v == null) return List.of();
    if (v instanceof List<?> list) return list.stream().map(String::valueOf).toList();
    return List.of(String.valueOf(v));
  }

  /** A digest of the settings read, in a stable order. */
  private String fingerprint(HeadingIds headingIds) {
    var relevant = new TreeMap<String, Object>();
    for (String k : KEYS) {
      if (config.containsKey(k)) relevant.put(k, config.get(k));
    }
    // Only the part of markup read here: a changed highlighting style re-reads nothing.
    if (!headingIds.equals(HeadingIds.HUGO_DEFAULT)) relevant.put("headingids", headingIds);
    return Digest.of(relevant);
  }
}
