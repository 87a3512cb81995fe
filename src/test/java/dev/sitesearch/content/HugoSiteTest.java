package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding a Hugo project above a content folder and reading its settings; a value Hugo would refuse
 * is an error naming the key, never a crash.
 */
class HugoSiteTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      hugo.toml  | baseURL = 'https://Example.org/docs'\\nDisablePathToLower = true
      hugo.yaml  | baseurl: https://Example.org/docs\\ndisablePathToLower: true
      config.json | {"baseURL": "https://Example.org/docs", "disablePathToLower": true}
      """)
  void settings_are_read_from_any_format_keys_in_any_case(String file, String text)
      throws Exception {
    ContentFiles.write(tmp, file, text.replace("\\n", "\n"));

    HugoSite site = HugoSite.read(tmp);

    assertEquals("https://Example.org", site.urls().host());
    assertEquals("/docs/", site.urls().basePath());
    assertFalse(site.urls().style().toLower());
  }

  @Test
  void hugo_toml_wins_over_config_toml_and_the_config_folder_over_both() throws Exception {
    ContentFiles.write(tmp, "hugo.toml", "baseURL = 'https://a.org/'\n");
    ContentFiles.write(tmp, "config.toml", "baseURL = 'https://b.org/'\nuglyURLs = true\n");
    assertEquals("https://a.org", HugoSite.read(tmp).urls().host());
    assertFalse(HugoSite.read(tmp).urls().uglyAll(), "config.toml is not read beside hugo.toml");

    ContentFiles.write(tmp, "config/_default/params.toml", "x = 1\n");
    ContentFiles.write(tmp, "config/_default/languages.yaml", "de: {weight: 2}\nen: {weight: 1}\n");
    ContentFiles.write(tmp, "config/production/hugo.toml", "baseURL = 'https://c.org/'\n");
    HugoSite site = HugoSite.read(tmp);
    assertEquals("https://c.org", site.urls().host());
    assertEquals(List.of("en", "de"), site.languages().codes());
  }

  @Test
  void the_project_is_found_above_the_content_folder_but_not_a_stray_config() throws Exception {
    Path content = Files.createDirectories(tmp.resolve("site/content/en"));
    ContentFiles.write(tmp, "site/hugo.toml", "[languages.en]\ncontentDir = 'content/en'\n");
    ContentFiles.write(tmp, "config.toml", "title = 'a stray file higher up'\n");
    Path elsewhere = Files.createDirectories(tmp.resolve("notes"));

    assertEquals(Optional.of(tmp.resolve("site").toRealPath()), HugoProject.find(content));
    assertEquals(Optional.empty(), HugoProject.find(elsewhere), "its content would be tmp/content");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a permalink of the wrong shape | permalinks = 5                                  | permalinks: expected a map or a list
      an unknown permalink token      | permalinks.posts = "/:yeer/"                    | permalinks.posts: unknown token :yeer
      a kind that is none             | permalinks.pages.posts = "/x/"                  | permalinks.pages: not a page kind
      languages not a map             | languages = "en"                                | languages: expected a map
      a language not a map            | languages.en = "English"                        | languages.en: expected a map
      a broken glob in a cascade      | cascade = {target = {path = "{/a"}, draft = true} | a { without a }
      a cascade of the wrong shape    | cascade = 5                                     | cascade: expected a map of front-matter values
      a flag that is not one          | buildDrafts = "maybe"                           | builddrafts: expected true or false
      a bad base URL                  | baseURL = "http://exa mple.org/"                | is not a URL
      a mount that is no map          | module.mounts = ["content"]                     | module.mounts[0]: expected a map
      """)
  void a_value_hugo_would_refuse_is_an_error_naming_the_key(String why, String toml, String message)
      throws Exception {
    ContentFiles.write(tmp, "hugo.toml", toml + "\n");

    var e = assertThrows(HugoConfigException.class, () -> HugoSite.read(tmp), why);
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("Hugo configuration in " + tmp), e.getMessage());
  }

  @Test
  void a_file_that_cannot_be_parsed_is_an_error_naming_it() throws Exception {
    ContentFiles.write(tmp, "config/_default/menus.yaml", "main: [\n");

    var e = assertThrows(HugoConfigException.class, () -> HugoSite.read(tmp));
    assertTrue(
        e.getMessage().startsWith("config/_default/menus.yaml: cannot parse"), e.getMessage());
  }

  @Test
  void a_yaml_alias_bomb_is_an_error_not_gigabytes() throws Exception {
    var yaml = new StringBuilder("baseURL: https://example.org/\nparams:\n  a0: &a0 [x, y]\n");
    for (int level = 1; level <= 9; level++) {
      yaml.append("  a").append(level).append(": &a").append(level).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (level - 1))));
      yaml.append("]\n");
    }
    ContentFiles.write(tmp, "hugo.yaml", yaml.toString());

    var e =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10),
            () -> assertThrows(HugoConfigException.class, () -> HugoSite.read(tmp)));
    assertTrue(e.getMessage().contains("YAML aliases are expanded"), e.getMessage());
  }

  @Test
  void a_bare_folder_has_hugos_defaults_and_no_language() {
    HugoSite bare = HugoSite.bare(tmp);

    assertNull(bare.urls().host());
    assertEquals("/", bare.urls().basePath());
    assertEquals("", bare.languages().defaultLang());
    assertFalse(bare.isProject());
  }
}
