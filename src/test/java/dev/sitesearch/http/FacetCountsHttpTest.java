package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.FixturePages.Count;
import dev.sitesearch.http.FixturePages.Page;
import dev.sitesearch.testing.Seed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facet filters and counts over HTTP, checked against counts computed by brute force from the
 * fixture's front matter: filters on one facet are OR-ed, on different facets AND-ed, and each
 * facet's counts apply every filter except its own.
 */
class FacetCountsHttpTest extends FixtureServerTest {
  private static final String RPM = "KLAS: Remote Patient Monitoring";
  private static final String TELEHEALTH = "Medigy: Telehealth";

  private final List<String> facetNames = Seed.schema().facets();

  static Stream<Arguments> filterCombinations() {
    return Stream.of(
        Arguments.of("no filter", List.of()),
        Arguments.of("one category", List.of("f.searchCategory", "Event")),
        Arguments.of(
            "two categories", List.of("f.searchCategory", "Event", "f.searchCategory", "Podcast")),
        Arguments.of(
            "topic and category", List.of("f.communityTopics", RPM, "f.searchCategory", "Article")),
        Arguments.of(
            "two topics", List.of("f.communityTopics", RPM, "f.communityTopics", TELEHEALTH)),
        Arguments.of("topic and year", List.of("f.communityTopics", TELEHEALTH, "f.year", "2024")),
        Arguments.of(
            "two brands and a tag",
            List.of(
                "f.link.brand", "youtube.com", "f.link.brand", "medium.com", "f.tags", "video")),
        Arguments.of("author and year", List.of("f.author", "Priya Raman", "f.year", "2023")),
        Arguments.of(
            "tag with a date range",
            List.of("f.tags", "news", "from", "2021-01-01", "to", "2025-12-31")),
        Arguments.of(
            "nothing matches both",
            List.of("f.communityTopics", "KLAS: Interoperability", "f.searchCategory", "Podcast")),
        Arguments.of(
            "ranked by relevance, one category",
            List.of("q", "-zzzqx", "f.searchCategory", "Video")),
        Arguments.of(
            "ranked by relevance, topic and category",
            List.of("q", "-zzzqx", "f.communityTopics", RPM, "f.searchCategory", "Article")),
        Arguments.of(
            "sorted by title, two topics and a year range",
            List.of(
                "sort",
                "title",
                "f.communityTopics",
                RPM,
                "f.communityTopics",
                TELEHEALTH,
                "from",
                "2021-01-01",
                "to",
                "2023-12-31")),
        Arguments.of(
            "three facets, one with two values",
            List.of(
                "f.communityTopics",
                "Symplur: Patient Engagement",
                "f.searchCategory",
                "News",
                "f.searchCategory",
                "Event",
                "f.year",
                "2020")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCombinations")
  void facet_counts_total_and_hits_match_a_brute_force_count_of_the_fixture(
      String name, List<String> params) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    LocalDate from = null;
    LocalDate to = null;
    for (int i = 0; i < params.size(); i += 2) {
      String key = params.get(i);
      String value = params.get(i + 1);
      if (key.startsWith("f."))
        filters.computeIfAbsent(key.substring(2), k -> new ArrayList<>()).add(value);
      if (key.equals("from")) from = LocalDate.parse(value);
      if (key.equals("to")) to = LocalDate.parse(value);
    }
    var request = new ArrayList<>(params);
    request.addAll(List.of("size", "100", "facetSize", "100"));
    JsonNode response = server.search(request.toArray(String[]::new));

    List<Page> expectedPages = fixture.matching(filters, from, to);
    assertEquals(expectedPages.size(), response.get("total").asLong(), "total");
    assertEquals(
        expectedPages.stream().map(Page::id).collect(Collectors.toCollection(TreeSet::new)),
        new TreeSet<>(TestServer.ids(response)),
        "the pages found");
    assertEquals(fixture.expectedFacets(facetNames, filters, from, to), facets(response));
  }

  @Test
  void search_with_a_topic_and_a_category_counts_each_facet_under_the_other_facets_filter() {
    JsonNode response =
        server.search("f.communityTopics", RPM, "f.searchCategory", "Article", "facetSize", "100");

    for (Count topic : facets(response).get("communityTopics")) {
      long articlesWithTopic =
          fixture.all().stream()
              .filter(
                  p ->
                      p.has("searchCategory", "Article") && p.has("communityTopics", topic.value()))
              .count();
      assertEquals(articlesWithTopic, topic.count(), "articles about " + topic.value());
    }
    for (Count category : facets(response).get("searchCategory")) {
      long topicPagesInCategory =
          fixture.all().stream()
              .filter(
                  p -> p.has("communityTopics", RPM) && p.has("searchCategory", category.value()))
              .count();
      assertEquals(
          topicPagesInCategory, category.count(), category.value() + " pages about " + RPM);
    }
    assertTrue(
        facets(response).get("searchCategory").size() > 1,
        "other categories stay visible so the visitor can widen the search");
  }

  @Test
  void search_with_two_topics_selected_counts_other_topics_disjunctively() {
    JsonNode response =
        server.search(
            "f.communityTopics", RPM, "f.communityTopics", TELEHEALTH, "facetSize", "100");

    long either =
        fixture.all().stream()
            .filter(p -> p.has("communityTopics", RPM) || p.has("communityTopics", TELEHEALTH))
            .count();
    assertEquals(either, response.get("total").asLong(), "pages about either topic");
    var expectedTopics =
        fixture
            .expectedFacets(List.of("communityTopics"), Map.of(), null, null)
            .get("communityTopics")
            .stream()
            .map(
                c ->
                    new Count(
                        c.value(),
                        c.count(),
                        c.value().equals(RPM) || c.value().equals(TELEHEALTH)))
            .toList();
    assertEquals(
        expectedTopics,
        facets(response).get("communityTopics"),
        "topic counts ignore the topic selection itself");
  }

  @Test
  void selected_value_that_no_page_matches_is_listed_as_selected_with_zero_count() {
    JsonNode response =
        server.search("f.communityTopics", "KLAS: Interoperability", "f.searchCategory", "Podcast");

    assertEquals(0, response.get("total").asLong());
    assertTrue(
        facets(response)
            .get("communityTopics")
            .contains(new Count("KLAS: Interoperability", 0, true)),
        () -> "topics: " + facets(response).get("communityTopics"));
    assertTrue(
        facets(response).get("searchCategory").contains(new Count("Podcast", 0, true)),
        () -> "categories: " + facets(response).get("searchCategory"));
  }

  @Test
  void selected_value_unknown_to_the_index_is_listed_as_selected_with_zero_count() {
    JsonNode response = server.search("f.tags", "no-such-tag");

    assertEquals(0, response.get("total").asLong());
    List<Count> tags = facets(response).get("tags");
    assertEquals(
        new Count("no-such-tag", 0, true),
        tags.get(tags.size() - 1),
        "listed last, after real tags");
    assertEquals(
        List.of(), facets(response).get("searchCategory"), "no page left to count in other facets");
  }

  @Test
  void selected_value_outside_the_top_facetSize_values_is_still_listed_with_its_count() {
    JsonNode response = server.search("f.tags", "security", "facetSize", "1");

    List<Count> tags = facets(response).get("tags");
    long securityPages = fixture.all().stream().filter(p -> p.has("tags", "security")).count();
    assertTrue(tags.contains(new Count("security", securityPages, true)), () -> "tags: " + tags);
  }

  @Test
  void facetSize_keeps_the_most_common_values_of_each_facet() {
    JsonNode response = server.search("facetSize", "2");

    var expected = fixture.expectedFacets(facetNames, Map.of(), null, null);
    facets(response)
        .forEach(
            (facet, values) -> {
              List<Long> expectedTop =
                  expected.get(facet).stream().limit(2).map(Count::count).toList();
              assertEquals(
                  expectedTop,
                  values.stream().map(Count::count).toList(),
                  facet + " keeps its two largest counts");
              values.forEach(
                  v ->
                      assertTrue(
                          expected.get(facet).contains(v), facet + " count of " + v.value()));
            });
  }

  @Test
  void default_facets_are_every_configured_facet_then_year_with_ten_values_each() {
    JsonNode response = server.search();

    assertEquals(facetNames, fieldNames(response.get("facets")));
    assertTrue(facetNames.contains("year") && facetNames.contains("link.brand"));
    response.get("facets").forEach(values -> assertTrue(values.size() <= 10));
    assertEquals(
        10, response.get("facets").get("tags").size(), "the fixture has more than ten tags");
  }

  @Test
  void facets_parameter_limits_the_response_to_the_named_facets_in_that_order() {
    JsonNode response = server.search("facets", "year,searchCategory");

    assertEquals(List.of("year", "searchCategory"), fieldNames(response.get("facets")));
  }

  @Test
  void year_facet_counts_pages_by_the_year_of_their_date() {
    JsonNode response = server.search("facets", "year");

    var byYear =
        fixture.all().stream()
            .filter(p -> p.date() != null)
            .collect(
                Collectors.groupingBy(p -> p.facets().get("year").get(0), Collectors.counting()));
    var actual = new LinkedHashMap<String, Long>();
    facets(response).get("year").forEach(c -> actual.put(c.value(), c.count()));
    assertEquals(byYear, actual);
    assertEquals(Set.of("2020", "2021", "2022", "2023", "2024", "2025"), actual.keySet());
  }

  @Test
  void facet_filters_combine_with_a_text_query_and_keep_their_own_counts() {
    JsonNode withoutFilter = server.search("q", "telehealth", "size", "100");
    JsonNode withFilter =
        server.search("q", "telehealth", "f.searchCategory", "Event", "size", "100");

    long telehealthEvents =
        fixture.withWord("telehealth").stream()
            .filter(p -> p.has("searchCategory", "Event"))
            .count();
    assertTrue(
        telehealthEvents > 0 && telehealthEvents < fixture.withWord("telehealth").size(),
        "a real narrowing");
    assertEquals(telehealthEvents, withFilter.get("total").asLong());
    assertEquals(fixture.withWord("telehealth").size(), withoutFilter.get("total").asLong());
    withFilter
        .get("hits")
        .forEach(
            hit ->
                assertEquals(
                    "Event",
                    hit.at("/fields/searchCategory/0").asText(),
                    hit.get("title").asText()));
    assertEquals(
        counts(facets(withoutFilter).get("searchCategory")),
        counts(facets(withFilter).get("searchCategory")),
        "the category counts ignore the category filter, so other categories stay one click away");
  }

  static Map<String, List<Count>> facets(JsonNode response) {
    var out = new LinkedHashMap<String, List<Count>>();
    response.get("facets").properties().forEach(e -> out.put(e.getKey(), Count.list(e.getValue())));
    return out;
  }

  private static Map<String, Long> counts(List<Count> values) {
    var out = new LinkedHashMap<String, Long>();
    values.forEach(c -> out.put(c.value(), c.count()));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
