package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The shaping rules of the answers, for an engine other than the local one ({@code
 * dev.sitesearch.solr.SolrEngine}) to answer in the very same shape: a tree facet's levels, the
 * order of flat facet values, a suggestion's marked text. The rules stay where they are; this only
 * lends them out.
 */
public final class AnswerShapes {
  private AnswerShapes() {}

  /** A value's "results if added", from its count alone. */
  public interface IfAdded {
    long of(String value, long alone);
  }

  /**
   * A tree facet's values from each path's count ({@link FacetTree}): the top level with its
   * children, each level by count and cut at {@code size}, selected values and their parents always
   * listed.
   */
  public static List<FacetValue> tree(
      Map<String, Long> pathCounts,
      List<String> selected,
      int size,
      String separator,
      IfAdded ifAdded) {
    try {
      return FacetTree.values(pathCounts, selected, size, separator, ifAdded::of);
    } catch (IOException e) {
      throw new IllegalStateException("counted values are in memory", e);
    }
  }

  /** The order of a flat facet's values: by count, then by value. */
  public static void sortFlat(List<FacetValue> values) {
    values.sort(FacetCounter.BY_COUNT_THEN_VALUE);
  }

  /** A suggested title, escaped, with each word's typed prefix in {@code <mark>}. */
  public static String suggestionText(String title, String typed) {
    return TitleSuggester.mark(title, typed);
  }
}
