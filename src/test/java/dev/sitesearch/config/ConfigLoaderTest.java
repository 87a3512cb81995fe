package dev.sitesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.ServerLimits.Connections;
import dev.sitesearch.config.ServerLimits.RateLimit;
import dev.sitesearch.index.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path tmp;

  private Path config(String yaml) throws Exception {
    return Files.writeString(tmp.resolve("sitesearch.yml"), yaml);
  }

  private SitesearchConfig load(String yaml) throws Exception {
    return ConfigLoader.load(config(yaml), Map.of());
  }

  private ConfigException error(String yaml) throws Exception {
    Path file = config(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
  }

  @Test
  void without_a_file_the_defaults_apply() {
    SitesearchConfig c = ConfigLoader.load(tmp.resolve("missing.yml"), Map.of());

    assertEquals(Map.of("title", 3f, "description", 2f, "body", 1f), c.fields().text());
    assertEquals(List.of("title", "description", "body"), List.copyOf(c.fields().text().keySet()));
    assertEquals(FieldSettings.DEFAULT_FACETS, c.fields().facets());
    assertEquals(List.of("tags", "categories"), c.fields().facets(), "Hugo's own taxonomies");
    assertEquals("Tags", Schema.from(c).label("tags"), "labels made from the names");
    assertEquals(RankingSettings.Synonyms.NONE, c.ranking().synonyms(), "no synonyms of a trade");
    assertEquals(List.of("date", "lastMod"), c.fields().dates());
    assertEquals(List.of(), c.fields().stored());
    assertEquals(5L * 1024 * 1024, c.content().maxFileBytes());
    assertEquals(ServerSettings.DEFAULTS, c.server());
    assertNull(c.configFile());
  }

  @Test
  void an_empty_file_means_the_defaults() throws Exception {
    SitesearchConfig c = load("# nothing set yet\n");

    assertEquals(FieldSettings.DEFAULT_FACETS, c.fields().facets());
    assertEquals(7070, c.server().port());
  }

  @Test
  void a_valid_file_overrides_what_it_sets_and_keeps_the_other_defaults() throws Exception {
    SitesearchConfig c =
        load(
            """
        fields:
          text: {title: 5, body: 1.5}
          facets: [communityTopics, link.brand]
          stored: [featuredImage.href]
          stemmer: KStem
        content:
          maxFileSize: 2MB
        server:
          port: 8080
          host: 0.0.0.0
          cors: [https://www.example.org]
          adminToken: s3cret
        """);

    assertEquals(Map.of("title", 5f, "body", 1.5f), c.fields().text());
    assertEquals(List.of("communityTopics", "link.brand"), c.fields().facets());
    assertEquals(List.of("date", "lastMod"), c.fields().dates(), "not set, so the default");
    assertEquals(List.of("featuredImage.href"), c.fields().stored());
    assertEquals(Stemmer.KSTEM, c.fields().stemmer(), "names are case-insensitive");
    assertEquals(2L * 1024 * 1024, c.content().maxFileBytes());
    assertEquals(
        new ServerSettings(
            8080,
            "0.0.0.0",
            List.of("https://www.example.org"),
            "s3cret",
            ServerLimits.defaults(),
            ServerSettings.Metrics.ON),
        c.server());
    assertEquals(tmp.resolve("sitesearch.yml"), c.configFile());
  }

  @Test
  void limits_and_rate_limit_are_read_from_the_server_section() throws Exception {
    SitesearchConfig c =
        load(
            """
        server:
          limits: {maxHeaderSize: 8KB, maxBodySize: 1KB, maxConcurrent: 16, maxQueueWait: 500ms,
                   searchTimeout: 250ms, maxConnections: 300, idleTimeout: 20s, requestTimeout: 5s}
          rateLimit: {requestsPerSecond: 2.5, burst: 10, maxConcurrent: 4, trustForwardedFor: true}
        """);

    assertEquals(
        new ServerLimits(
            8192,
            1024,
            16,
            Duration.ofMillis(500),
            Duration.ofMillis(250),
            new Connections(
                300, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5)),
            new RateLimit(2.5, 10, 4, true)),
        c.server().limits());
    assertEquals(
        new RateLimit(0, 1, 8, false),
        load("server:\n  rateLimit: {maxConcurrent: 8}\n").server().limits().rateLimit(),
        "concurrency capped without a rate");
    assertEquals(
        new RateLimit(20, 40, false),
        load("server:\n  rateLimit: {requestsPerSecond: 20}\n").server().limits().rateLimit(),
        "burst: twice the rate");
  }

  @Test
  void by_default_the_limits_are_generous_and_the_rate_limit_is_off() {
    ServerLimits limits = ConfigLoader.load(tmp.resolve("missing.yml"), Map.of()).server().limits();

    assertEquals(ServerLimits.defaults(), limits);
    assertEquals(16 * 1024, limits.maxHeaderBytes());
    assertEquals(128, limits.maxConcurrent());
    assertTrue(!limits.rateLimit().enabled());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      1234      | 1234
      512B      | 512
      64KB      | 65536
      64 kb     | 65536
      1GB       | 1073741824
      """)
  void sizes_accept_bytes_and_units(String size, long bytes) throws Exception {
    assertEquals(bytes, load("content:\n  maxFileSize: " + size + "\n").content().maxFileBytes());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      feilds: {facets: [a]}                  | feilds
      fields: {facet: [a]}                   | fields.facet
      server: {prot: 8080}                   | server.prot
      content: {maxFilesize: 5MB}            | content.maxFilesize
      fields: {hierarchy: {tags: ":"}}       | fields.hierarchy
      """)
  void an_unknown_key_is_an_error_naming_the_key_and_what_is_allowed(String yaml, String key)
      throws Exception {
    ConfigException e = error(yaml + "\n");

    assertTrue(e.getMessage().contains(key + ": unknown key (allowed here: "), e.getMessage());
    assertTrue(e.getMessage().contains("sitesearch.yml"), "names the file: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      boost not a number        | fields: {text: {title: high}}           | fields.text.title
      boost zero                | fields: {text: {title: 0}}              | fields.text.title
      no text field             | fields: {text: {}}                      | fields.text
      port above range          | server: {port: 70000}                   | server.port
      port negative             | server: {port: -1}                      | server.port
      port not a number         | server: {port: eighty}                  | server.port
      port a fraction           | server: {port: 80.5}                    | server.port
      size with a bad unit      | content: {maxFileSize: 5XB}             | content.maxFileSize
      size zero                 | content: {maxFileSize: 0}               | content.maxFileSize
      size too big to count     | content: {maxFileSize: 99999999999999999999} | content.maxFileSize
      size overflowing          | content: {maxFileSize: 9000000000GB}    | content.maxFileSize
      boost not-a-number        | fields: {text: {title: .nan}}           | fields.text.title
      facets not a list         | fields: {facets: tags}                  | fields.facets
      facet not a field path    | fields: {facets: ["bad path!"]}         | fields.facets
      facet listed twice        | fields: {facets: [tags, tags]}          | fields.facets
      facet named year          | fields: {facets: [year]}                | fields.facets
      hierarchy of no facet     | fields: {hierarchies: {topics: ":"}}    | fields.hierarchies.topics
      hierarchy not a map       | fields: {hierarchies: [tags]}           | fields.hierarchies
      separator only spaces     | fields: {hierarchies: {tags: "  "}}     | fields.hierarchies.tags
      separator empty           | fields: {hierarchies: {tags: ""}}       | fields.hierarchies.tags
      separator a list          | fields: {hierarchies: {tags: [a]}}      | fields.hierarchies.tags
      separator too long        | fields: {hierarchies: {tags: "-----------"}} | fields.hierarchies.tags
      section not a map         | server: 8080                            | server
      cors entry a map          | server: {cors: [{a: b}]}                | server.cors
      host a list               | server: {host: [a, b]}                  | server.host
      unknown stemmer           | fields: {stemmer: lancaster}            | fields.stemmer
      header size too small     | server: {limits: {maxHeaderSize: 100}}  | server.limits.maxHeaderSize
      concurrency zero          | server: {limits: {maxConcurrent: 0}}    | server.limits.maxConcurrent
      wait without a unit       | server: {limits: {maxQueueWait: 2}}     | server.limits.maxQueueWait
      unknown limit             | server: {limits: {maxThreads: 2}}       | server.limits.maxThreads
      rate not a number         | server: {rateLimit: {requestsPerSecond: lots}} | server.rateLimit.requestsPerSecond
      rate missing              | server: {rateLimit: {burst: 5}}         | server.rateLimit.requestsPerSecond
      burst zero                | server: {rateLimit: {requestsPerSecond: 5, burst: 0}} | server.rateLimit.burst
      search timeout zero       | server: {limits: {searchTimeout: 0ms}}  | server.limits.searchTimeout
      no connections            | server: {limits: {maxConnections: 0}}   | server.limits.maxConnections
      idle timeout zero         | server: {limits: {idleTimeout: 0s}}     | server.limits.idleTimeout
      request timeout no unit   | server: {limits: {requestTimeout: 10}}  | server.limits.requestTimeout
      per-client negative       | server: {rateLimit: {maxConcurrent: -1}} | server.rateLimit.maxConcurrent
      forwarded not a boolean   | server: {rateLimit: {requestsPerSecond: 5, trustForwardedFor: maybe}} | server.rateLimit.trustForwardedFor
      """)
  void a_value_of_the_wrong_type_is_an_error_naming_the_key(String why, String yaml, String key)
      throws Exception {
    ConfigException e = error(yaml + "\n");

    assertTrue(e.getMessage().contains(": " + key + ": "), why + ": " + e.getMessage());
  }

  @Test
  void a_hierarchy_keeps_its_separator_as_written_and_other_facets_stay_flat() throws Exception {
    SitesearchConfig c =
        load(
            """
            fields:
              facets: [communityTopics, tags]
              hierarchies: {communityTopics: ": "}
            """);

    assertEquals(Map.of("communityTopics", ": "), c.fields().hierarchies());
    assertEquals(Map.of(), SitesearchConfig.defaults().fields().hierarchies());
  }

  @Test
  void a_bad_size_says_what_a_size_looks_like() throws Exception {
    ConfigException e = error("content:\n  maxFileSize: 5XB\n");

    assertTrue(
        e.getMessage().endsWith("content.maxFileSize: expected a size such as 5MB, got '5XB'"),
        e.getMessage());
  }

  @Test
  void invalid_yaml_is_an_error_with_the_file_line_and_column() throws Exception {
    ConfigException e =
        error(
            """
        server:
          port: 8080
         host: x
        """);

    assertTrue(e.getMessage().contains("sitesearch.yml:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
  }

  @Test
  void an_unclosed_list_is_an_error_with_a_line() throws Exception {
    ConfigException e = error("fields:\n  facets: [tags, author\nserver:\n  port: 1\n");

    assertTrue(
        e.getMessage().matches("(?s).*sitesearch\\.yml:\\d+:\\d+: invalid YAML.*"), e.getMessage());
  }

  @Test
  void a_yaml_tag_naming_a_class_is_rejected() throws Exception {
    ConfigException e = error("server: !!java.io.File [\"/etc/passwd\"]\n");

    assertTrue(e.getMessage().contains("java.io.File"), e.getMessage());
  }

  @Test
  void the_admin_token_from_the_environment_overrides_the_file() throws Exception {
    Path file = config("server:\n  port: 8080\n  adminToken: from-file\n");

    SitesearchConfig c =
        ConfigLoader.load(file, Map.of(ConfigLoader.ADMIN_TOKEN_ENV, " from-env "));

    assertEquals("from-env", c.server().adminToken());
    assertEquals(8080, c.server().port(), "the rest of the file still applies");
  }

  @Test
  void the_admin_token_from_the_environment_applies_without_a_file() {
    SitesearchConfig c =
        ConfigLoader.load(tmp.resolve("missing.yml"), Map.of("SITESEARCH_ADMIN_TOKEN", "t0ken"));

    assertEquals("t0ken", c.server().adminToken());
  }

  @Test
  void a_blank_admin_token_in_the_environment_is_ignored() throws Exception {
    Path file = config("server:\n  adminToken: from-file\n");

    assertEquals(
        "from-file",
        ConfigLoader.load(file, Map.of("SITESEARCH_ADMIN_TOKEN", "  ")).server().adminToken());
  }
}
