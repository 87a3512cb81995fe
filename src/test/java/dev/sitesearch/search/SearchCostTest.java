package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which requests are heavy before they run: what a search box or topic page sends is ordinary; many
 * hits at once, deep pages, long queries and several prefixes are heavy.
 */
class SearchCostTest {
  private static SearchRequest request(String q, int page, int size) {
    return new SearchRequest(q, Map.of(), null, null, SortOrder.RELEVANCE, page, size, null, 10);
  }

  @ParameterizedTest(name = "q={0} page={1} size={2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                          | 1   | 10  | ORDINARY
          remote patient monitoring                    | 1   | 10  | ORDINARY
          how do I bill chronic care management for patients with two conditions | 1 | 10 | ORDINARY
          tele*                                        | 1   | 10  | ORDINARY
          care                                         | 50  | 20  | ORDINARY
          care                                         | 1   | 21  | HEAVY
          care                                         | 1   | 100 | HEAVY
          care                                         | 101 | 10  | HEAVY
          tele* rem*                                   | 1   | 10  | HEAVY
          a b c d e f g h i j k l m n o p q             | 1   | 10  | HEAVY
          "a b c d e f g h i j k l m n o p q"           | 1   | 10  | HEAVY
          a OR b OR c OR d OR e OR f OR g OR h OR i OR j OR k OR l OR m OR n OR o OR p OR q | 1 | 10 | HEAVY
          """)
  void heavy_requests_are_told_from_ordinary_ones(String q, int page, int size, SearchCost cost) {
    assertEquals(cost, SearchCost.of(request(q, page, size)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-a -b -c -d -e -f -g -h -i -j -k -l -m -n -o -p -q", "care -x* -y*"})
  void excluded_words_and_prefixes_count_too(String q) {
    assertEquals(SearchCost.HEAVY, SearchCost.of(request(q, 1, 10)));
    assertEquals(
        SearchCost.ORDINARY,
        SearchCost.of(request("care", 1, 10).withFilters(Map.of("tags", List.of("x")))));
  }
}
