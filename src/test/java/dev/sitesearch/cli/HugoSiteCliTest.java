package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.Cli.Run;
import dev.sitesearch.testing.ContentFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a Hugo site as a new user tries it: {@code --content} pointed at {@code
 * site/content/en}, no config of sitesearch's own. The site is found above the content, its pages
 * get the URLs Hugo gives them, pages Hugo does not publish are skipped and named.
 */
class HugoSiteCliTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path site;
  Path content;
  Path index;

  @BeforeEach
  void site() throws IOException {
    site = tmp.resolve("site");
    content = site.resolve("content/en");
    index = tmp.resolve("index");
    ContentFiles.write(
        site,
        "hugo.toml",
        """
        baseURL = 'https://docs.example.org/manual/'
        defaultContentLanguage = 'en'
        [languages.en]
          contentDir = 'content/en'
          weight = 1
        [languages.fr]
          contentDir = 'content/fr'
          weight = 2
        [permalinks]
          blog = '/:section/:year/:slug/'
        """);
    page("_index.md", "title: Manual");
    page("docs/_index.md", "title: Docs\ncascade:\n  params:\n    audience: operators");
    page("docs/Getting Started.md", "title: Getting started\naliases: [/start/, quickstart]");
    page("docs/install/index.md", "title: Install the pump");
    page("docs/install/fragment.md", "title: Shared fragment");
    page("docs/old.mdown", "title: Old pump manual");
    page("blog/hello.md", "title: Hello pumps\ndate: 2024-02-03");
    page("glossary/_index.md", "title: Glossary\ncascade:\n  build:\n    render: never");
    page("glossary/pump.md", "title: Pump");
    page("drafts/wip.md", "title: Pump draft\ndraft: true");
  }

  private void page(String rel, String frontMatter) throws IOException {
    ContentFiles.page(content, rel, frontMatter, "All about the pump: " + rel);
  }

  private Run sitesearch(String command, String... more) {
    var args = new ArrayList<>(List.of(command, "--content", content.toString()));
    args.addAll(List.of("--index", index.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void hits_link_where_hugo_publishes_the_pages() throws Exception {
    assertEquals(0, sitesearch("index").exit());

    Run r = sitesearch("search", "pump", "--json", "--size", "20");

    assertEquals(0, r.exit(), r::toString);
    var urls = new TreeMap<String, String>();
    for (JsonNode hit : JSON.readTree(r.out()).get("hits"))
      urls.put(hit.get("title").asText(), hit.get("url").asText());
    assertEquals(
        Map.of(
            "Manual", "/manual/",
            "Docs", "/manual/docs/",
            "Getting started", "/manual/docs/getting-started/",
            "Install the pump", "/manual/docs/install/",
            "Old pump manual", "/manual/docs/old/",
            "Hello pumps", "/manual/blog/2024/hello-pumps/"),
        urls);
  }

  @Test
  void a_hit_carries_its_permalink_aliases_language_kind_and_sections() throws Exception {
    assertEquals(0, sitesearch("index").exit());

    JsonNode hit =
        JSON.readTree(sitesearch("search", "\"getting started\"", "--json").out())
            .get("hits")
            .get(0);

    assertEquals(
        "https://docs.example.org/manual/docs/getting-started/", hit.get("permalink").asText());
    assertEquals(
        "[\"/manual/start/\",\"/manual/docs/quickstart/\"]", hit.get("aliases").toString());
    assertEquals("en", hit.get("lang").asText());
    assertEquals("page", hit.get("kind").asText());
    assertEquals("[\"docs\"]", hit.get("section").toString());
  }

  @Test
  void skipped_files_are_named_with_their_reason_in_the_report_and_in_json() throws Exception {
    Run r = sitesearch("index");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.err()
            .contains(
                "skipped  docs/install/fragment.md: a resource of the leaf bundle docs/install/index.md"),
        r::toString);
    assertTrue(r.err().contains("skipped  drafts/wip.md: draft"), r::toString);
    assertTrue(r.err().contains("skipped  glossary/pump.md: build.render is never"), r::toString);

    JsonNode json = JSON.readTree(sitesearch("check", "--json").out());
    var skipped = new ArrayList<String>();
    json.get("skippedFiles").forEach(s -> skipped.add(s.get("path").asText()));
    assertEquals(
        List.of(
            "docs/install/fragment.md", "drafts/wip.md", "glossary/_index.md", "glossary/pump.md"),
        skipped);
    assertEquals(4, json.get("skipped").asInt());
  }

  @Test
  void a_sitesearch_yml_beside_the_content_or_the_site_is_found_without_config() throws Exception {
    ContentFiles.write(site, "sitesearch.yml", "fields:\n  facets: [params.audience]\n");

    assertEquals(0, sitesearch("index").exit());
    Run r = sitesearch("search", "", "--json", "--filter", "params.audience=operators");

    assertEquals(0, r.exit(), r::toString);
    assertEquals(4, JSON.readTree(r.out()).get("total").asInt(), "the docs pages, by cascade");

    ContentFiles.write(content, "sitesearch.yml", "content:\n  urlTemplate: \"/x/{title}\"\n");
    assertEquals(0, sitesearch("index").exit(), "the content folder's file wins now");
    JsonNode hit = JSON.readTree(sitesearch("search", "hello", "--json").out()).get("hits").get(0);
    assertEquals("/x/Hello pumps", hit.get("url").asText());
  }

  @Test
  void site_names_the_hugo_project_and_a_wrong_one_is_a_usage_error() throws Exception {
    Run wrong = sitesearch("check", "--site", tmp.resolve("nowhere").toString());
    assertEquals(2, wrong.exit(), wrong::toString);
    assertTrue(wrong.err().contains("is not a Hugo project"), wrong::toString);

    Run right = sitesearch("check", "--site", site.toString());
    assertEquals(0, right.exit(), right::toString);
  }

  @Test
  void a_broken_hugo_config_stops_the_run_naming_the_file() throws Exception {
    ContentFiles.write(site, "hugo.toml", "baseURL = 'https://x.org/\n[languages\n");

    Run r = sitesearch("index");

    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("Hugo site error: hugo.toml: cannot parse"), r::toString);
  }
}
