package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.content.ContentProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Which pages lose their id: the smaller path wins, whatever order the pages were read in; both are
 * named.
 */
class DuplicateIdsTest {
  @Test
  void unique_ids_have_no_losers() {
    assertEquals(
        List.of(), DuplicateIds.losers(Map.of("a.md", "a", "b.md", "b", "c.md", "c.md")::forEach));
  }

  @Test
  void the_smallest_path_of_each_id_wins_and_every_other_one_loses_to_it() {
    var ids =
        Map.of(
            "z.md", "same", "b.md", "same", "a/c.md", "same", "x.md", "other", "w.md", "other",
            "y.md", "alone");

    assertEquals(
        List.of(
            new DuplicateIds.Loser("x.md", "other", "w.md"),
            new DuplicateIds.Loser("b.md", "same", "a/c.md"),
            new DuplicateIds.Loser("z.md", "same", "a/c.md")),
        DuplicateIds.losers(ids::forEach));
  }

  @Test
  void a_loser_is_told_the_id_and_the_path_that_has_it() {
    var loser =
        DuplicateIds.losers(Map.of("news/copy.md", "b2", "news/beta.md", "b2")::forEach).get(0);

    assertEquals(
        ContentProblem.of(
            "news/copy.md",
            "duplicate id 'b2': news/beta.md has it too and wins (the first"
                + " path in sort order); give this page its own id"),
        loser.problem());
  }

  @Test
  void the_losers_do_not_depend_on_the_order_the_pages_were_read_in() {
    var paths = new ArrayList<String>();
    for (int i = 0; i < 40; i++) paths.add("p" + i + ".md");
    List<DuplicateIds.Loser> first = null;
    var random = new Random(42);
    for (int round = 0; round < 10; round++) {
      Collections.shuffle(paths, random);
      var ids = new LinkedHashMap<String, String>();
      for (String path : paths) ids.put(path, "id" + path.length() % 3);
      List<DuplicateIds.Loser> losers = DuplicateIds.losers(ids::forEach);
      if (first == null) first = losers;
      assertEquals(first, losers, "round " + round);
    }
    assertEquals(40 - 2, first.size(), "two ids among 40 pages: all but two lose");
  }
}
