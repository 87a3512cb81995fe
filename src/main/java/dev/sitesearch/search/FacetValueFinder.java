package dev.sitesearch.search;

import dev.sitesearch.index.FacetPath;
import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A facet's value finder ({@code GET /api/facets/{facet}}): every value of the facet counted over
 * the plan, narrowed by {@code prefix} and by typed words with typos allowed ({@link ValueMatch}),
 * ordered (closeness, then count or name) and cut into a page with the number of matches in all.
 * Selected values are marked, and listed with a zero count when no page has them but they match.
 */
final class FacetValueFinder {
  private FacetValueFinder() {}

  /** One candidate: the value, its count alone and its closeness to the typed words. */
  private record Candidate(String value, long count, int distance, String folded) {}

  /**
   * @param separator the facet's level separator when it is a tree, else null: values are then
   *     paths, each also carrying its last level as its {@code label}
   */
  static FacetValues find(FacetCounts counts, String dim, String separator, ValueQuery query)
      throws IOException {
    List<String> selected = counts.selected().getOrDefault(dim, List.of());
    Map<String, Long> all = counts.allAlone(dim);
    for (String value : selected) all.putIfAbsent(value, 0L);
    String prefix = TextFolding.fold(query.prefix().strip());
    var match = new ValueMatch(query.search());
    var found = new ArrayList<Candidate>();
    for (var entry : all.entrySet()) {
      String folded = TextFolding.fold(entry.getKey());
      if (!prefix.isEmpty() && !wordStartsWith(folded, prefix)) continue;
      int distance = match.isEmpty() ? 0 : match.distance(entry.getKey());
      if (distance < 0) continue;
      found.add(new Candidate(entry.getKey(), entry.getValue(), distance, folded));
    }
    found.sort(order(query.order()));
    var page = new ArrayList<FacetValue>();
    int end = (int) Math.min(found.size(), (long) query.offset() + query.size());
    for (int i = query.offset(); i < end; i++) {
      Candidate c = found.get(i);
      page.add(
          new FacetValue(
              c.value(),
              c.count(),
              counts.ifAdded(dim, c.value(), c.count()),
              selected.contains(c.value()),
              separator == null ? null : FacetPath.label(c.value(), separator),
              null));
    }
    return new FacetValues(dim, page, found.size(), query.offset(), false);
  }

  private static Comparator<Candidate> order(ValueQuery.Order order) {
    Comparator<Candidate> closest = Comparator.comparingInt(Candidate::distance);
    Comparator<Candidate> then =
        order == ValueQuery.Order.NAME
            ? Comparator.comparing(Candidate::folded)
            : Comparator.comparingLong(Candidate::count).reversed();
    return closest.thenComparing(then).thenComparing(Candidate::value);
  }

  /** Whether a word of {@code value} (or the value itself) starts with {@code prefix}. */
  static boolean wordStartsWith(String value, String prefix) {
    if (value.startsWith(prefix)) return true;
    for (int i = 1; i < value.length(); i++) {
      if (!Character.isLetterOrDigit(value.charAt(i - 1)) && value.startsWith(prefix, i))
        return true;
    }
    return false;
  }
}
