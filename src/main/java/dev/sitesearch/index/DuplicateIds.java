package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Decides which pages lose when several files give the same id: the one with the smallest path wins
 * (the same on every run and thread count, whatever order the files were read in) and each other
 * one is reported, both paths named, so the author knows which file to change.
 */
final class DuplicateIds {
  /** A page that keeps out of the index because {@code winner} has its id. */
  record Loser(String path, String id, String winner) {
    ContentProblem problem() {
      return ContentProblem.of(
          path,
          "duplicate id '"
              + id
              + "': "
              + winner
              + " has it too and wins (the first path in sort order); give this page its own id");
    }
  }

  private DuplicateIds() {}

  /**
   * The losers among the pages {@code ids} hands to the action it is given, as path and id (a map's
   * {@code forEach}, the run ledger's {@code forEachId}), by id, then path; empty when every id is
   * unique.
   */
  static List<Loser> losers(Consumer<BiConsumer<String, String>> ids) {
    // Ids are almost always unique: a path per id, and a list only where a second one shows up.
    var firstPath = new HashMap<String, String>();
    var shared = new HashMap<String, List<String>>();
    ids.accept(
        (path, id) -> {
          String first = firstPath.putIfAbsent(id, path);
          if (first != null)
            shared.computeIfAbsent(id, k -> new ArrayList<>(List.of(first))).add(path);
        });
    var losers = new ArrayList<Loser>();
    shared.forEach(
        (id, paths) -> {
          paths.sort(null);
          for (String loser : paths.subList(1, paths.size()))
            losers.add(new Loser(loser, id, paths.get(0)));
        });
    losers.sort(Comparator.comparing(Loser::id).thenComparing(Loser::path));
    return losers;
  }
}
