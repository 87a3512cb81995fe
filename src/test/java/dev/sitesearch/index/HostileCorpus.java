package dev.sitesearch.index;

import dev.sitesearch.testing.HostileFrontMatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes a content folder full of hostile files at run time (nothing generated is committed), and
 * remembers what the indexer must make of each: a bad file must be reported under its path with a
 * reason containing {@link #bad}'s text; a good one must be in the index under the id in {@link
 * #good}. Files that are neither (a FIFO) must simply not hang or break the run.
 */
final class HostileCorpus {
  /** The reader's size limit for this corpus: above the 1 MB values, below the huge file. */
  static final long MAX_FILE_BYTES = 3L * 1024 * 1024;

  /** A word that appears only at the very end of the 1 MB line. */
  static final String END_OF_LONG_LINE = "zanzibarend";

  static final String CONTROL_WORD = "controlled";

  /** Path to a part of the reason the index must give. */
  final Map<String, String> bad = new TreeMap<>();

  /** Path to the id the page must be found under. */
  final Map<String, String> good = new TreeMap<>();

  /** Path to a part of a warning the run must give (the page is still indexed). */
  final Map<String, String> warned = new TreeMap<>();

  private final Path content;

  private HostileCorpus(Path content) {
    this.content = content;
  }

  static HostileCorpus write(Path content, Path outside) throws IOException {
    var corpus = new HostileCorpus(Files.createDirectories(content));
    corpus.goodPages();
    corpus.oddNames();
    corpus.hugeButAllowed();
    corpus.controlCharacters();
    corpus.wrongTypesAndBadDates();
    corpus.badSyntax();
    corpus.badBytes();
    corpus.bombsAndDepth();
    corpus.links(Files.createDirectories(outside));
    corpus.duplicates();
    corpus.unreadable();
    corpus.fifo();
    return corpus;
  }

  private void goodPages() throws IOException {
    good(
        "plain.md",
        "plain",
        "---\nid: plain\ntitle: Plain page\ntags: [a, b]\ndate: 2024-01-01\n---\nGiraffes graze.\n");
    good(
        "formats/toml.md",
        "toml",
        "+++\nid = \"toml\"\ntitle = \"TOML page\"\n+++\nGiraffes gallop.\n");
    good(
        "formats/json.md",
        "json",
        "{\"id\": \"json\", \"title\": \"JSON page\"}\nGiraffes gather.\n");
    good("empty.md", "empty.md", "");
    good("blank.md", "blank.md", " \n\t\n\n");
    good(
        "no-front-matter.md",
        "no-front-matter.md",
        "# Just a heading\n\nGiraffes without front matter.\n");
    good("only-front-matter.md", "only", "---\nid: only\ntitle: Nothing below\n---\n");
    good(
        "empty-front-matter.md",
        "empty-front-matter.md",
        "---\n---\nGiraffes with an empty block.\n");
    good(
        "crlf.md",
        "crlf",
        "---\r\nid: crlf\r\ntitle: Windows line ends\r\n---\r\nGiraffes on Windows.\r\n");
    good(
        "bom.md", "bom", "\uFEFF---\nid: bom\ntitle: Byte order mark\n---\nGiraffes with a BOM.\n");
    good("dir.md/inner.md", "dir.md/inner.md", "# Inside a folder named like a page\n");
  }

  private void oddNames() throws IOException {
    for (String name :
        new String[] {
          "with space.md",
          "naïve café/ünïcödé.md",
          "日本語のページ.md",
          "new\nline.md",
          "tab\tname.md",
          "emoji 🎉.md",
          "quote'\"s.md",
          "back\\slash.md",
          "-leading-dash.md",
          "UPPER.MD",
          "long." + "n".repeat(200) + ".markdown",
          "CaseOnly.md"
        }) {
      good(name, name, "Giraffes under an odd name.\n");
    }
  }

  private void hugeButAllowed() throws IOException {
    good(
        "huge/long-line.md",
        "long-line",
        "---\nid: long-line\ntitle: One long line\n---\n"
            + "giraffe ".repeat(131_072)
            + END_OF_LONG_LINE);
    good(
        "huge/long-token.md",
        "long-token",
        "---\nid: long-token\ntitle: One long word\n---\n" + "g".repeat(1 << 20));
    good(
        "huge/million-title.md",
        "million-title",
        "---\nid: million-title\ntitle: \"" + "giraffe ".repeat(125_000) + "\"\n---\nBody.\n");
    warned.put("huge/million-title.md", "characters, cut to the first 1000");
    good(
        "huge/million-char-word-title.md",
        "million-word",
        "---\nid: million-word\ntitle: " + "t".repeat(1_000_000) + "\n---\nBody.\n");
    warned.put("huge/million-char-word-title.md", "title: 1000000 characters, cut");
    String tags =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "tag" + i)
            .collect(Collectors.joining(", ", "[", "]"));
    good(
        "huge/ten-thousand-tags.md",
        "many-tags",
        "---\nid: many-tags\ntitle: Many tags\ntags: " + tags + "\n---\nB\n");
    warned.put("huge/ten-thousand-tags.md", "tags: only the first 100 values are kept");
    String values =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "\"v" + i + "\"")
            .collect(Collectors.joining(", "));
    good(
        "huge/json-list.md",
        "json-list",
        "{\"id\": \"json-list\", \"title\": \"Long JSON list\", \"categories\": ["
            + values
            + "]}\nBody.\n");
    String longValue = "x".repeat(300_000);
    good(
        "huge/long-facet.md",
        "long-facet",
        "---\nid: long-facet\ntitle: Long facet\nauthor: "
            + longValue
            + "\ndescription: "
            + longValue
            + "\n---\nB\n");
    warned.put("huge/long-facet.md", "author: a value over 200 characters was shortened");
  }

  private void controlCharacters() throws IOException {
    // Escapes put control characters and NUL into values without putting a NUL byte into the file.
    good(
        "control/yaml.md",
        "ctl-yaml",
        "---\nid: ctl-yaml\ntitle: \"Bell\\a NUL\\0 escape\\e[31m red "
            + CONTROL_WORD
            + "\"\ndescription: \"a\\x01b\\x7fc\"\ntags: [\"t\\0ag\", \"\\x1f\"]\n---\nBody with raw "
            + "\u0007bell and \u001B[2Jescape "
            + CONTROL_WORD
            + " text.\n");
    good(
        "control/json.md",
        "ctl-json",
        "{\"id\": \"ctl-json\", \"title\": \"A\\u0000B\\u001fC "
            + CONTROL_WORD
            + "\", \"tags\": [\"\\u0000\"]}\nBody.\n");
    good(
        "control/toml.md",
        "ctl-toml",
        "+++\nid = \"ctl-toml\"\ntitle = \"T\\u0000O\\u0008ML "
            + CONTROL_WORD
            + "\"\n+++\nBody.\n");
    good(
        "control/surrogate.md",
        "ctl-surrogate",
        "{\"id\": \"ctl-surrogate\", \"title\": \"lone \\ud800 half "
            + CONTROL_WORD
            + "\"}\nBody.\n");
    bad(
        "control/raw-in-yaml.md",
        "invalid YAML front matter",
        "---\ntitle: raw \u0007 bell inside YAML\n---\nBody.\n");
  }

  private void wrongTypesAndBadDates() throws IOException {
    good(
        "types/wrong.md",
        "types/wrong.md",
        "---\nid: [1, 2]\ntitle: {a: 1}\ndescription: [x]\ntags: {k: v}\n"
            + "date: [2024]\ndraft: no\n---\n# Heading title\nGiraffes of the wrong type.\n");
    warned.put("types/wrong.md", "id: expected text, found a list");
    good(
        "types/numbers.md",
        "42",
        "---\nid: 42\ntitle: 3.14\ntags: [1, true, null, 2.5]\n---\nNumbers.\n");
    good(
        "dates/bad.md",
        "bad-dates",
        "---\nid: bad-dates\ntitle: Bad dates\ndate: someday\npublishDate: 2024-13-45\n"
            + "expiryDate: never\n---\nB\n");
    warned.put("dates/bad.md", "publishDate: '2024-13-45' is not a date");
    good(
        "dates/odd-forms.md",
        "odd-dates",
        "---\nid: odd-dates\ntitle: Odd dates\ndate: 2024-01-01 10:00:00\n"
            + "lastMod: 2024-01-01T10:00:00+05:00\n---\nB\n");
  }

  private void badSyntax() throws IOException {
    bad(
        "syntax/yaml.md",
        "invalid YAML front matter",
        "---\ntitle: Fine\nauthor: [Ann, Bob\n---\nBody\n");
    bad(
        "syntax/toml.md",
        "invalid TOML front matter",
        "+++\ntitle = \"Fine\"\ntags = [\"a\", \n+++\nBody\n");
    bad(
        "syntax/json.md",
        "invalid JSON front matter",
        "{\"title\": \"Fine\" \"tags\": []}\nBody\n");
    bad(
        "syntax/json-unclosed.md",
        "invalid JSON front matter",
        "{\"title\": \"Fine\",\n\"tags\": [\n");
    bad(
        "syntax/unclosed-yaml.md",
        "never closed",
        "---\ntitle: Forever open\n\nBody that never ends\n");
    bad("syntax/unclosed-toml.md", "never closed", "+++\ntitle = \"Forever open\"\n");
    bad("syntax/only-fence.md", "never closed", "---");
    bad("syntax/yaml-list.md", "must be a map", "---\n- a\n- b\n---\nBody\n");
    bad(
        "syntax/yaml-tag.md",
        "java.io.File",
        "---\ntitle: !!java.io.File [\"/etc/passwd\"]\n---\nBody\n");
    bad(
        "syntax/long-id.md",
        "the limit is 512",
        "---\nid: " + "i".repeat(40_000) + "\n---\nBody\n");
  }

  private void badBytes() throws IOException {
    bad(
        "bytes/nul.md",
        "binary file",
        "---\ntitle: NUL\n---\nA \u0000 byte.\n".getBytes(StandardCharsets.UTF_8));
    bad(
        "bytes/png.md",
        "binary file",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
    bad(
        "bytes/latin1.md",
        "invalid UTF-8",
        "---\ntitle: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1));
    bad(
        "bytes/utf16.md",
        "binary file",
        "\uFEFF# UTF-16 page\n".getBytes(StandardCharsets.UTF_16LE));
    bad(
        "bytes/truncated-utf8.md",
        "invalid UTF-8",
        new byte[] {'#', ' ', 'a', (byte) 0xE2, (byte) 0x82});
    bad(
        "bytes/too-big.md",
        "over the 3.0 MB limit",
        "---\ntitle: Huge\n---\n" + "word ".repeat(700_000));
  }

  private void bombsAndDepth() throws IOException {
    bad("bombs/alias-bomb.md", "aliases", HostileFrontMatter.ALIAS_BOMB);
    bad(
        "bombs/deep-yaml.md",
        "invalid YAML front matter",
        "---\na: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nB\n");
    bad(
        "bombs/deep-yaml-maps.md",
        "invalid YAML front matter",
        "---\n"
            + IntStream.range(0, 200)
                .mapToObj(i -> " ".repeat(i) + "k" + i + ":")
                .collect(Collectors.joining("\n"))
            + " v\n---\nB\n");
    bad(
        "bombs/deep-json.md",
        "invalid JSON front matter",
        "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}\nB\n");
    bad(
        "bombs/deep-toml.md",
        "invalid TOML front matter",
        "+++\na = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n+++\nB\n");
    good(
        "bombs/recursive-alias.md",
        "recursive",
        "---\nid: recursive\ntitle: Refers to itself\ntags: &t [x, *t]\n" + "a: &a [*a]\n---\nB\n");
    warned.put(
        "bombs/recursive-alias.md",
        "tags: expected a value or a list of values, found a nested list");
  }

  private void links(Path outside) throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.md"), "# Secret\nsalary table\n");
    Files.createDirectories(outside.resolve("shared"));
    Files.writeString(outside.resolve("shared/secret.md"), "# Secret\nsalary table\n");
    Files.createDirectories(content.resolve("links"));
    link("links/leak.md", secret);
    bad.put("links/leak.md", "outside the content folder");
    link("links/shared", outside.resolve("shared"));
    bad.put("links/shared", "outside the content folder");
    link("links/loop", content.resolve("links"));
    bad.put("links/loop", "symlink loop");
    link("links/to-root", content);
    bad.put("links/to-root", "symlink loop");
    link("links/dangling.md", content.resolve("links/nothing-here.md"));
    bad.put("links/dangling.md", "broken symlink");
    link("links/self.md", content.resolve("links/self.md"));
    bad.put("links/self.md", "symlink loop");
    link("links/inside.md", content.resolve("no-front-matter.md"));
    good.put("links/inside.md", "links/inside.md");
  }

  private void duplicates() throws IOException {
    good("dup/a.md", "dup", "---\nid: dup\ntitle: First\n---\nB\n");
    bad("dup/b.md", "duplicate id 'dup'", "---\nid: dup\ntitle: Second\n---\nB\n");
    bad("dup/c.md", "dup/a.md has it too", "---\nid: dup\ntitle: Third\n---\nB\n");
  }

  /** chmod 000 means nothing to root, so as root the file is simply a good page. */
  private void unreadable() throws IOException {
    Path p =
        write("locked/locked.md", "---\nid: locked\n---\nB\n".getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    Path dir =
        write(
                "locked-dir/inner.md",
                "---\nid: locked-inner\n---\nB\n".getBytes(StandardCharsets.UTF_8))
            .getParent();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(p)) {
      good.put("locked/locked.md", "locked");
      good.put("locked-dir/inner.md", "locked-inner");
    } else {
      bad.put("locked/locked.md", "permission denied");
      bad.put("locked-dir", "permission denied");
    }
  }

  /** Reading a FIFO would block forever: a named pipe called page.md must be passed over. */
  private void fifo() throws IOException {
    try {
      Process p = new ProcessBuilder("mkfifo", content.resolve("pipe.md").toString()).start();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // no mkfifo: nothing to test
    }
  }

  /** Gives back the world readable again, so the temporary folder can be removed. */
  static void unlock(Path content) throws IOException {
    for (String rel : new String[] {"locked/locked.md", "locked-dir"}) {
      Path p = content.resolve(rel);
      if (Files.exists(p))
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private void link(String rel, Path target) throws IOException {
    Files.createSymbolicLink(content.resolve(rel), target);
  }

  private void good(String rel, String id, String text) throws IOException {
    write(rel, text.getBytes(StandardCharsets.UTF_8));
    good.put(rel, id);
  }

  private void bad(String rel, String reason, String text) throws IOException {
    bad(rel, reason, text.getBytes(StandardCharsets.UTF_8));
  }

  private void bad(String rel, String reason, byte[] bytes) throws IOException {
    write(rel, bytes);
    bad.put(rel, reason);
  }

  private Path write(String rel, byte[] bytes) throws IOException {
    Path p = content.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }
}
