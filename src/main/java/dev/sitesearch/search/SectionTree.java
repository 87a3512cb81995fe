package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.FacetValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code section} facet's values as a tree a visitor walks down: the top sections, and below
 * each selected section (and each section above one) its subsections, depth first, each level by
 * count. Values are section paths ({@code docs/concepts}); a page counts for every section above
 * it, so narrowing to {@code docs} keeps {@code docs/concepts/workloads}.
 */
final class SectionTree {
  private SectionTree() {}

  /**
   * The values to show, from every section path's count and the selected paths; at most {@code
   * size} per level besides the selected ones and those above them.
   */
  static List<FacetValue> values(Map<String, Long> counts, List<String> selected, int size) {
    Set<String> open = new HashSet<>();
    open.add("");
    for (String path : selected) {
      for (String p = path; !p.isEmpty(); p = parent(p)) open.add(p);
    }
    var all = new HashSet<>(counts.keySet());
    all.addAll(open);
    all.remove("");
    var out = new ArrayList<FacetValue>();
    addChildren("", all, counts, open, selected, size, out);
    return out;
  }

  private static void addChildren(
      String node,
      Set<String> all,
      Map<String, Long> counts,
      Set<String> open,
      List<String> selected,
      int size,
      List<FacetValue> out) {
    var children = new ArrayList<FacetValue>();
    for (String path : all) {
      if (parent(path).equals(node))
        children.add(new FacetValue(path, counts.getOrDefault(path, 0L), selected.contains(path)));
    }
    children.sort(FacetCounter.BY_COUNT_THEN_VALUE);
    int shown = 0;
    for (FacetValue child : children) {
      boolean kept = open.contains(child.value());
      if (!kept && shown >= size) continue;
      if (!kept) shown++;
      out.add(child);
      if (kept) addChildren(child.value(), all, counts, open, selected, size, out);
    }
  }

  /** The section above {@code path}: {@code docs} for {@code docs/concepts}, "" for the top. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
