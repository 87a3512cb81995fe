package dev.sitesearch.search;

import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Shapes facet counts for the response: values ordered by count then value, and every selected
 * value present in its facet's list, with a zero count if need be, so a visitor can always see and
 * undo a selection.
 */
final class FacetCounter {
  static final Comparator<FacetValue> BY_COUNT_THEN_VALUE =
      Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);

  private FacetCounter() {}

  static Map<String, List<FacetValue>> shape(
      Facets facets, List<String> dims, int size, Map<String, List<String>> selected)
      throws IOException {
    return shape(facets, dims, size, selected, null);
  }

  /**
   * As {@link #shape(Facets, List, int, Map)}, with {@code treeDim} (or null) counted as a tree of
   * paths ({@link SectionTree}).
   */
  static Map<String, List<FacetValue>> shape(
      Facets facets,
      List<String> dims,
      int size,
      Map<String, List<String>> selected,
      String treeDim)
      throws IOException {
    var out = new LinkedHashMap<String, List<FacetValue>>();
    for (String dim : dims) {
      List<String> chosen = selected.getOrDefault(dim, List.of());
      if (dim.equals(treeDim)) {
        out.put(dim, SectionTree.values(allCounts(facets, dim), chosen, size));
        continue;
      }
      var values = new ArrayList<FacetValue>();
      Set<String> seen = new HashSet<>();
      FacetResult top = facets == null ? null : safeTop(facets, dim, size);
      if (top != null) {
        for (LabelAndValue lv : top.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.longValue(), chosen.contains(lv.label)));
          seen.add(lv.label);
        }
      }
      for (String value : chosen) {
        if (seen.contains(value)) continue;
        long count = 0;
        if (facets != null) {
          Number n = safeSpecific(facets, dim, value);
          count = n == null ? 0 : Math.max(0, n.longValue());
        }
        values.add(new FacetValue(value, count, true));
      }
      values.sort(BY_COUNT_THEN_VALUE);
      out.put(dim, values);
    }
    return out;
  }

  /**
   * Every value of one facet, optionally narrowed to values with a word starting with {@code
   * prefix}; the {@code selected} values are marked, and listed (count 0 if need be) when they
   * match the prefix.
   */
  static List<FacetValue> all(
      Facets facets, String dim, String prefix, int size, List<String> selected)
      throws IOException {
    FacetResult all = null;
    if (facets != null) {
      try {
        all = facets.getAllChildren(dim);
      } catch (IllegalArgumentException e) {
        all = null; // no page has this facet yet
      }
    }
    String wanted = TextFolding.fold(prefix == null ? "" : prefix.strip());
    var values = new ArrayList<FacetValue>();
    Set<String> seen = new HashSet<>();
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        seen.add(lv.label);
        if (wanted.isEmpty() || wordStartsWith(TextFolding.fold(lv.label), wanted)) {
          values.add(new FacetValue(lv.label, lv.value.longValue(), selected.contains(lv.label)));
        }
      }
    }
    for (String value : selected) {
      if (!seen.contains(value)
          && (wanted.isEmpty() || wordStartsWith(TextFolding.fold(value), wanted))) {
        values.add(new FacetValue(value, 0, true));
      }
    }
    values.sort(BY_COUNT_THEN_VALUE);
    return values.size() > size ? List.copyOf(values.subList(0, size)) : values;
  }

  /** Every value of {@code dim} with its count; empty when no page has the facet. */
  private static Map<String, Long> allCounts(Facets facets, String dim) throws IOException {
    var counts = new HashMap<String, Long>();
    if (facets == null) return counts;
    try {
      FacetResult all = facets.getAllChildren(dim);
      if (all != null)
        for (LabelAndValue lv : all.labelValues) counts.put(lv.label, lv.value.longValue());
    } catch (IllegalArgumentException e) {
      // no page has this facet yet
    }
    return counts;
  }

  private static boolean wordStartsWith(String value, String prefix) {
    if (value.startsWith(prefix)) return true;
    for (int i = 1; i < value.length(); i++) {
      if (!Character.isLetterOrDigit(value.charAt(i - 1)) && value.startsWith(prefix, i))
        return true;
    }
    return false;
  }

  private static FacetResult safeTop(Facets facets, String dim, int size) throws IOException {
    try {
      return facets.getTopChildren(size, dim);
    } catch (IllegalArgumentException e) {
      return null; // a dimension no page has yet
    }
  }

  private static Number safeSpecific(Facets facets, String dim, String value) throws IOException {
    try {
      return facets.getSpecificValue(dim, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
