package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.Cli.Run;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sitesearch} command line, run in-process with captured output. */
class MainTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  SiteFolders site;
  Path index;
  Path config;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    index = site.index();
    config = site.config();
    // The pages below are the sample site's shape, browsed by its facets: its settings, which a
    // test
    // may write over.
    Files.writeString(config, Seed.yaml());
    write(
        "news/ccm-codes.md",
        """
        ---
        id: n1
        title: CMS updates chronic care management codes
        searchCategory: News
        tags: [billing, ccm]
        date: 2024-01-15
        ---
        New chronic care management billing codes take effect.
        """);
    write(
        "articles/ccm-guide.md",
        """
        ---
        id: a1
        title: A guide to chronic care management
        searchCategory: Article
        tags: [ccm]
        date: 2023-05-01
        ---
        How to run a chronic care management program.
        """);
  }

  private Path write(String rel, String text) throws IOException {
    return ContentFiles.write(site.content(), rel, text);
  }

  /** Runs a subcommand on this test's folders. */
  private Run sitesearch(String command, String... more) {
    return Cli.run(command, site, more);
  }

  /** The run ended with {@code exit} and said {@code said} on its error stream. */
  private static void assertExit(int exit, String said, Run r) {
    assertEquals(exit, r.exit(), r::toString);
    assertTrue(r.err().contains(said), r::toString);
  }

  private Map<String, FileTime> indexFiles() throws IOException {
    if (Files.notExists(index)) return Map.of();
    try (Stream<Path> files = Files.list(index)) {
      var m = new TreeMap<String, FileTime>();
      for (Path p : files.toList()) m.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
      return m;
    }
  }

  // --- where the index goes

  @Test
  void an_index_pointed_at_a_folder_of_other_files_is_refused_and_nothing_there_is_touched()
      throws IOException {
    Path section = write("news/_index.md", "---\ntitle: News\n---\nAll the news.\n");
    Path content = site.content();
    for (String folder : new String[] {content.toString(), content.resolve("news").toString()}) {
      Run r = Cli.run("index", "--content", content.toString(), "--index", folder);
      assertExit(Main.USAGE, "not an index", r);
      assertTrue(Files.exists(section), "a section page Lucene would have taken for its own");
    }
    try (Stream<Path> files = Files.list(content)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("segments")));
    }
    assertExit(Main.USAGE, "index folder is empty", Cli.run("index", "--index", ""));
    assertEquals(Main.OK, sitesearch("index").exit(), "a new folder is fine");
    assertEquals(Main.OK, sitesearch("index").exit(), "and so is an index");
  }

  @Test
  void a_port_out_of_range_is_a_usage_error_without_a_stack() {
    Run r = sitesearch("serve", "--port", "99999");
    assertExit(Main.USAGE, "--port must be from 0 to 65535, not 99999", r);
    assertFalse(r.err().contains("Exception"), r::toString);
  }

  // --- help
  // --------------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "sitesearch {0}")
  @ValueSource(
      strings = {
        "--help",
        "-h",
        "help",
        "index --help",
        "check --help",
        "search --help",
        "serve --help",
        "help index",
        "help serve"
      })
  void help_prints_usage_and_exits_0(String args) {
    Run r = Cli.run(args.split(" "));

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Usage: sitesearch"), r::toString);
    assertTrue(r.out().contains("--help"), r::toString);
  }

  @Test
  void root_help_lists_every_subcommand_and_the_exit_codes() {
    String out = Cli.run("--help").out();

    for (String word :
        List.of("index", "check", "search", "serve", "Exit codes:", "some content files failed")) {
      assertTrue(out.contains(word), () -> "'" + word + "' missing from:\n" + out);
    }
  }

  @Test
  void version_prints_the_version() {
    Run r = Cli.run("--version");

    assertEquals(0, r.exit());
    assertEquals("sitesearch 0.1.0", r.out().strip());
  }

  @Test
  void an_unknown_option_exits_2_and_names_it() {
    Run r = sitesearch("index", "--fulll");

    assertExit(2, "--fulll", r);
  }

  @Test
  void an_unknown_subcommand_exits_2() {
    Run r = Cli.run("reindex");

    assertExit(2, "reindex", r);
  }

  // --- index
  // -------------------------------------------------------------------------------------------------------

  @Test
  void index_on_a_clean_folder_exits_0_and_prints_the_one_line_summary() {
    Run r = sitesearch("index");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out()
            .strip()
            .matches(
                "full \\(new index\\): 2 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped, "
                    + "0 failed; 2 documents; \\d+ docs/s; \\d+\\.\\d\\d s"),
        r::toString);
    assertEquals(1, r.out().strip().lines().count(), r::toString);
    assertEquals("", r.err().lines().filter(l -> l.startsWith("FAILED")).findAny().orElse(""));
  }

  @Test
  void index_again_is_incremental() {
    sitesearch("index");

    Run r = sitesearch("index");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out().startsWith("incremental: 0 added, 0 updated, 0 deleted, 2 unchanged,"),
        r::toString);
  }

  @Test
  void index_with_a_bad_file_exits_1_names_the_file_and_indexes_the_rest() throws IOException {
    write("news/broken.md", "---\ntitle: [oops\n---\nBody\n");

    Run r = sitesearch("index");

    assertExit(1, "FAILED  news/broken.md:", r);
    assertTrue(r.err().contains("invalid YAML front matter"), r::toString);
    assertTrue(
        r.out().contains("2 added")
            && r.out().contains("1 failed")
            && r.out().contains("2 documents"),
        r::toString);
  }

  @Test
  void index_json_prints_the_summary_with_each_failure_path_and_reason() throws IOException {
    write("news/broken.md", "+++\ntitle = \n+++\nBody\n");
    write("news/odd.md", "---\ntitle: Odd\ntags: {a: b}\n---\nBody\n");

    Run r = sitesearch("index", "--json");

    assertEquals(1, r.exit(), r::toString);
    JsonNode json = JSON.readTree(r.out());
    assertEquals("full", json.get("mode").asText());
    assertEquals(3, json.get("added").asInt());
    assertEquals(1, json.get("failed").asInt());
    assertEquals(3, json.get("documents").asInt());
    assertEquals(1, json.get("failures").size());
    assertEquals("news/broken.md", json.get("failures").get(0).get("path").asText());
    assertTrue(
        json.get("failures").get(0).get("reason").asText().startsWith("invalid TOML front matter"),
        r::toString);
    assertEquals("news/odd.md", json.get("warnings").get(0).get("path").asText());
  }

  @Test
  void index_full_rebuilds() {
    sitesearch("index");

    Run r = sitesearch("index", "--full");

    assertTrue(r.out().startsWith("full (requested):"), r::toString);
  }

  @Test
  void index_include_drafts_indexes_drafts() throws IOException {
    write("news/draft.md", "---\ntitle: Draft page\ndraft: true\n---\nBody\n");

    Run without = sitesearch("index");
    Run with = sitesearch("index", "--full", "--include-drafts");

    assertTrue(
        without.out().contains("1 skipped") && without.out().contains("2 documents"),
        without::toString);
    assertTrue(with.out().contains("3 documents"), with::toString);
  }

  @Test
  void a_bad_config_file_exits_2_with_a_message_naming_the_key() throws IOException {
    Files.writeString(config, "server:\n  port: 99999\n");

    Run r = sitesearch("index");

    assertEquals(2, r.exit(), r::toString);
    assertTrue(
        r.err().contains("configuration error") && r.err().contains("server.port"), r::toString);
    assertTrue(Files.notExists(index), "nothing was indexed");
  }

  @Test
  void an_unknown_config_key_exits_2_naming_it() throws IOException {
    Files.writeString(config, "fields:\n  facet: [tags]\n");

    Run r = sitesearch("index");

    assertExit(2, "fields.facet: unknown key", r);
  }

  @Test
  void a_missing_content_folder_exits_2_naming_it() {
    Run r =
        Cli.run(
            "index",
            "--content",
            tmp.resolve("nope").toString(),
            "--index",
            index.toString(),
            "--config",
            config.toString());

    assertEquals(2, r.exit(), r::toString);
    assertTrue(
        r.err().contains("content folder not found") && r.err().contains("nope"), r::toString);
  }

  @Test
  void serve_on_a_port_in_use_exits_2_in_one_line_before_indexing_anything() throws IOException {
    try (var taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Run r = sitesearch("serve", "--port", String.valueOf(taken.getLocalPort()));

      assertExit(2, "already in use", r);
      assertTrue(r.err().contains("127.0.0.1:" + taken.getLocalPort()), r::toString);
      assertEquals(1, r.err().strip().lines().count(), () -> "one line, no stack trace: " + r);
      assertFalse(Files.exists(index), "nothing was indexed for a server that cannot start");
    }
  }

  @Test
  void an_index_path_that_is_a_file_exits_2_saying_so() throws IOException {
    Files.writeString(index, "not an index");

    Run r = sitesearch("index");

    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains(index.toString()), r::toString);
    assertTrue(r.err().contains("in the way") || r.err().contains("not a folder"), r::toString);
  }

  @Test
  void config_prints_each_setting_with_its_source_and_masks_the_token() throws IOException {
    Files.writeString(config, "server:\n  port: 8123\n  adminToken: s3cret\n");

    Run r = sitesearch("config");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("server\\.port: 8123 +# file")), r::toString);
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("server\\.limits\\.maxQueueWait: 2s +# default")),
        r::toString);
    assertTrue(r.out().contains("server.adminToken: ****"), r::toString);
    assertFalse(r.out().contains("s3cret"), r::toString);
  }

  // --- check
  // -------------------------------------------------------------------------------------------------------

  @Test
  void check_on_good_content_exits_0_and_writes_no_index() {
    Run r = sitesearch("check");

    assertEquals(0, r.exit(), r::toString);
    assertEquals("check: 2 pages ok, 0 skipped, 0 failed, 0 warnings", r.out().strip());
    assertTrue(Files.notExists(index), "check must not create the index");
  }

  @Test
  void check_on_bad_content_exits_1_naming_the_file_and_leaves_an_existing_index_untouched()
      throws IOException {
    sitesearch("index");
    Map<String, FileTime> before = indexFiles();
    write("news/binary.md", "\0\0\0");
    write("news/new-good.md", "---\ntitle: Newly written\n---\nBody\n");

    Run r = sitesearch("check");

    assertExit(1, "FAILED  news/binary.md: binary file", r);
    assertEquals("check: 3 pages ok, 0 skipped, 1 failed, 0 warnings", r.out().strip());
    assertEquals(before, indexFiles(), "check changed the index folder");
    Run search = sitesearch("search", "newly", "--json");
    assertEquals(0, JSON.readTree(search.out()).get("total").asInt(), "check indexed a page");
  }

  @Test
  void check_json_prints_failures_with_path_and_reason() throws IOException {
    write("bad.md", "{\"title\": }\nBody\n");

    Run r = sitesearch("check", "--json");

    assertEquals(1, r.exit(), r::toString);
    JsonNode failure = JSON.readTree(r.out()).get("failures").get(0);
    assertEquals("bad.md", failure.get("path").asText());
    assertFalse(failure.get("reason").asText().isBlank());
  }

  // --- search
  // ------------------------------------------------------------------------------------------------------

  @Test
  void search_applies_the_editors_curation_stored_beside_the_index() throws IOException {
    // a cold JVM on a busy machine must not stop these searches early
    Files.writeString(config, "server:\n  limits:\n    searchTimeout: 60s\n");
    sitesearch("index");
    for (String pinned : List.of("a1", "n1")) {
      Files.writeString(
          index.resolveSibling(index.getFileName() + ".curation.json"),
          """
          {"format": 1, "changes": [{"version": 1, "editor": "Ana", "at": "2026-11-30T04:00:00Z",
            "action": "add", "kind": "pin", "query": "Chronic care", "ids": ["%s"]}]}"""
              .formatted(pinned));

      Run r = sitesearch("search", "chronic care", "--json");

      assertEquals(0, r.exit(), r::toString);
      assertEquals(pinned, JSON.readTree(r.out()).at("/hits/0/id").asText(), r::toString);
    }
  }

  @Test
  void search_json_prints_the_search_response() throws IOException {
    sitesearch("index");

    Run r = sitesearch("search", "chronic care", "--json");

    assertEquals(0, r.exit(), r::toString);
    JsonNode json = JSON.readTree(r.out());
    assertEquals("chronic care", json.get("query").asText());
    assertEquals(2, json.get("total").asInt());
    assertEquals(2, json.get("hits").size());
    JsonNode hit = json.get("hits").get(0);
    for (String field : List.of("id", "title", "url", "snippet", "fields")) {
      assertTrue(hit.has(field), () -> field + " missing from " + hit);
    }
    assertTrue(
        hit.get("title").asText().toLowerCase().contains("chronic care management"), hit::toString);
    JsonNode categories = json.get("facets").get("searchCategory");
    assertEquals(
        "[{\"value\":\"Article\",\"count\":1,\"ifAdded\":1,\"selected\":false},"
            + "{\"value\":\"News\",\"count\":1,\"ifAdded\":1,\"selected\":false}]",
        sorted(categories));
  }

  private static String sorted(JsonNode array) {
    var items = new ArrayList<String>();
    array.forEach(n -> items.add(n.toString()));
    items.sort(null);
    return "[" + String.join(",", items) + "]";
  }

  @Test
  void search_with_a_filter_keeps_only_matching_pages() throws IOException {
    sitesearch("index");

    Run r = sitesearch("search", "chronic care", "--filter", "searchCategory=News", "--json");

    assertEquals(0, r.exit(), r::toString);
    JsonNode json = JSON.readTree(r.out());
    assertEquals(1, json.get("total").asInt(), r::toString);
    assertEquals("n1", json.get("hits").get(0).get("id").asText());
    assertEquals(
        "[\"News\"]", json.get("hits").get(0).get("fields").get("searchCategory").toString());
  }

  @Test
  void search_as_text_lists_ranked_hits() {
    sitesearch("index");

    Run r = sitesearch("search", "guide");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("1 result for 'guide'"), r::toString);
    assertTrue(r.out().contains("1. A guide to chronic care management"), r::toString);
  }

  @Test
  void a_long_synonyms_list_is_built_before_the_search_not_inside_its_time_limit()
      throws IOException {
    sitesearch("index");
    var lines = new StringBuilder("care, attention\n");
    for (int i = 0; i < 30_000; i++)
      lines.append("x").append(i).append(", y").append(i).append('\n');
    Path synonyms = Files.writeString(tmp.resolve("synonyms.txt"), lines);
    Files.writeString(
        config,
        "ranking:\n  synonyms: " + synonyms + "\nserver:\n  limits:\n    searchTimeout: 100ms\n");

    Run r = sitesearch("search", "care");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("2 results for 'care'"), r::toString);
    assertFalse(r.out().contains("time limit"), r::toString);
  }

  @Test
  void search_with_an_unknown_facet_filter_exits_2_naming_the_facets() {
    sitesearch("index");

    Run r = sitesearch("search", "care", "--filter", "colour=red");

    assertExit(2, "unknown facet 'colour'", r);
  }

  @Test
  void search_on_a_missing_index_exits_2_and_says_to_run_index() {
    Run r = sitesearch("search", "care");

    assertExit(2, "run 'sitesearch index'", r);
  }

  @Test
  void search_on_an_empty_index_folder_exits_2_and_says_to_run_index() throws IOException {
    Files.createDirectories(index);

    Run r = sitesearch("search", "care");

    assertExit(2, "run 'sitesearch index'", r);
  }
}
