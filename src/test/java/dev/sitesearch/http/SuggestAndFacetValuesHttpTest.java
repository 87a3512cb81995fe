package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.FixturePages.Count;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.TestHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/suggest} (title completions) and {@code GET /api/facets/{facet}} (browsing one
 * facet's values).
 */
class SuggestAndFacetValuesHttpTest extends FixtureServerTest {
  @Test
  void suggest_completes_titles_whose_words_start_with_the_typed_text_not_only_the_first_word() {
    JsonNode json = suggest("q", "chr", "size", "8");

    assertEquals("chr", json.get("query").asText());
    Map<String, String> textById = new LinkedHashMap<>();
    json.get("suggestions")
        .forEach(s -> textById.put(s.get("id").asText(), s.get("text").asText()));
    assertEquals(
        "How to Sell <mark>Chr</mark>onic Care Management to Your Patients", textById.get("3118"));
    assertEquals(
        "Building Dashboards for <mark>Chr</mark>onic Disease Programs", textById.get("4002"));
    assertEquals("<mark>Chr</mark>onic Care Billing Explained", textById.get("4009"));
    assertEquals("<mark>Chr</mark>onic Care Awareness Week", textById.get("4013"));
    assertEquals(4, textById.size(), textById.toString());
  }

  @Test
  void suggestions_starting_with_the_typed_text_come_first_then_newest_first() {
    List<String> ids = new ArrayList<>();
    suggest("q", "chr").get("suggestions").forEach(s -> ids.add(s.get("id").asText()));

    assertEquals(
        List.of("4009", "4013", "4002", "3118"),
        ids,
        "Chronic Care Billing (2024), Chronic Care Awareness (2020), then Dashboards (2022), How to Sell (2020)");
  }

  @Test
  void suggestion_links_to_the_page_it_names() {
    JsonNode json = suggest("q", "interoperability summ");

    assertEquals(1, json.get("suggestions").size(), json.toString());
    JsonNode s = json.get("suggestions").get(0);
    assertEquals("4004", s.get("id").asText());
    assertFalse(s.get("url").asText().isBlank());
    assertEquals("<mark>Interoperability</mark> <mark>Summ</mark>it 2023", s.get("text").asText());
  }

  @Test
  void suggest_ignores_case_and_accents() {
    JsonNode json = suggest("q", "SANTE");

    assertEquals(1, json.get("suggestions").size(), json.toString());
    assertEquals("<mark>Santé</mark> numérique en France", json.at("/suggestions/0/text").asText());
  }

  @Test
  void suggest_escapes_markup_in_titles() {
    JsonNode json = suggest("q", "portals");

    assertEquals(
        "Patient <mark>Portals</mark>: 5 &lt; 6 &amp; &quot;Quotes&quot;",
        json.at("/suggestions/0/text").asText());
  }

  @Test
  void suggest_size_limits_the_number_of_suggestions() {
    assertEquals(1, suggest("q", "chr", "size", "1").get("suggestions").size());
    assertTrue(suggest("q", "c", "size", "20").get("suggestions").size() <= 20);
  }

  @Test
  void suggest_with_nothing_typed_or_no_match_suggests_nothing() {
    assertEquals(0, suggest("q", "").get("suggestions").size());
    assertEquals(0, suggest("q", "zzzqx").get("suggestions").size());
  }

  @Test
  void suggest_never_offers_a_draft() {
    assertEquals(0, suggest("q", "unpublished").get("suggestions").size());
  }

  @ParameterizedTest(name = "size={0}")
  @ValueSource(strings = {"0", "21", "-1", "abc", "1.5"})
  void suggest_size_outside_one_to_twenty_is_refused_naming_size(String size) {
    TestServer.assertProblem(server.get("/api/suggest?q=chr&size=" + size), 400, "size");
  }

  @ParameterizedTest(name = "q={0}")
  @ValueSource(
      strings = {"(((", "\"", "*", "-", "title:", "\\", "🩺", "\u0000", "AND OR", "~^*?[]{}"})
  void suggest_answers_odd_input_without_error(String q) {
    Response r = server.get("/api/suggest?" + TestHttp.query("q", q));

    assertEquals(200, r.status(), r::body);
    assertTrue(r.json().get("suggestions").isArray());
  }

  @Test
  void suggest_refuses_a_query_over_a_thousand_characters_naming_q() {
    TestServer.assertProblem(server.get("/api/suggest?q=" + "a".repeat(1001)), 400, "q");
  }

  @Test
  void facet_values_without_a_query_count_every_published_page() {
    JsonNode json = facetValues("communityTopics");

    assertEquals("communityTopics", json.get("facet").asText());
    List<Count> expected =
        fixture
            .expectedFacets(List.of("communityTopics"), Map.of(), null, null)
            .get("communityTopics");
    assertEquals(expected, values(json));
  }

  @ParameterizedTest(name = "prefix={0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tele         | Medigy: Telehealth
          TELE         | Medigy: Telehealth
          Telehealth   | Medigy: Telehealth
          medigy: tele | Medigy: Telehealth
          sante        | Medigy: Santé Numérique
          SANTÉ        | Medigy: Santé Numérique
          numer        | Medigy: Santé Numérique
          numé         | Medigy: Santé Numérique
          """)
  void facet_value_prefix_matches_the_start_of_any_word_ignoring_case_and_accents(
      String prefix, String value) {
    List<String> found =
        values(facetValues("communityTopics", "prefix", prefix)).stream()
            .map(Count::value)
            .toList();

    assertEquals(List.of(value), found);
  }

  @Test
  void facet_value_prefix_does_not_match_inside_a_word() {
    List<String> found =
        values(facetValues("communityTopics", "prefix", "health")).stream()
            .map(Count::value)
            .toList();

    assertFalse(found.contains("Medigy: Telehealth"), found.toString());
  }

  @Test
  void facet_value_prefix_matching_several_values_lists_them_by_count() {
    List<Count> found = values(facetValues("communityTopics", "prefix", "patient"));

    List<Count> expected =
        fixture
            .expectedFacets(List.of("communityTopics"), Map.of(), null, null)
            .get("communityTopics")
            .stream()
            .filter(c -> c.value().toLowerCase(Locale.ROOT).contains(" patient"))
            .toList();
    assertEquals(expected, found);
    assertEquals(3, found.size(), found.toString());
  }

  @Test
  void facet_values_with_a_query_count_only_pages_matching_it() {
    JsonNode values = facetValues("searchCategory", "q", "telehealth");
    JsonNode search =
        server.search("q", "telehealth", "facets", "searchCategory", "facetSize", "100");

    assertEquals(FacetCountsHttpTest.facets(search).get("searchCategory"), values(values));
    long total = values(values).stream().mapToLong(Count::count).sum();
    assertEquals(search.get("total").asLong(), total, "each page has one category");
  }

  @Test
  void facet_values_follow_the_other_filters_and_count_their_own_facet_as_the_sidebar_does() {
    String category = values(facetValues("searchCategory")).get(0).value();
    String tag = values(facetValues("tags", "f.searchCategory", category)).get(0).value();
    var filters = Map.of("searchCategory", List.of(category), "tags", List.of(tag));

    List<Count> tags =
        values(facetValues("tags", "f.searchCategory", category, "f.tags", tag, "size", "100"));

    assertEquals(
        fixture.expectedFacets(List.of("tags"), filters, null, null).get("tags"),
        tags,
        "other facets' filters apply, the facet's own does not (each count is what ticking the value would add)");
    assertTrue(
        tags.contains(
            new Count(
                tag,
                tags.stream().filter(c -> c.value().equals(tag)).findFirst().orElseThrow().count(),
                true)),
        "the selected value is marked");
    JsonNode search =
        server.search(
            "f.searchCategory", category, "f.tags", tag, "facets", "tags", "facetSize", "100");
    assertEquals(
        FacetCountsHttpTest.facets(search).get("tags"),
        tags,
        "the same counts as the search's sidebar");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "care",
        "telehealth billing",
        "remote monitoring",
        "chornic care",
        "how do rural clinics start remote monitoring programs for chronic patients with telehealth",
        "what should a practice know about chronic care management billing and remote patient monitoring"
      })
  void facet_values_count_every_query_as_the_search_sidebar_does(String q) {
    for (String facet : server.schema().facets()) {
      for (String sort : List.of("relevance", "newest")) {
        JsonNode search = server.search("q", q, "sort", sort, "facets", facet, "facetSize", "100");
        List<Count> sidebar = FacetCountsHttpTest.facets(search).get(facet);

        assertEquals(
            sidebar,
            values(facetValues(facet, "q", q, "sort", sort, "size", "100")),
            facet
                + " for '"
                + q
                + "' sorted by "
                + sort
                + " (typos, synonyms, feedback and curation alike)");
      }
    }
  }

  @Test
  void the_facets_endpoint_lists_every_facet_in_schema_order_with_the_name_a_visitor_sees() {
    JsonNode facets = server.getJson("/api/facets").get("facets");

    var names = new ArrayList<String>();
    facets.forEach(f -> names.add(f.get("name").asText()));
    assertEquals(server.schema().facets(), names);
    assertEquals(
        "Topics", facets.get(0).get("label").asText(), "the configured label of communityTopics");
    assertEquals("Site", facets.get(names.indexOf("link.brand")).get("label").asText());
    assertEquals(
        "Tags", facets.get(names.indexOf("tags")).get("label").asText(), "made from the name");
    assertEquals("Year", facets.get(names.indexOf("year")).get("label").asText());
  }

  @Test
  void facet_values_with_an_unknown_filter_facet_are_a_400_problem() {
    Response r = server.get("/api/facets/tags?f.nope=x");

    assertEquals(400, r.status(), r::body);
    assertTrue(r.body().contains("f.nope"), r.body());
  }

  @Test
  void facet_values_of_a_nested_front_matter_field() {
    List<Count> brands = values(facetValues("link.brand", "prefix", "you"));

    long youtube = fixture.all().stream().filter(p -> p.has("link.brand", "youtube.com")).count();
    assertEquals(List.of(new Count("youtube.com", youtube, false)), brands);
  }

  @Test
  void facet_values_size_keeps_the_most_common() {
    List<Count> tags = values(facetValues("tags", "size", "2"));

    List<Long> expectedTop =
        fixture.expectedFacets(List.of("tags"), Map.of(), null, null).get("tags").stream()
            .limit(2)
            .map(Count::count)
            .toList();
    assertEquals(expectedTop, tags.stream().map(Count::count).toList());
  }

  @Test
  void year_is_a_facet_too() {
    List<Count> years = values(facetValues("year", "prefix", "202"));

    assertEquals(
        fixture.all().stream().filter(p -> p.date() != null).count(),
        years.stream().mapToLong(Count::count).sum());
  }

  @Test
  void unknown_facet_is_refused_naming_facet() {
    TestServer.assertProblem(server.get("/api/facets/nope"), 400, "facet");
    TestServer.assertProblem(server.get("/api/facets/title"), 400, "facet");
  }

  @ParameterizedTest(name = "size={0}")
  @ValueSource(strings = {"0", "-5", "abc", "100000"})
  void facet_values_size_out_of_range_is_refused_naming_size(String size) {
    TestServer.assertProblem(server.get("/api/facets/tags?size=" + size), 400, "size");
  }

  @Test
  void facet_values_prefix_over_two_hundred_characters_is_refused_naming_prefix() {
    TestServer.assertProblem(
        server.get("/api/facets/tags?prefix=" + "a".repeat(201)), 400, "prefix");
  }

  @ParameterizedTest(name = "prefix={0}")
  @ValueSource(strings = {"(((", "*", "\\", ":", "🩺", "\u0000", "[", "%"})
  void facet_values_answer_odd_prefixes_without_error(String prefix) {
    Response r = server.get("/api/facets/communityTopics?" + TestHttp.query("prefix", prefix));

    assertEquals(200, r.status(), r::body);
    assertTrue(r.json().get("values").isArray());
  }

  private JsonNode suggest(String... keyValues) {
    Response r = server.get("/api/suggest?" + TestHttp.query(keyValues));
    assertEquals(200, r.status(), r::body);
    return r.json();
  }

  private JsonNode facetValues(String facet, String... keyValues) {
    Response r = server.get("/api/facets/" + facet + "?" + TestHttp.query(keyValues));
    assertEquals(200, r.status(), r::body);
    return r.json();
  }

  private static List<Count> values(JsonNode json) {
    return Count.list(json.get("values"));
  }
}
