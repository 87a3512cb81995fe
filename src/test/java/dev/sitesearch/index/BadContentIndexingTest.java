package dev.sitesearch.index;

import static dev.sitesearch.testing.ContentFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.HostileFrontMatter;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad file is reported with its path and a reason a person can act on, while the good
 * pages beside it are all indexed and searchable.
 */
class BadContentIndexingTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  /** Small enough that the size case is quick; every good page is far below it. */
  static final long MAX_FILE_BYTES = 64 * 1024;

  @TempDir Path tmp;

  interface Setup {
    void make(Path content, Path outside) throws IOException;
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad(
            "malformed YAML",
            "news/bad-yaml.md",
            "invalid YAML front matter",
            (c, o) ->
                write(
                    c,
                    "news/bad-yaml.md",
                    "---\ntitle: Fine\nauthor: [Ann, Bob\ndate: 2024-01-01\n---\nBody\n")),
        bad(
            "malformed TOML",
            "news/bad-toml.md",
            "invalid TOML front matter",
            (c, o) ->
                write(
                    c, "news/bad-toml.md", "+++\ntitle = \"Fine\"\ntags = [\"a\", \n+++\nBody\n")),
        bad(
            "malformed JSON",
            "news/bad-json.md",
            "invalid JSON front matter",
            (c, o) -> write(c, "news/bad-json.md", "{\"title\": \"Fine\" \"tags\": []}\nBody\n")),
        bad(
            "invalid UTF-8",
            "news/latin1.md",
            "invalid UTF-8",
            (c, o) ->
                write(
                    c,
                    "news/latin1.md",
                    "---\ntitle: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1))),
        bad(
            "binary file named .md",
            "img/photo.md",
            "binary file",
            (c, o) ->
                write(
                    c,
                    "img/photo.md",
                    new byte[] {
                      (byte) 0xFF,
                      (byte) 0xD8,
                      (byte) 0xFF,
                      (byte) 0xE0,
                      0,
                      16,
                      'J',
                      'F',
                      'I',
                      'F',
                      0
                    })),
        bad(
            "file over the size limit",
            "news/huge.md",
            "over the 64.0 KB limit",
            (c, o) -> write(c, "news/huge.md", "---\ntitle: Huge\n---\n" + "word ".repeat(20_000))),
        bad(
            "YAML alias bomb",
            "news/lol.md",
            "aliases",
            (c, o) -> write(c, "news/lol.md", HostileFrontMatter.ALIAS_BOMB)),
        bad(
            "very deep YAML nesting",
            "news/deep.md",
            "invalid YAML front matter",
            (c, o) ->
                write(
                    c,
                    "news/deep.md",
                    "---\na: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nB\n")),
        bad(
            "YAML tag naming java.io.File",
            "news/file-tag.md",
            "java.io.File",
            (c, o) ->
                write(
                    c,
                    "news/file-tag.md",
                    "---\ntitle: !!java.io.File [\"/etc/passwd\"]\n---\nBody\n")),
        bad(
            "YAML tag naming ScriptEngineManager",
            "news/rce.md",
            "javax.script.ScriptEngineManager",
            (c, o) ->
                write(
                    c,
                    "news/rce.md",
                    "---\nx: !!javax.script.ScriptEngineManager "
                        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n---\nBody\n")),
        bad(
            "id longer than the index can hold",
            "news/long-id.md",
            "id",
            (c, o) ->
                write(
                    c,
                    "news/long-id.md",
                    "---\nid: " + "x".repeat(40_000) + "\ntitle: Long id\n---\nBody\n")),
        bad(
            "symlink leaving the content root",
            "leak.md",
            "outside the content folder",
            (c, o) ->
                Files.createSymbolicLink(
                    c.resolve("leak.md"), write(o, "secret.md", "# Secret\nsalary table\n"))),
        bad(
            "symlinked folder leaving the content root",
            "shared",
            "outside the content folder",
            (c, o) -> {
              write(o, "shared/secret.md", "# Secret\nsalary table\n");
              Files.createSymbolicLink(c.resolve("shared"), o.resolve("shared"));
            }),
        bad(
            "symlink loop",
            "news/loop",
            "symlink loop",
            (c, o) -> Files.createSymbolicLink(c.resolve("news/loop"), c)),
        bad(
            "broken symlink",
            "news/dangling.md",
            "broken symlink",
            (c, o) ->
                Files.createSymbolicLink(
                    c.resolve("news/dangling.md"), c.resolve("news/removed.md"))));
  }

  private static Arguments bad(String name, String path, String reason, Setup setup) {
    return Arguments.of(name, path, reason, setup);
  }

  private Path goodSite() throws IOException {
    Path content = Files.createDirectories(tmp.resolve("content"));
    write(content, "news/good-one.md", "---\nid: g1\ntitle: Good one\n---\nGiraffes graze.\n");
    write(
        content,
        "articles/good-two.md",
        "+++\nid = \"g2\"\ntitle = \"Good two\"\n+++\nGiraffes gallop.\n");
    write(
        content,
        "good-three.md",
        "{\"id\": \"g3\", \"title\": \"Good three\"}\nGiraffes gather.\n");
    return content;
  }

  private IndexSummary index(Path content) throws IOException {
    return new Indexer(
            content,
            tmp.resolve("index"),
            Seed.schema(),
            new PageReader(MAX_FILE_BYTES, false, CLOCK),
            2,
            CLOCK)
        .run(false, Indexer.Progress.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  @Timeout(60) // a guard against a hang, not a speed check
  void a_bad_file_is_reported_with_path_and_reason_and_every_other_page_is_indexed(
      String name, String path, String reason, Setup setup) throws Exception {
    Path content = goodSite();
    setup.make(content, Files.createDirectories(tmp.resolve("outside")));

    IndexSummary s = index(content);

    assertEquals(1, s.failed(), () -> name + ": " + s.failures());
    assertEquals(1, s.exitCode());
    ContentProblem p = s.failures().get(0);
    assertEquals(path, p.path(), name);
    assertTrue(
        p.reason().contains(reason),
        () -> name + ": '" + p.reason() + "' should mention '" + reason + "'");
    assertEquals(3, s.documents(), name);
    assertEquals(3, s.added(), name);
    try (var search = OpenedIndex.of(tmp.resolve("index"))) {
      assertEquals(3, search.search(SearchRequest.of("giraffes")).total(), name);
      assertEquals(
          0,
          search.search(SearchRequest.of("salary")).total(),
          name + ": nothing from outside the root");
    }
  }

  @Test
  void yaml_errors_are_reported_at_their_line_and_column() throws Exception {
    Path content = goodSite();
    write(content, "news/bad-yaml.md", "---\ntitle: Fine\ndescription: one: two\n---\nBody\n");

    IndexSummary s = index(content);

    ContentProblem p = s.failures().get(0);
    assertEquals(3, p.line());
    assertEquals(17, p.column(), "the second ':' on 'description: one: two'");
    assertTrue(
        p.toString().startsWith("news/bad-yaml.md:3:17: invalid YAML front matter: "),
        p.toString());
  }

  @Test
  void every_bad_file_in_one_folder_is_reported_in_path_order_and_the_good_pages_are_indexed()
      throws Exception {
    Path content = goodSite();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    List<String> expected = badFiles().map(a -> (String) a.get()[1]).sorted().toList();
    for (Arguments a : badFiles().toList()) ((Setup) a.get()[3]).make(content, outside);

    IndexSummary s = index(content);

    assertEquals(expected, s.failures().stream().map(ContentProblem::path).toList());
    assertEquals(3, s.documents());
  }

  @Test
  void an_unreadable_file_is_reported_and_the_others_indexed() throws Exception {
    Path content = goodSite();
    ContentFiles.makeUnreadable(
        write(content, "news/locked.md", "---\ntitle: Locked\n---\nBody\n"));

    IndexSummary s = index(content);

    assertEquals(1, s.failed());
    assertEquals("news/locked.md", s.failures().get(0).path());
    assertTrue(s.failures().get(0).reason().contains("permission denied"), s.failures().toString());
    assertEquals(3, s.documents());
  }
}
