package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of adds, edits, renames, deletions and the passing of time on a content folder,
 * each followed by an incremental run: after every step the index holds exactly the folder's
 * publishable pages, by id and content hash, as an oracle computes them from what the test wrote
 * (not from the reader); a final full run agrees. A failure names the seed and the steps that led
 * to it.
 */
class IndexPropertyTest {
  static final int SEQUENCES = 20;
  static final int STEPS = 15;

  /** Changes each sequence; set -Dsitesearch.propertySeed=N to replay one. */
  static final long BASE_SEED = Long.getLong("sitesearch.propertySeed", 20250601L);

  static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
  static final List<String> PATHS =
      List.of(
          "a.md",
          "b.md",
          "c.markdown",
          "news/d.md",
          "news/e.md",
          "News/D.md",
          "deep/er/f.md",
          "g h.md",
          "é.md");

  /**
   * Front-matter ids; some equal another file's path, which is that file's id when it has none of
   * its own.
   */
  static final List<String> IDS = List.of("one", "two", "b.md", "news/d.md");

  @TempDir Path tmp;

  /** One file as written: what decides whether it is published and under which id. */
  record Spec(
      String id,
      boolean draft,
      Instant publishDate,
      Instant expiryDate,
      String format,
      String word,
      boolean broken) {}

  /** What the index must hold for one path. */
  record Entry(String id, String hash) {}

  /** The folder, the clock and the index as the oracle sees them. */
  final class World {
    final Random random;
    final Path content;
    final Path index;
    final Map<String, Spec> files = new TreeMap<>();
    final List<String> log = new ArrayList<>();
    Instant now = START;
    long mtime = 1_700_000_000_000L;
    Map<String, Entry> expected = Map.of();

    /** Paths written, moved or deleted since the last run told of them. */
    final Set<String> touched = new HashSet<>();

    /** One indexer over the world's life, told what changed, as the content watcher tells it. */
    private Indexer told;

    World(long seed, Path dir) throws IOException {
      this.random = new Random(seed);
      this.content = Files.createDirectories(dir.resolve("content"));
      this.index = dir.resolve("index");
    }

    Spec randomSpec() {
      int date = random.nextInt(6);
      Instant publish =
          date == 1
              ? now.plus(Duration.ofDays(1 + random.nextInt(20)))
              : date == 2 ? now.minus(Duration.ofDays(1 + random.nextInt(20))) : null;
      Instant expiry =
          date == 3
              ? now.plus(Duration.ofDays(1 + random.nextInt(20)))
              : date == 4 ? now.minus(Duration.ofDays(1 + random.nextInt(20))) : null;
      return new Spec(
          random.nextInt(5) < 3 ? IDS.get(random.nextInt(IDS.size())) : null,
          random.nextInt(6) == 0,
          publish,
          expiry,
          List.of("yaml", "toml", "json").get(random.nextInt(3)),
          "w" + random.nextInt(1000),
          false);
    }

    void write(String path, Spec spec) throws IOException {
      Path p = content.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text(spec));
      // Every write gets its own mtime, a minute apart: the indexer's cheap change check is size
      // and mtime.
      mtime += 60_000;
      Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
      files.put(path, spec);
      touched.add(path);
    }

    void step() throws IOException {
      List<String> existing = new ArrayList<>(files.keySet());
      List<String> free = PATHS.stream().filter(p -> !files.containsKey(p)).toList();
      int op = random.nextInt(20);
      if (existing.isEmpty() || (op < 5 && !free.isEmpty())) {
        String path = free.get(random.nextInt(free.size()));
        Spec spec = randomSpec();
        write(path, spec);
        log.add("add " + path + " " + spec);
      } else if (op < 10) {
        String path = existing.get(random.nextInt(existing.size()));
        Spec spec = randomSpec();
        write(path, spec);
        log.add("edit " + path + " " + spec);
      } else if (op < 12) {
        String path = existing.get(random.nextInt(existing.size()));
        Spec old = files.get(path);
        write(
            path,
            new Spec(
                old.id(),
                old.draft(),
                old.publishDate(),
                old.expiryDate(),
                old.format(),
                old.word(),
                true));
        log.add("break " + path);
      } else if (op < 15 && !free.isEmpty()) {
        String from = existing.get(random.nextInt(existing.size()));
        String to = free.get(random.nextInt(free.size()));
        Files.createDirectories(content.resolve(to).getParent());
        Files.move(content.resolve(from), content.resolve(to));
        files.put(to, files.remove(from));
        touched.add(from);
        touched.add(to);
        log.add("rename " + from + " -> " + to);
      } else if (op < 17) {
        String path = existing.get(random.nextInt(existing.size()));
        Files.delete(content.resolve(path));
        files.remove(path);
        touched.add(path);
        log.add("delete " + path);
      } else {
        now = now.plus(Duration.ofDays(1 + random.nextInt(15)));
        log.add("time passes to " + now);
      }
    }

    /**
     * The oracle, from the test's own record of the folder: a page is in when it parses and is
     * published; a broken file keeps the version the index had (an incremental run only) until its
     * expiry date; of pages sharing an id the smallest path wins.
     */
    Map<String, Entry> oracle(boolean full) throws IOException {
      var candidates = new TreeMap<String, Entry>();
      for (var f : files.entrySet()) {
        Spec spec = f.getValue();
        if (spec.broken()) {
          // The kept version is the one before the break, whose expiry date the broken file still
          // carries.
          boolean expired = spec.expiryDate() != null && !spec.expiryDate().isAfter(now);
          if (!full && !expired && expected.containsKey(f.getKey())) {
            candidates.put(f.getKey(), expected.get(f.getKey()));
          }
        } else if (published(spec)) {
          candidates.put(
              f.getKey(),
              new Entry(
                  spec.id() != null ? spec.id() : f.getKey(),
                  IndexState.sha256(Files.readAllBytes(content.resolve(f.getKey())))));
        }
      }
      var winners =
          new TreeMap<String, String>(); // id -> smallest path (candidates iterate in path order)
      candidates.forEach((path, e) -> winners.putIfAbsent(e.id(), path));
      var out = new TreeMap<String, Entry>();
      winners.forEach((id, path) -> out.put(path, candidates.get(path)));
      return out;
    }

    boolean published(Spec spec) {
      return !spec.draft()
          && (spec.publishDate() == null || !spec.publishDate().isAfter(now))
          && (spec.expiryDate() == null || spec.expiryDate().isAfter(now));
    }

    /** An incremental run told which files changed since the last one. */
    IndexSummary indexTold() throws IOException {
      if (told == null) {
        Clock clock =
            new Clock() {
              @Override
              public ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return now;
              }
            };
        told =
            new Indexer(
                content, index, Seed.schema(), new PageReader(1_000_000, false, clock), 2, clock);
      }
      IndexSummary summary = told.runChanged(Set.copyOf(touched), Indexer.Progress.NONE);
      touched.clear();
      return summary;
    }

    IndexSummary index(boolean full) throws IOException {
      Clock clock = Clock.fixed(now, ZoneOffset.UTC);
      return new Indexer(
              content, index, Seed.schema(), new PageReader(1_000_000, false, clock), 2, clock)
          .run(full, Indexer.Progress.NONE);
    }

    void assertIndexHolds(Map<String, Entry> paths, String when) throws IOException {
      var byId = new TreeMap<String, String>();
      paths.values().forEach(e -> byId.put(e.id(), e.hash()));
      String context = when + "\nsteps:\n  " + String.join("\n  ", log);
      Map<String, String> actual;
      try {
        actual = IndexState.idToHash(index);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n" + context, e);
      }
      assertEquals(byId, actual, context);
    }
  }

  static String text(Spec s) {
    if (s.broken()) return "---\ntitle: [never closed\n---\nBroken " + s.word() + "\n";
    var fields = new TreeMap<String, Object>();
    if (s.id() != null) fields.put("id", s.id());
    fields.put("title", "Page " + s.word());
    if (s.draft()) fields.put("draft", true);
    if (s.publishDate() != null) fields.put("publishDate", s.publishDate().toString());
    if (s.expiryDate() != null) fields.put("expiryDate", s.expiryDate().toString());
    var sb = new StringBuilder();
    switch (s.format()) {
      case "yaml" -> {
        sb.append("---\n");
        fields.forEach(
            (k, v) ->
                sb.append(k)
                    .append(": ")
                    .append(v instanceof String ? "\"" + v + "\"" : v)
                    .append('\n'));
        sb.append("---\n");
      }
      case "toml" -> {
        sb.append("+++\n");
        fields.forEach(
            (k, v) ->
                sb.append(k)
                    .append(" = ")
                    .append(v instanceof String ? "\"" + v + "\"" : v)
                    .append('\n'));
        sb.append("+++\n");
      }
      default -> {
        var parts = new ArrayList<String>();
        fields.forEach(
            (k, v) -> parts.add("\"" + k + "\": " + (v instanceof String ? "\"" + v + "\"" : v)));
        sb.append("{").append(String.join(", ", parts)).append("}\n");
      }
    }
    return sb.append("Body about ").append(s.word()).append(".\n").toString();
  }

  @Test
  @Timeout(120) // a guard against a hang; the sequences take a few seconds
  void after_every_random_change_and_incremental_run_the_index_holds_exactly_the_publishable_pages()
      throws Exception {
    sequences(BASE_SEED, false);
  }

  /** As the content watcher runs it: each run told the files changed since the one before. */
  @Test
  @Timeout(120)
  void runs_told_which_files_changed_hold_exactly_the_publishable_pages_too() throws Exception {
    sequences(BASE_SEED + 1_000, true);
  }

  private void sequences(long baseSeed, boolean told) throws Exception {
    int runs = 0;
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      long seed = baseSeed + sequence;
      var world =
          new World(seed, Files.createDirectories(tmp.resolve((told ? "t" : "s") + sequence)));
      for (int step = 0; step < STEPS; step++) {
        world.step();
        Map<String, Entry> expected = world.oracle(false);
        if (told) world.indexTold();
        else world.index(false);
        runs++;
        world.assertIndexHolds(
            expected,
            "seed " + seed + ", after step " + (step + 1) + (told ? " (told)" : " (incremental)"));
        world.expected = expected;
      }
      IndexState.assertCheckIndexClean(world.index);
      Map<String, Entry> rebuilt = world.oracle(true);
      IndexSummary full = world.index(true);
      world.assertIndexHolds(rebuilt, "seed " + seed + ", full run at the end");
      assertEquals(rebuilt.size(), full.documents(), "seed " + seed);
      if (world.files.values().stream().noneMatch(Spec::broken)) {
        assertEquals(
            world.expected,
            rebuilt,
            "seed " + seed + ": incremental and full agree when nothing is broken");
      }
    }
    assertEquals(SEQUENCES * STEPS, runs);
  }

  @Test
  void the_oracle_page_text_is_what_the_reader_reads() throws Exception {
    // Guards the oracle itself: a spec written in each format is read with the id and publication
    // it describes.
    Path dir = Files.createDirectories(tmp.resolve("check"));
    var reader = new PageReader(1_000_000, false, Clock.fixed(START, ZoneOffset.UTC));
    for (String format : List.of("yaml", "toml", "json")) {
      Spec spec =
          new Spec(
              "one",
              false,
              START.minus(Duration.ofDays(1)),
              START.plus(Duration.ofDays(1)),
              format,
              "w1",
              false);
      Path p = Files.writeString(dir.resolve(format + ".md"), text(spec), StandardCharsets.UTF_8);
      var outcome =
          reader.read(new dev.sitesearch.content.SourceFile(format + ".md", p, Files.size(p), 0));
      assertEquals(
          "one", ((dev.sitesearch.content.ReadOutcome.Parsed) outcome).page().id(), format);
    }
  }
}
