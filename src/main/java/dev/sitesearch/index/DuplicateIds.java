package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * The losers among {@code idsByPath} (path to id), by id, then path; empty when every id is
   * unique.
   */
  static List<Loser> losers(Map<String, String> idsByPath) {
    var pathsById = new HashMap<String, List<String>>(idsByPath.size() * 2);
    idsByPath.forEach(
        (path, id) -> pathsById.computeIfAbsent(id, k -> new ArrayList<>(1)).add(path));
    var losers = new ArrayList<Loser>();
    pathsById.forEach(
        (id, paths) -> {
          if (paths.size() < 2) return;
          paths.sort(null);
          for (String loser : paths.subList(1, paths.size()))
            losers.add(new Loser(loser, id, paths.get(0)));
        });
    losers.sort(Comparator.comparing(Loser::id).thenComparing(Loser::path));
    return losers;
  }
}
