package dev.sitesearch.search;

import dev.sitesearch.index.FacetPath;
import dev.sitesearch.search.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hierarchical facet's values as a tree ({@link FacetPath}): the top levels, each with its
 * children, each level by count then value and cut at {@code size}, except that a selected value
 * and every level above it are always listed, so a visitor can see and undo a selection where it
 * sits. The values come counted as paths: a parent's count is the union of its children's pages.
 * Used for the built-in section facet ({@code /}) and for configured hierarchies.
 */
final class FacetTree {
  /** The "results if added" of a value with its count alone ({@link FacetCounts#ifAdded}). */
  interface IfAdded {
    long of(String value, long alone) throws IOException;
  }

  private final Map<String, List<String>> childrenOf = new HashMap<>();
  private final Map<String, Long> counts;
  private final Set<String> open = new HashSet<>();
  private final List<String> selected;
  private final String separator;
  private final int size;
  private final IfAdded ifAdded;

  private FacetTree(
      Map<String, Long> counts,
      List<String> selected,
      int size,
      String separator,
      IfAdded ifAdded) {
    this.counts = counts;
    this.selected = selected;
    this.separator = separator;
    this.size = size;
    this.ifAdded = ifAdded;
    var all = new HashSet<>(counts.keySet());
    for (String path : selected) {
      for (String p = path; !p.isEmpty(); p = FacetPath.parent(p, separator)) open.add(p);
    }
    all.addAll(open);
    // Each level's parent is listed too, counted or not, so no value hangs without its parent.
    for (String path : List.copyOf(all)) {
      for (String p = FacetPath.parent(path, separator);
          !p.isEmpty();
          p = FacetPath.parent(p, separator)) all.add(p);
    }
    for (String path : all)
      childrenOf
          .computeIfAbsent(FacetPath.parent(path, separator), k -> new ArrayList<>())
          .add(path);
  }

  /**
   * The top levels with their subtrees, from every path's count alone and the selected paths; at
   * most {@code size} values per level besides the selected ones and those above them.
   */
  static List<FacetValue> values(
      Map<String, Long> counts, List<String> selected, int size, String separator, IfAdded ifAdded)
      throws IOException {
    return new FacetTree(counts, selected, size, separator, ifAdded).children("");
  }

  private List<FacetValue> children(String node) throws IOException {
    List<String> paths = new ArrayList<>(childrenOf.getOrDefault(node, List.of()));
    paths.sort(
        (a, b) -> {
          int byCount = Long.compare(count(b), count(a));
          return byCount != 0 ? byCount : a.compareTo(b);
        });
    var out = new ArrayList<FacetValue>();
    int shown = 0;
    for (String path : paths) {
      boolean kept = open.contains(path);
      if (!kept && shown >= size) continue;
      if (!kept) shown++;
      long count = count(path);
      out.add(
          new FacetValue(
              path,
              count,
              ifAdded.of(path, count),
              selected.contains(path),
              FacetPath.label(path, separator),
              children(path)));
    }
    return out;
  }

  private long count(String path) {
    return counts.getOrDefault(path, 0L);
  }
}
