package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.http.Json;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.StoredPage;
import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer over a folder of hostile files made at run time ({@link HostileCorpus}): every bad
 * file is reported under its path with a reason, every good page (odd names, huge values, control
 * characters) is in the index under its id with the hash of its bytes, nothing throws, and Lucene's
 * CheckIndex passes; then again after renames, edits, fixes and breakages, and once through the
 * real command line over a content folder that is itself a symlink.
 */
class HostileCorpusTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  /**
   * C0 controls except tab and newline, DEL and the C1 block: what must not reach a title, a
   * snippet or a facet.
   */
  static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

  static final String VANISHES = "race/vanishes.md";
  static final String CHANGES = "race/changes.md";

  @TempDir Path tmp;
  Path content;
  Path index;
  HostileCorpus corpus;

  @BeforeEach
  void corpus() throws IOException {
    content = tmp.resolve("content");
    index = tmp.resolve("index");
    corpus = HostileCorpus.write(content, tmp.resolve("outside"));
  }

  @AfterEach
  void unlock() throws IOException {
    HostileCorpus.unlock(content);
  }

  private Indexer indexer(Path root) {
    return new Indexer(
        root,
        index,
        Seed.schema(),
        new PageReader(HostileCorpus.MAX_FILE_BYTES, false, CLOCK),
        2,
        CLOCK);
  }

  /**
   * Between the walk and the reads (where {@link Indexer.Progress#start} is called), one listed
   * file is deleted and another rewritten: the deterministic form of "a file changes or disappears
   * while it is being read". The deleted one is gone; the rewritten one is not the file the walk
   * listed, so it waits for the next run.
   */
  private Indexer.Progress racingProgress() {
    return new Indexer.Progress() {
      @Override
      public void start(int filesToRead) {
        try {
          Files.delete(content.resolve(VANISHES));
          Files.writeString(
              content.resolve(CHANGES),
              "---\nid: changes\ntitle: Second version\n---\nRewritten as the "
                  + "indexer was about to read it, and longer than before.\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private Map<String, String> expectedState() throws IOException {
    var expected = new TreeMap<String, String>();
    for (var e : corpus.good.entrySet()) {
      expected.put(
          e.getValue(), IndexState.sha256(Files.readAllBytes(content.resolve(e.getKey()))));
    }
    return expected;
  }

  private static Map<String, String> reasons(List<ContentProblem> problems) {
    return problems.stream()
        .collect(
            Collectors.toMap(
                ContentProblem::path,
                ContentProblem::reason,
                (a, b) -> a + " | " + b,
                TreeMap::new));
  }

  private static void assertReasons(Map<String, String> expected, List<ContentProblem> problems) {
    Map<String, String> actual = reasons(problems);
    assertEquals(expected.keySet(), actual.keySet(), () -> "reported: " + actual);
    expected.forEach(
        (path, reason) ->
            assertTrue(
                actual.get(path).contains(reason),
                () -> path + ": '" + actual.get(path) + "' should mention '" + reason + "'"));
  }

  private static String clean(String s) {
    return CONTROL.matcher(s).replaceAll("");
  }

  @Test
  @Timeout(120) // a guard against a hang (a FIFO, a bomb), not a speed check
  void
      every_bad_file_is_reported_and_every_good_page_is_indexed_under_its_id_and_the_index_is_clean()
          throws Exception {
    Files.createDirectories(content.resolve("race"));
    Files.writeString(
        content.resolve(VANISHES), "---\nid: vanishes\n---\nHere at the walk, gone at the read.\n");
    Files.writeString(
        content.resolve(CHANGES), "---\nid: changes\ntitle: First version\n---\nShort.\n");

    IndexSummary s = indexer(content).run(false, racingProgress());

    assertReasons(
        corpus.bad, s.failures()); // the file deleted before its read is gone, not a failure
    for (ContentProblem p : s.failures()) {
      assertFalse(
          p.reason().contains(tmp.toString()) || p.reason().contains(tmp.toRealPath().toString()),
          () ->
              "reasons name files relative to the content folder (the admin API shows them): " + p);
    }
    assertEquals(1, s.exitCode());
    Map<String, String> warnings = reasons(s.warnings());
    corpus.warned.forEach(
        (path, warning) ->
            assertTrue(
                warnings.getOrDefault(path, "").contains(warning),
                () -> path + " should be warned about '" + warning + "': " + warnings.get(path)));

    assertTrue(
        warnings.getOrDefault(CHANGES, "").contains("rewritten after the folder was listed"),
        () -> "the file rewritten after the walk is left for the next run: " + warnings);
    var expected = new TreeMap<>(expectedState());
    assertEquals(
        expected,
        IndexState.idToHash(index),
        "each good page under its id, with the hash of its bytes");
    assertEquals(expected.size(), s.documents());
    IndexState.assertCheckIndexClean(index);

    IndexSummary next = indexer(content).run(false, Indexer.Progress.NONE);
    assertEquals(1, next.added(), next::line);
    expected.put("changes", IndexState.sha256(Files.readAllBytes(content.resolve(CHANGES))));
    assertEquals(expected, IndexState.idToHash(index), "the next run reads it as it is then");

    try (var search = OpenedIndex.of(index)) {
      for (var e : corpus.good.entrySet()) {
        StoredPage page =
            search.document(e.getValue()).orElseThrow(() -> new AssertionError(e.getValue()));
        assertEquals(e.getKey(), page.path(), "the page keeps its path, odd characters and all");
      }
      assertEquals("Second version", search.document("changes").orElseThrow().title());
      assertEquals(
          List.of("long-line"),
          ids(search, HostileCorpus.END_OF_LONG_LINE),
          "the end of a 1 MB line");
      assertEquals(
          PageReader.MAX_TITLE_CHARS - 1,
          search.document("million-title").orElseThrow().title().length(),
          "a million-character title is cut (and stripped of the space at the cut)");
      assertTrue(ids(search, "giraffe").contains("million-title"));
      assertEquals(List.of(), ids(search, "salary"), "nothing from outside the content folder");
    }
  }

  @Test
  @Timeout(120)
  void control_characters_in_values_stay_out_of_titles_snippets_facets_and_json() throws Exception {
    indexer(content).run(false, Indexer.Progress.NONE);

    try (var search = OpenedIndex.of(index)) {
      SearchResponse r = search.search(SearchRequest.of(HostileCorpus.CONTROL_WORD));
      assertEquals(
          new TreeSet<>(List.of("ctl-json", "ctl-surrogate", "ctl-toml", "ctl-yaml")),
          r.hits().stream()
              .map(SearchResponse.Hit::id)
              .collect(Collectors.toCollection(TreeSet::new)));
      String json = Json.write(r);
      JsonNode parsed = new ObjectMapper().readTree(json);
      assertEquals(4, parsed.get("hits").size(), "the JSON answer parses back");
      for (SearchResponse.Hit hit : r.hits()) {
        assertEquals(
            clean(hit.title()), hit.title(), () -> hit.id() + " title " + Json.write(hit.title()));
        assertEquals(
            clean(hit.snippet()),
            hit.snippet(),
            () -> hit.id() + " snippet " + Json.write(hit.snippet()));
        hit.highlights()
            .values()
            .forEach(h -> assertEquals(clean(h), h, () -> hit.id() + " highlight"));
        hit.fields()
            .values()
            .forEach(vs -> vs.forEach(v -> assertEquals(clean(v), v, () -> hit.id() + " facet")));
      }
      StoredPage yaml = search.document("ctl-yaml").orElseThrow();
      assertEquals(clean(yaml.title()), yaml.title(), Json.write(yaml.title()));
      assertEquals(clean(yaml.description()), yaml.description(), Json.write(yaml.description()));
      assertEquals(clean(yaml.body()), yaml.body(), Json.write(yaml.body()));
      assertTrue(
          yaml.title().startsWith("Bell")
              && yaml.title().endsWith("red " + HostileCorpus.CONTROL_WORD),
          yaml.title());
      assertEquals(
          List.of("t ag"),
          yaml.fields().get("tags"),
          "a control character in a facet value is a space");
      r.facets()
          .values()
          .forEach(values -> values.forEach(v -> assertEquals(clean(v.value()), v.value())));
    }
  }

  @Test
  @Timeout(120)
  void an_incremental_run_after_renames_edits_fixes_and_breakages_reaches_exactly_the_new_state()
      throws Exception {
    IndexSummary first = indexer(content).run(false, Indexer.Progress.NONE);
    assertEquals(corpus.good.size(), first.documents());
    Map<String, String> before = IndexState.idToHash(index);

    // A case-only rename (the id comes from the path), an edit, a deletion, a fix, a breakage, a
    // new odd name.
    Files.move(content.resolve("CaseOnly.md"), content.resolve("caseonly.md"));
    corpus.good.remove("CaseOnly.md");
    corpus.good.put("caseonly.md", "caseonly.md");
    edit("plain.md", "---\nid: plain\ntitle: Plain page, edited\n---\nGiraffes graze again.\n");
    Files.delete(content.resolve("formats/toml.md"));
    corpus.good.remove("formats/toml.md");
    edit("syntax/yaml.md", "---\nid: fixed\ntitle: Fixed\nauthor: [Ann, Bob]\n---\nBody\n");
    corpus.bad.remove("syntax/yaml.md");
    corpus.good.put("syntax/yaml.md", "fixed");
    String jsonBefore = before.get("json");
    edit("formats/json.md", "{\"id\": \"json\", \"title\": \"Broken now\"\nBody\n");
    corpus.good.remove("formats/json.md");
    corpus.bad.put("formats/json.md", "its last good version stays in the index");
    edit(
        "dup/a.md",
        "---\nid: dup-a\ntitle: First, renamed id\n---\nB\n"); // b.md now holds 'dup', c.md still
    // loses
    corpus.good.put("dup/a.md", "dup-a");
    corpus.bad.remove("dup/b.md");
    corpus.good.put("dup/b.md", "dup");
    corpus.bad.put("dup/c.md", "dup/b.md has it too");
    edit("odd\u00A0nbsp and\u2028separator.md", "Giraffes under a stranger name.\n");
    corpus.good.put("odd\u00A0nbsp and\u2028separator.md", "odd\u00A0nbsp and\u2028separator.md");

    IndexSummary s = indexer(content).run(false, Indexer.Progress.NONE);

    assertEquals("incremental", s.mode());
    assertReasons(corpus.bad, s.failures());
    var expected = new TreeMap<>(expectedState());
    expected.put("json", jsonBefore);
    assertEquals(expected, IndexState.idToHash(index));
    assertEquals(
        "added=4 updated=2 deleted=2",
        "added=%d updated=%d deleted=%d".formatted(s.added(), s.updated(), s.deleted()),
        s.line());
    IndexState.assertCheckIndexClean(index);
    try (var search = OpenedIndex.of(index)) {
      assertEquals("caseonly.md", search.document("caseonly.md").orElseThrow().path());
      assertTrue(search.document("CaseOnly.md").isEmpty(), "the old spelling is gone");
      assertEquals("Plain page, edited", search.document("plain").orElseThrow().title());
      assertEquals(
          "JSON page",
          search.document("json").orElseThrow().title(),
          "the broken page keeps its last version");
    }

    // Not asserted: "no new commit". A duplicate-id loser is not in the index, so every run reads,
    // writes and deletes it again, and commits; the state stays right, which is what this checks.
    IndexSummary again = indexer(content).run(false, Indexer.Progress.NONE);
    assertEquals(
        "added=0 updated=0 deleted=0",
        "added=%d updated=%d deleted=%d"
            .formatted(again.added(), again.updated(), again.deleted()));
    assertEquals(expected, IndexState.idToHash(index));
  }

  @Test
  @Timeout(120)
  void
      the_command_line_over_a_symlinked_content_folder_reports_the_same_files_and_indexes_the_same_pages()
          throws Exception {
    Path linkedRoot = Files.createSymbolicLink(tmp.resolve("site"), content);
    Path config =
        Files.writeString(tmp.resolve("sitesearch.yml"), "content:\n  maxFileSize: 3MB\n");

    Cli.Run run = Cli.run("index", new SiteFolders(linkedRoot, index, config), "--json");

    assertEquals(1, run.exit(), run::toString);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    var reported = new TreeSet<String>();
    summary.get("failures").forEach(f -> reported.add(f.get("path").asText()));
    assertEquals(corpus.bad.keySet(), reported, "the same files as through the real path");
    assertEquals(corpus.good.size(), summary.get("documents").asInt());
    assertEquals(expectedState(), IndexState.idToHash(index));
    IndexState.assertCheckIndexClean(index);
  }

  private void edit(String rel, String text) throws IOException {
    ContentFiles.edit(content, rel, text);
  }

  private static List<String> ids(OpenedIndex search, String q) throws IOException {
    return search.search(SearchRequest.of(q)).hits().stream().map(SearchResponse.Hit::id).toList();
  }
}
