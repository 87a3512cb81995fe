package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completions are rebuilt on every commit while lookups go on: a lookup that started on the old
 * completions finishes on them however many rebuilds happen meanwhile, and they are closed once the
 * last such lookup is done.
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
    var suggester = new TitleSuggester("date");
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
}
