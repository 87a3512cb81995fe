package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completions follow every commit while lookups go on. Changed in place, they must answer exactly
 * as completions built anew from the same commit would; built anew, a lookup that started on the
 * old completions finishes on them however many rebuilds happen meanwhile, and they are closed once
 * the last such lookup is done.
 */
class TitleSuggesterTest {
  @TempDir Path tmp;

  private void index(String... titles) throws IOException {
    Path content = tmp.resolve("content");
    for (int i = 0; i < titles.length; i++) {
      ContentFiles.page(content, "p" + i + ".md", "title: " + titles[i], "body");
    }
    TestAssembly.indexBeside(content);
  }

  private static List<String> texts(List<TitleSuggester.Suggestion> suggestions) {
    return suggestions.stream().map(TitleSuggester.Suggestion::text).toList();
  }

  @Test
  void a_lookup_under_way_keeps_its_completions_open_through_two_rebuilds() throws Exception {
    var suggester = new TitleSuggester("date", 0); // every change rebuilds
    index("Care plans");
    try (var dir = FSDirectory.open(tmp.resolve("index"))) {
      DirectoryReader first = DirectoryReader.open(dir);
      suggester.rebuildIfChanged(first);
      TitleSuggester.Lease inFlight = suggester.lease();

      index("Care plans", "Care teams");
      DirectoryReader second = DirectoryReader.openIfChanged(first);
      suggester.rebuildIfChanged(second);
      index("Care plans", "Care teams", "Care budgets");
      DirectoryReader third = DirectoryReader.openIfChanged(second);
      suggester.rebuildIfChanged(third);

      assertEquals(
          List.of("<mark>Care</mark> plans"),
          texts(inFlight.suggest("care", 5)),
          "the lookup finishes on what it started with");
      assertEquals(3, suggester.suggest("care", 5).size(), "new lookups see the newest commit");
      inFlight.close();
      assertFalse(inFlight.isOpen(), "closed once its last lookup is done");
      suggester.close();
      first.close();
      second.close();
      third.close();
    }
  }

  @Test
  void the_current_completions_stay_open_until_replaced_or_closed() throws Exception {
    var suggester = new TitleSuggester("date");
    index("Care plans");
    try (var dir = FSDirectory.open(tmp.resolve("index"));
        var reader = DirectoryReader.open(dir)) {
      suggester.rebuildIfChanged(reader);
      TitleSuggester.Lease lease = suggester.lease();
      lease.close();
      assertTrue(lease.isOpen(), "still current: a lease closing does not close it");
      assertEquals(1, suggester.suggest("pla", 5).size());

      suggester.close();
      assertFalse(lease.isOpen());
      assertEquals(List.of(), suggester.suggest("pla", 5), "after close, no completions, no error");
    }
  }

  /** What a suggester built anew from {@code reader} answers for each prefix. */
  private static List<List<TitleSuggester.Suggestion>> fresh(
      DirectoryReader reader, List<String> prefixes) throws IOException {
    var built = new TitleSuggester("date");
    try {
      built.rebuildIfChanged(reader);
      var out = new ArrayList<List<TitleSuggester.Suggestion>>();
      for (String p : prefixes) out.add(built.suggest(p, 10));
      return out;
    } finally {
      built.close();
    }
  }

  private static List<List<TitleSuggester.Suggestion>> answers(
      TitleSuggester suggester, List<String> prefixes) throws IOException {
    var out = new ArrayList<List<TitleSuggester.Suggestion>>();
    for (String p : prefixes) out.add(suggester.suggest(p, 10));
    return out;
  }

  @Test
  void an_edit_a_new_page_and_a_deleted_one_change_the_completions_in_place() throws Exception {
    Path content = tmp.resolve("content");
    ContentFiles.page(content, "a.md", "title: Walrus census", "x");
    ContentFiles.page(content, "b.md", "title: Walrus diet", "x");
    Path index = TestAssembly.indexBeside(content);
    var suggester = new TitleSuggester("date");
    try (var dir = FSDirectory.open(index)) {
      DirectoryReader reader = DirectoryReader.open(dir);
      suggester.rebuildIfChanged(reader);

      ContentFiles.editPage(content, "a.md", "title: Walrus headcount", "x");
      ContentFiles.page(content, "c.md", "title: Walrus habitat", "x");
      Files.delete(content.resolve("b.md"));
      TestAssembly.indexBeside(content);
      DirectoryReader next = DirectoryReader.openIfChanged(reader);
      reader.close();
      suggester.rebuildIfChanged(next);

      assertEquals(
          List.of("<mark>Walrus</mark> habitat", "<mark>Walrus</mark> headcount"),
          texts(suggester.suggest("walrus", 10)).stream().sorted().toList());
      assertEquals(List.of(), suggester.suggest("census", 10), "the old title is gone");
      assertEquals(List.of(), suggester.suggest("diet", 10), "the deleted page is gone");
      assertEquals(1, suggester.fullBuilds(), "built once, then changed in place");
      next.close();
    } finally {
      suggester.close();
    }
  }

  @Test
  void completions_changed_in_place_answer_as_completions_built_anew() throws Exception {
    var random = new Random(20261130);
    Path content = tmp.resolve("content");
    String[] words = {"care", "plans", "cardiac", "teams", "budget", "carers", "plain", "team"};
    List<String> prefixes = List.of("ca", "car", "pla", "team", "bu", "care pl", "te ca");
    var suggester = new TitleSuggester("date");
    ContentFiles.page(content, "p0.md", "title: Care plans\ndate: 2024-01-01", "x");
    Path index = TestAssembly.indexBeside(content);
    try (var dir = FSDirectory.open(index)) {
      DirectoryReader reader = DirectoryReader.open(dir);
      suggester.rebuildIfChanged(reader);
      for (int step = 0; step < 40; step++) {
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
          String rel = "p" + random.nextInt(12) + ".md";
          if (random.nextInt(5) == 0) {
            Files.deleteIfExists(content.resolve(rel));
          } else {
            String title =
                words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            String date = "2024-01-" + (10 + random.nextInt(18));
            ContentFiles.editPage(content, rel, "title: " + title + "\ndate: " + date, "x");
          }
        }
        TestAssembly.indexBeside(content);
        DirectoryReader next = DirectoryReader.openIfChanged(reader);
        if (next == null) continue;
        reader.close();
        reader = next;
        suggester.rebuildIfChanged(reader);
        assertEquals(fresh(reader, prefixes), answers(suggester, prefixes), "step " + step);
      }
      reader.close();
      assertEquals(1, suggester.fullBuilds(), "every change was made in place");
    } finally {
      suggester.close();
    }
  }
}
