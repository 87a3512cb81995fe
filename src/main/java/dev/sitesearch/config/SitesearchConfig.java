package dev.sitesearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code sitesearch.yml} can set, with defaults that fit the seed-shaped content, so the bundled site needs
 * no config file at all.
 *
 * @param textFields   full-text fields and their boosts, in ranking order (title 3, description 2, body 1)
 * @param facetFields  front-matter paths browsed by facets; a dotted path ({@code link.brand}) reaches into maps
 * @param dateFields   front-matter date fields that sort, filter by range and facet by year (the first is "the" date)
 * @param storedFields extra front-matter paths returned with each hit beside the facet values
 * @param stemmer      how the text fields reduce words to a common form
 * @param maxFileBytes files larger than this are reported, not read
 * @param server       HTTP settings
 * @param ranking      synonyms, recency, typo tolerance, pins and hides
 * @param configFile   the file this came from, or null for the defaults
 */
public record SitesearchConfig(
    Map<String, Float> textFields,
    List<String> facetFields,
    List<String> dateFields,
    List<String> storedFields,
    Stemmer stemmer,
    long maxFileBytes,
    ServerSettings server,
    RankingConfig ranking,
    Path configFile) {

  public static final Map<String, Float> DEFAULT_TEXT_FIELDS = Map.of("title", 3f, "description", 2f, "body", 1f);
  public static final List<String> DEFAULT_FACETS = List.of(
      "communityTopics", "searchCategory", "tags", "categories", "type", "source", "author", "link.brand");
  public static final List<String> DEFAULT_DATES = List.of("date", "lastMod");
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

  public SitesearchConfig {
    Objects.requireNonNull(textFields);
    Objects.requireNonNull(server);
    Objects.requireNonNull(ranking);
    Objects.requireNonNull(stemmer);
    facetFields = List.copyOf(facetFields);
    dateFields = List.copyOf(dateFields);
    storedFields = List.copyOf(storedFields);
    if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
  }

  /** The defaults, used when there is no config file. */
  public static SitesearchConfig defaults() {
    return new SitesearchConfig(orderedDefaults(), DEFAULT_FACETS, DEFAULT_DATES, List.of(), Stemmer.PORTER,
        DEFAULT_MAX_FILE_BYTES,
        ServerSettings.defaults(), RankingConfig.defaults(), null);
  }

  static Map<String, Float> orderedDefaults() {
    var m = new java.util.LinkedHashMap<String, Float>();
    m.put("title", 3f);
    m.put("description", 2f);
    m.put("body", 1f);
    return m;
  }

  /**
   * HTTP settings.
   *
   * @param port        default port of {@code serve}
   * @param host        default bind address
   * @param corsOrigins site origins allowed to call the API from a browser (none by default)
   * @param adminToken  bearer token for the admin API; null turns the admin API off
   * @param limits      request sizes, concurrency and the per-client rate limit
   */
  public record ServerSettings(int port, String host, List<String> corsOrigins, String adminToken,
      ServerLimits limits) {
    /** Loopback only: a server is reachable from other machines only when told so. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public ServerSettings {
      corsOrigins = List.copyOf(corsOrigins);
      Objects.requireNonNull(limits);
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range");
    }

    /** With the default limits. */
    public ServerSettings(int port, String host, List<String> corsOrigins, String adminToken) {
      this(port, host, corsOrigins, adminToken, ServerLimits.defaults());
    }

    public static ServerSettings defaults() {
      return new ServerSettings(7070, DEFAULT_HOST, List.of(), null);
    }

    public ServerSettings withAdminToken(String token) {
      return new ServerSettings(port, host, corsOrigins, token, limits);
    }

    public ServerSettings withLimits(ServerLimits newLimits) {
      return new ServerSettings(port, host, corsOrigins, adminToken, newLimits);
    }
  }
}
