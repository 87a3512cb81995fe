package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening, following and closing the index as queries see it: nothing leaks, nothing global
 * changes.
 */
class LiveIndexTest {
  @TempDir Path tmp;

  private Path index(int pages, String bodyWords) throws IOException {
    Path content = tmp.resolve("content");
    for (int i = 0; i < pages; i++) {
      String frontMatter = "title: Care page " + i + "\ndate: 2024-01-0" + (1 + i % 9);
      ContentFiles.page(content, "p" + i + ".md", frontMatter, bodyWords);
    }
    return TestAssembly.indexBeside(content);
  }

  /** Index files this process still has mapped: an open reader keeps them. */
  private static List<String> mapped(Path index) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .filter(l -> l.contains(index.toString()))
        .toList();
  }

  @Test
  void opening_an_index_that_fails_half_way_closes_its_searchers_and_directory() throws Exception {
    // An index from before titles were capped: its 40 KB title cannot become a completion, so the
    // first suggester build throws after the searcher has opened (and mapped) the index files.
    Path index = tmp.resolve("index");
    try (var dir = FSDirectory.open(index);
        var w = new IndexWriter(dir, new IndexWriterConfig())) {
      var d = new Document();
      d.add(new StringField(Fields.ID, "long", Field.Store.YES));
      d.add(new StoredField(Fields.TITLE, "x".repeat(40_000)));
      w.addDocument(d);
      w.commit();
    }
    var closes = new AtomicInteger();
    Directory counting =
        new FilterDirectory(FSDirectory.open(index)) {
          @Override
          public void close() throws IOException {
            closes.incrementAndGet();
            super.close();
          }
        };

    assertThrows(
        IllegalArgumentException.class,
        () ->
            LiveIndex.open(
                counting,
                index.toString(),
                Seed.schema(),
                SearchService.similarity(RankingSettings.DEFAULTS)));

    assertEquals(1, closes.get(), "the directory it was given is closed");
    assertEquals(List.of(), mapped(index), "no reader is left holding the index files");
  }

  @Test
  void a_missing_index_is_reported_and_its_directory_closed() throws Exception {
    var closes = new AtomicInteger();
    Directory counting =
        new FilterDirectory(FSDirectory.open(Files.createDirectories(tmp.resolve("empty")))) {
          @Override
          public void close() throws IOException {
            closes.incrementAndGet();
            super.close();
          }
        };

    var e =
        assertThrows(
            IndexMissingException.class,
            () ->
                LiveIndex.open(
                    counting,
                    "empty",
                    Seed.schema(),
                    SearchService.similarity(RankingSettings.DEFAULTS)));

    assertTrue(e.getMessage().contains("run 'sitesearch index' first"), e.getMessage());
    assertEquals(1, closes.get());
  }

  @Test
  @Timeout(60)
  void following_commits_survives_an_error_reports_it_and_follows_the_next_commit()
      throws Exception {
    Path index = index(3, "chronic care");
    var failing = new AtomicBoolean();
    Directory flaky =
        new FilterDirectory(FSDirectory.open(index)) {
          @Override
          public String[] listAll() throws IOException {
            if (failing.get()) throw new OutOfMemoryError("simulated, while opening a commit");
            return super.listAll();
          }
        };
    try (var live =
        LiveIndex.open(
            flaky, "flaky", Seed.schema(), SearchService.similarity(RankingSettings.DEFAULTS))) {
      live.followCommits(Duration.ofMillis(10));
      failing.set(true);

      assertTrue(within(() -> !live.health().healthy()), "the failure shows in the health");
      Health failingHealth = live.health();
      assertEquals(Health.FAILING, failingHealth.status());
      assertEquals("opening new index commits", failingHealth.failing().get(0).task());
      assertEquals(3, failingHealth.documents(), "the last commit is still served");

      failing.set(false);
      ContentFiles.page(tmp.resolve("content"), "p3.md", "title: Care page 3", "chronic care");
      TestAssembly.index(tmp.resolve("content"), index);

      assertTrue(within(() -> live.health().documents() == 4), "the next commit is followed");
      assertTrue(within(() -> live.health().healthy()), "and the health is ok again");
    }
  }

  /** Polls {@code condition} for up to ten seconds. */
  private static boolean within(Check condition) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      if (condition.holds()) return true;
      Thread.sleep(10);
    }
    return false;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  @Test
  void closing_releases_every_index_file() throws Exception {
    Path index = index(3, "chronic care");
    try (var opened = OpenedIndex.of(index)) {
      assertEquals(3, opened.search(SearchRequest.of("care")).total());
      assertFalse(mapped(index).isEmpty(), "searching maps the index files");
    }
    assertEquals(List.of(), mapped(index));
  }

  @Test
  void searching_changes_no_setting_of_lucene_for_the_whole_jvm() throws Exception {
    int before = IndexSearcher.getMaxClauseCount();
    try (var opened = OpenedIndex.of(index(3, "chronic care"))) {
      opened.search(SearchRequest.of("care"));
    }
    assertEquals(before, IndexSearcher.getMaxClauseCount());
    assertEquals(1024, before, "Lucene's own default: nothing in the JVM raised it");
  }

  /** The longest query of {@code unit}s that fits in a request. */
  private static String longest(String unit) {
    var q = new StringBuilder();
    while (q.length() + unit.length() + 1 <= SearchRequest.MAX_QUERY_CHARS)
      q.append(unit).append(' ');
    return q.toString();
  }

  @Test
  void the_largest_queries_a_visitor_can_send_stay_within_lucenes_default_clause_limit()
      throws Exception {
    var words = new ArrayList<String>();
    for (int i = 0; i < 300; i++) words.add("w" + Integer.toString(i, 36) + "x");
    Path index =
        index(5, String.join(" ", words) + " covid-19 ccm chronic care management telehealth rpm");
    // Many weighted text fields multiply every word's clauses; so do prefixes, phrases, synonyms
    // and filters.
    var f = Seed.FIELDS;
    var text = new LinkedHashMap<String, Float>(f.text());
    for (String extra : List.of("summary", "subtitle", "keywords", "teaser", "abstract"))
      text.put(extra, 1f);
    var config =
        Seed.config()
            .withFields(
                new FieldSettings(
                    text, f.facets(), f.dates(), f.stored(), f.stemmer(), f.labels()));
    var filters = new ArrayList<String>();
    for (int i = 0; i < SearchRequest.MAX_FILTER_VALUES; i++) filters.add("tag" + i);

    try (var opened = OpenedIndex.of(config, index, Clock.systemUTC())) {
      for (String q :
          List.of(
              String.join(" ", words),
              longest("ab*"),
              longest("\"covid-19\""),
              longest("ccm rpm"),
              longest("-wx covid-19"),
              String.join(" OR ", words))) {
        var request =
            SearchRequest.of(q.length() > SearchRequest.MAX_QUERY_CHARS ? q.substring(0, 990) : q);
        assertEquals(
            q.startsWith("ab*") ? 0 : 5,
            opened.search(request).total(),
            "answered, every page found: " + q);
        assertEquals(
            0,
            opened.search(request.withFilters(Map.of("tags", filters))).total(),
            "no page has the tags");
      }
    }
  }
}
