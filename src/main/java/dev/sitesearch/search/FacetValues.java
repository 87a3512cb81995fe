package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.FacetValue;
import java.util.List;

/**
 * Every value of one facet with its count, for {@code GET /api/facets/{facet}}.
 *
 * @param facet the facet as asked
 * @param values the values, by count then value
 * @param partial the counting ran out of time ({@code server.limits.searchTimeout}): the counts are
 *     lower bounds and values may be missing
 */
public record FacetValues(String facet, List<FacetValue> values, boolean partial) {
  public FacetValues {
    values = List.copyOf(values);
  }
}
