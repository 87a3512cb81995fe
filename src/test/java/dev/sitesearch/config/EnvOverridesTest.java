package dev.sitesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings from the environment ({@code SITESEARCH_} + the key path in upper snake case) over the
 * file's, and {@code sitesearch config}'s account of where each setting came from.
 */
class EnvOverridesTest {
  @TempDir Path tmp;

  private Path file(String yaml) throws Exception {
    return Files.writeString(tmp.resolve("sitesearch.yml"), yaml);
  }

  @Test
  void a_variable_sets_its_key_over_the_file_and_the_file_over_the_defaults() throws Exception {
    Path file =
        file(
            """
            server:
              port: 8080
              limits: {maxQueueWait: 1s, maxConcurrent: 64}
            """);
    var config =
        ConfigLoader.load(
            file,
            Map.of(
                "SITESEARCH_SERVER_LIMITS_MAX_QUEUE_WAIT", "3s",
                "SITESEARCH_FIELDS_FACETS", "[tags, author]",
                "SITESEARCH_SERVER_RATE_LIMIT_REQUESTS_PER_SECOND", "5",
                "PATH", "/usr/bin"));

    assertEquals(Duration.ofSeconds(3), config.server().limits().maxQueueWait(), "environment");
    assertEquals(64, config.server().limits().maxConcurrent(), "the file");
    assertEquals(8080, config.server().port(), "the file");
    assertEquals(List.of("tags", "author"), config.fields().facets(), "a list, read as YAML");
    assertEquals(5, config.server().limits().rateLimit().requestsPerSecond(), 0);
    assertEquals(
        ServerSettings.DEFAULT_HOST, config.server().host(), "neither set it: the default");
  }

  @Test
  void every_key_the_file_takes_has_its_variable() {
    Map<String, String> variables = EnvOverrides.variables();
    assertEquals(
        "server.limits.maxQueueWait", variables.get("SITESEARCH_SERVER_LIMITS_MAX_QUEUE_WAIT"));
    assertEquals("content.maxFileSize", variables.get("SITESEARCH_CONTENT_MAX_FILE_SIZE"));
    assertEquals(
        "ranking.recencyHalfLifeDays", variables.get("SITESEARCH_RANKING_RECENCY_HALF_LIFE_DAYS"));
    assertEquals(
        "server.rateLimit.trustForwardedFor",
        variables.get("SITESEARCH_SERVER_RATE_LIMIT_TRUST_FORWARDED_FOR"),
        "a section the defaults leave out is still known");
    assertEquals("server.adminToken", variables.get("SITESEARCH_ADMIN_TOKEN"), "the older name");
  }

  @Test
  void a_variable_naming_no_setting_is_an_error_naming_it() {
    var e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("SITESEARCH_SERVER_PROT", "8080")));
    assertTrue(e.getMessage().contains("SITESEARCH_SERVER_PROT"), e.getMessage());
    assertTrue(e.getMessage().contains("no such setting"), e.getMessage());
  }

  @Test
  void a_bad_value_is_an_error_naming_the_variable_and_the_key() {
    var e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("SITESEARCH_SERVER_PORT", "http")));
    assertTrue(
        e.getMessage().startsWith("environment SITESEARCH_SERVER_PORT: server.port: expected"),
        e.getMessage());
  }

  @Test
  void the_admin_token_keeps_its_short_name_and_is_taken_as_written() {
    var config = ConfigLoader.load(null, Map.of("SITESEARCH_ADMIN_TOKEN", " [not: yaml] "));
    assertEquals("[not: yaml]", config.server().adminToken());
    var both =
        ConfigLoader.load(
            null, Map.of("SITESEARCH_ADMIN_TOKEN", "old", "SITESEARCH_SERVER_ADMIN_TOKEN", "new"));
    assertEquals("new", both.server().adminToken(), "the full name wins");
  }

  @Test
  void explain_lists_each_setting_with_its_source_and_masks_secrets() throws Exception {
    Path file = file("server:\n  port: 8080\n  adminToken: s3cret\n");
    List<Setting> settings =
        ConfigLoader.explain(file, Map.of("SITESEARCH_SERVER_HOST", "0.0.0.0"));

    assertTrue(settings.contains(new Setting("server.port", "8080", "file")), settings::toString);
    assertTrue(
        settings.contains(
            new Setting("server.host", "0.0.0.0", "environment SITESEARCH_SERVER_HOST")),
        settings::toString);
    assertTrue(settings.contains(new Setting("server.adminToken", "****", "file")));
    assertTrue(
        settings.contains(new Setting("server.limits.maxQueueWait", "2s", "default")),
        settings::toString);
    assertTrue(settings.stream().noneMatch(s -> s.value().contains("s3cret")));
  }
}
