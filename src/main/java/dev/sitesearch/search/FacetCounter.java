package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Shapes facet counts for the response: values ordered by count then value, each with its count
 * alone and its "results if added" ({@link FacetCounts}), every selected value present in its
 * facet's list, with a zero count if need be, so a visitor can always see and undo a selection; a
 * hierarchical facet as a tree ({@link FacetTree}).
 */
final class FacetCounter {
  static final Comparator<FacetValue> BY_COUNT_THEN_VALUE =
      Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);

  private FacetCounter() {}

  /**
   * @param separatorOf a facet's level separator when its values form a tree, else null
   */
  static Map<String, List<FacetValue>> shape(
      FacetCounts counts, List<String> dims, int size, Function<String, String> separatorOf)
      throws IOException {
    var out = new LinkedHashMap<String, List<FacetValue>>();
    for (String dim : dims) {
      List<String> chosen = counts.selected().getOrDefault(dim, List.of());
      String separator = separatorOf.apply(dim);
      if (separator != null) {
        out.put(
            dim,
            FacetTree.values(
                counts.allAlone(dim),
                chosen,
                size,
                separator,
                (value, alone) -> counts.ifAdded(dim, value, alone)));
        continue;
      }
      var values = new ArrayList<FacetValue>();
      Set<String> seen = new HashSet<>();
      FacetResult top = counts.alone() == null ? null : safeTop(counts.alone(), dim, size);
      if (top != null) {
        for (LabelAndValue lv : top.labelValues) {
          values.add(value(counts, dim, lv.label, lv.value.longValue(), chosen));
          seen.add(lv.label);
        }
      }
      for (String value : chosen) {
        if (!seen.contains(value))
          values.add(value(counts, dim, value, counts.alone(dim, value), chosen));
      }
      values.sort(BY_COUNT_THEN_VALUE);
      out.put(dim, values);
    }
    return out;
  }

  /** A flat facet's value with both its counts. */
  static FacetValue value(
      FacetCounts counts, String dim, String value, long alone, List<String> chosen)
      throws IOException {
    return new FacetValue(
        value, alone, counts.ifAdded(dim, value, alone), chosen.contains(value), null, null);
  }

  private static FacetResult safeTop(Facets facets, String dim, int size) throws IOException {
    try {
      return facets.getTopChildren(size, dim);
    } catch (IllegalArgumentException e) {
      return null; // a dimension no page has yet
    }
  }
}
