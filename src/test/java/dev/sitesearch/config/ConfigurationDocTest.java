package dev.sitesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every key the config takes, with the variable that sets it. */
class ConfigurationDocTest {
  @Test
  void every_key_and_its_variable_is_documented() throws Exception {
    String doc = Files.readString(Path.of("docs/configuration.md"));
    List<String> missing =
        EnvOverrides.variables().entrySet().stream()
            .filter(e -> !isSection(e.getValue()))
            .filter(e -> !doc.contains("`" + e.getValue() + "`") || !doc.contains(e.getKey()))
            .map(e -> e.getValue() + " (" + e.getKey() + ")")
            .toList();
    assertEquals(List.of(), missing, "keys missing from docs/configuration.md");
  }

  /** Sections (server, server.limits) are documented through their keys. */
  private static boolean isSection(String key) {
    return EnvOverrides.variables().values().stream().anyMatch(k -> k.startsWith(key + "."));
  }
}
