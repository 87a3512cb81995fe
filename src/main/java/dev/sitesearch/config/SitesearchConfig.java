package dev.sitesearch.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code sitesearch.yml} can set, one record per section, each with its defaults beside
 * it; the defaults fit the seed-shaped content, so the bundled site needs no config file at all.
 *
 * @param fields which front-matter fields are searched, browsed, dated and returned
 * @param content how content files are read
 * @param server HTTP settings
 * @param ranking scoring features, synonyms, pins and hides
 * @param logging how log lines are written
 * @param analytics what is counted of searches and clicks, for how long
 * @param engine which engine holds the index and answers searches (local Lucene or SolrCloud)
 * @param configFile the file this came from, or null for the defaults
 */
public record SitesearchConfig(
    FieldSettings fields,
    ContentSettings content,
    ServerSettings server,
    RankingSettings ranking,
    LoggingSettings logging,
    AnalyticsSettings analytics,
    EngineSettings engine,
    Path configFile) {

  public SitesearchConfig {
    Objects.requireNonNull(fields);
    Objects.requireNonNull(content);
    Objects.requireNonNull(server);
    Objects.requireNonNull(ranking);
    Objects.requireNonNull(logging);
    Objects.requireNonNull(analytics);
    Objects.requireNonNull(engine);
  }

  /** The defaults, used when there is no config file. */
  public static SitesearchConfig defaults() {
    return new SitesearchConfig(
        FieldSettings.DEFAULTS,
        ContentSettings.DEFAULTS,
        ServerSettings.DEFAULTS,
        RankingSettings.DEFAULTS,
        LoggingSettings.DEFAULTS,
        AnalyticsSettings.DEFAULTS,
        EngineSettings.DEFAULTS,
        null);
  }

  /** Reads every section of a parsed file. */
  static SitesearchConfig fromConfig(ConfigSection top) {
    top.allowOnly("fields", "content", "server", "ranking", "logging", "analytics", "engine");
    return new SitesearchConfig(
        FieldSettings.fromConfig(top.section("fields")),
        ContentSettings.fromConfig(top.section("content")),
        ServerSettings.fromConfig(top.section("server")),
        RankingSettings.fromConfig(top.section("ranking")),
        LoggingSettings.fromConfig(top.section("logging")),
        AnalyticsSettings.fromConfig(top.section("analytics")),
        EngineSettings.fromConfig(top.section("engine")),
        top.file());
  }

  public SitesearchConfig withServer(ServerSettings newServer) {
    return new SitesearchConfig(
        fields, content, newServer, ranking, logging, analytics, engine, configFile);
  }

  public SitesearchConfig withRanking(RankingSettings newRanking) {
    return new SitesearchConfig(
        fields, content, server, newRanking, logging, analytics, engine, configFile);
  }

  public SitesearchConfig withContent(ContentSettings newContent) {
    return new SitesearchConfig(
        fields, newContent, server, ranking, logging, analytics, engine, configFile);
  }

  public SitesearchConfig withFields(FieldSettings newFields) {
    return new SitesearchConfig(
        newFields, content, server, ranking, logging, analytics, engine, configFile);
  }

  public SitesearchConfig withEngine(EngineSettings newEngine) {
    return new SitesearchConfig(
        fields, content, server, ranking, logging, analytics, newEngine, configFile);
  }

  public SitesearchConfig withAnalytics(AnalyticsSettings newAnalytics) {
    return new SitesearchConfig(
        fields, content, server, ranking, logging, newAnalytics, engine, configFile);
  }
}
