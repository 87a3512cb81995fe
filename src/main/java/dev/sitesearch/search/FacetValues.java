package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.FacetValue;
import java.util.List;

/**
 * A page of one facet's values with their counts, for {@code GET /api/facets/{facet}}.
 *
 * @param facet the facet as asked
 * @param values the values, by closeness to the typed {@code search} (if any), then by count or
 *     name; a tree's values as a flat list of paths, each with its {@code label}
 * @param total how many values match in all, for "show more" (a page ends before it)
 * @param offset how many matching values came before this page
 * @param partial the counting ran out of time ({@code server.limits.searchTimeout}): the counts are
 *     lower bounds and values may be missing
 */
public record FacetValues(
    String facet, List<FacetValue> values, int total, int offset, boolean partial) {
  public FacetValues {
    values = List.copyOf(values);
  }

  /** Every value at once. */
  public FacetValues(String facet, List<FacetValue> values, boolean partial) {
    this(facet, values, values.size(), 0, partial);
  }
}
