package dev.sitesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code analytics:} section: on by default, beside the index, its keys checked. */
class AnalyticsSettingsTest {
  @TempDir Path tmp;

  private SitesearchConfig load(String yaml) throws Exception {
    return ConfigLoader.load(Files.writeString(tmp.resolve("sitesearch.yml"), yaml), Map.of());
  }

  @Test
  void by_default_analytics_counts_for_90_days_beside_the_index() throws Exception {
    AnalyticsSettings a = load("# nothing\n").analytics();
    assertTrue(a.enabled());
    assertEquals(90, a.retentionDays());
    assertEquals(tmp.resolve("idx-analytics"), a.folderFor(tmp.resolve("idx")));
    assertEquals(tmp.resolve("idx-analytics"), a.folderFor(tmp.resolve("idx/")));
  }

  @Test
  void the_section_turns_it_off_sets_the_retention_and_a_folder_relative_to_the_file()
      throws Exception {
    AnalyticsSettings a =
        load("analytics:\n  enabled: false\n  retentionDays: 7\n  path: stats\n").analytics();
    assertFalse(a.enabled());
    assertEquals(7, a.retentionDays());
    assertEquals(tmp.resolve("stats"), a.folderFor(tmp.resolve("idx")));
  }

  @Test
  void a_wrong_key_or_value_is_refused_naming_it() {
    for (String yaml :
        new String[] {
          "analytics:\n  retentionDays: 0\n",
          "analytics:\n  retentionDays: 4000\n",
          "analytics:\n  enabled: maybe\n",
          "analytics:\n  retention: 9\n"
        }) {
      var e = assertThrows(ConfigException.class, () -> load(yaml), () -> "accepted: " + yaml);
      assertTrue(e.getMessage().contains("analytics."), e.getMessage());
    }
  }
}
