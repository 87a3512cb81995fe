package dev.sitesearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * The two numbers a facet value can show, from counts one search pass makes.
 *
 * <ul>
 *   <li><b>alone</b> (the API's {@code count}): the pages with the value under every filter but its
 *       own facet's, as if only it were ticked in its facet (the disjunctive count).
 *   <li><b>if added</b> ({@code ifAdded}): the results after also ticking it. Values of one facet
 *       are OR-ed, so that is {@code total + alone − within}, {@code within} being the pages with
 *       the value among the current results; with nothing ticked in its facet, ticking it narrows
 *       the results to {@code alone}.
 * </ul>
 *
 * @param alone the disjunctive counts, or null when the index has no facet values
 * @param within the counts among the results (every filter applied), or null likewise
 * @param total the current results
 * @param selected the request's ticked values per facet
 */
record FacetCounts(Facets alone, Facets within, long total, Map<String, List<String>> selected) {

  /** The value's count on its own; 0 when no page has it. */
  long alone(String dim, String value) throws IOException {
    return specific(alone, dim, value);
  }

  /** The results after also ticking {@code value}. */
  long ifAdded(String dim, String value, long alone) throws IOException {
    if (selected.getOrDefault(dim, List.of()).isEmpty()) return alone;
    long added = total + alone - specific(within, dim, value);
    // A search cut short counts each pass as far as it got; ticking never removes results.
    return Math.max(added, Math.max(total, alone));
  }

  /** Every value of {@code dim} with its count alone; empty when no page has the facet. */
  Map<String, Long> allAlone(String dim) throws IOException {
    var counts = new HashMap<String, Long>();
    if (alone == null) return counts;
    try {
      FacetResult all = alone.getAllChildren(dim);
      if (all != null)
        for (LabelAndValue lv : all.labelValues) counts.put(lv.label, lv.value.longValue());
    } catch (IllegalArgumentException e) {
      // no page has this facet yet
    }
    return counts;
  }

  private static long specific(Facets facets, String dim, String value) throws IOException {
    if (facets == null) return 0;
    try {
      Number n = facets.getSpecificValue(dim, value);
      return n == null ? 0 : Math.max(0, n.longValue());
    } catch (IllegalArgumentException e) {
      return 0; // a dimension no page has yet
    }
  }
}
