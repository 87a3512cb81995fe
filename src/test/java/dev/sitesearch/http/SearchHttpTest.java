package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.FixturePages.Page;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.TestHttp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/search}: the query syntax, ranking, sorting, paging and date filters, over the
 * fixture site.
 */
class SearchHttpTest extends FixtureServerTest {
  @Test
  void response_names_query_total_page_size_time_hits_facets_and_no_correction() {
    Response r = server.get("/api/search?q=telehealth");

    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode json = r.json();
    assertEquals("telehealth", json.get("query").asText());
    assertEquals(
        fixture.withWord("telehealth").size(),
        json.get("total").asLong(),
        "every page with the word");
    assertEquals(1, json.get("page").asInt());
    assertEquals(10, json.get("size").asInt());
    assertTrue(json.get("tookMs").asLong() >= 0);
    assertTrue(json.get("facets").isObject());
    assertTrue(json.has("didYouMean") && json.get("didYouMean").isNull());
    JsonNode hit = json.get("hits").get(0);
    for (String field :
        List.of(
            "id",
            "title",
            "description",
            "url",
            "date",
            "score",
            "snippet",
            "highlights",
            "fields")) {
      assertTrue(hit.has(field), "hit has " + field + ": " + hit);
    }
    assertTrue(hit.get("score").isNumber(), "a relevance-ranked hit has a score");
    assertTrue(hit.get("highlights").get("title").isTextual());
  }

  @Test
  void hit_carries_the_pages_url_date_and_facet_values() {
    JsonNode hit = server.search("q", "\"sell chronic care management\"").get("hits").get(0);

    Page page = fixture.byId("3118");
    assertEquals("3118", hit.get("id").asText());
    assertEquals(page.title(), hit.get("title").asText());
    assertEquals(
        "/news/medium-how-to-sell-chronic-care-management-to-your-patients/",
        hit.get("url").asText(),
        "its Hugo address: its folder and its slug");
    assertEquals(
        List.of("/news/how-to-sell-chronic-care-management-to-your-patients/"),
        strings(hit.get("aliases")),
        "its alias is another way in, never its URL");
    assertEquals(page.date(), Instant.parse(hit.get("date").asText()));
    assertEquals(page.facets().get("communityTopics"), strings(hit.at("/fields/communityTopics")));
    assertEquals(List.of("medium.com"), strings(hit.at("/fields/link.brand")));
    assertEquals(List.of("2020"), strings(hit.at("/fields/year")));
  }

  @Test
  void empty_query_lists_every_published_page_newest_first_without_scores() {
    JsonNode json = server.search("size", "100");

    assertEquals(fixture.all().size(), json.get("total").asLong());
    List<String> expected =
        fixture.all().stream()
            .sorted(
                Comparator.comparing(
                        Page::date, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .reversed())
            .map(Page::id)
            .toList();
    assertEquals(expected, TestServer.ids(json), "newest first, the undated page last");
    json.get("hits")
        .forEach(hit -> assertTrue(hit.get("score").isNull(), "browsing has no scores"));
  }

  @Test
  void drafts_are_never_found() {
    assertEquals(0, server.search("q", "unpublished").get("total").asLong());
    assertFalse(TestServer.ids(server.search("size", "100")).contains("4999"));
  }

  @Test
  void word_found_only_in_a_page_body_finds_that_page() {
    assertEquals(List.of("4001"), TestServer.ids(server.search("q", "broadband")));
  }

  @Test
  void words_are_matched_regardless_of_case_accents_and_word_form() {
    assertEquals(List.of("4007"), TestServer.ids(server.search("q", "SANTE numerique")));
    assertTrue(
        TestServer.ids(server.search("q", "coach")).contains("4003"),
        "coach finds coaches and coaching");
  }

  @Test
  void pages_with_the_word_in_their_title_rank_above_pages_mentioning_it_only_in_the_body() {
    JsonNode json = server.search("q", "telehealth", "size", "100");

    List<Boolean> inTitle = new ArrayList<>();
    json.get("hits")
        .forEach(
            hit ->
                inTitle.add(
                    hit.get("title").asText().toLowerCase(Locale.ROOT).contains("telehealth")));
    assertTrue(
        inTitle.contains(true) && inTitle.contains(false),
        "the fixture has both kinds: " + inTitle);
    assertEquals(
        inTitle.stream().sorted(Comparator.reverseOrder()).toList(),
        inTitle,
        "title matches first: " + TestServer.ids(json));
    List<Double> scores = new ArrayList<>();
    json.get("hits").forEach(hit -> scores.add(hit.get("score").asDouble()));
    assertEquals(
        scores.stream().sorted(Comparator.reverseOrder()).toList(), scores, "scores descend");
  }

  @Test
  void quoted_phrase_finds_only_pages_with_the_words_side_by_side() {
    Set<String> words =
        new HashSet<>(
            TestServer.ids(server.search("q", "remote patient monitoring", "size", "100")));
    Set<String> phrase =
        new HashSet<>(
            TestServer.ids(server.search("q", "\"remote patient monitoring\"", "size", "100")));

    assertTrue(words.contains("4003"), "the coaching page has all three words, apart");
    assertFalse(phrase.contains("4003"), "but not the phrase");
    assertTrue(phrase.containsAll(Set.of("3118", "4001", "4008", "4010")), phrase.toString());
    assertTrue(words.containsAll(phrase));
  }

  @Test
  void minus_excludes_pages_containing_the_word() {
    List<String> all = TestServer.ids(server.search("q", "telehealth", "size", "100"));
    List<String> withoutWebinar =
        TestServer.ids(server.search("q", "telehealth -webinar", "size", "100"));

    assertTrue(all.contains("4005"));
    assertFalse(withoutWebinar.contains("4005"));
    assertEquals(all.size() - 1, withoutWebinar.size());
    List<String> withoutPhrase =
        TestServer.ids(server.search("q", "telehealth -\"video visits\"", "size", "100"));
    List<String> dropped = all.stream().filter(id -> !withoutPhrase.contains(id)).sorted().toList();
    assertEquals(
        List.of("4001", "4005", "4011"),
        dropped,
        "a minus before a quoted phrase drops the pages with it");
  }

  @Test
  void query_of_only_exclusions_lists_every_page_without_those_words() {
    long all = server.search().get("total").asLong();
    long withCare = server.search("q", "care").get("total").asLong();
    List<String> withoutCare = TestServer.ids(server.search("q", "-care", "size", "100"));

    assertEquals(all - withCare, withoutCare.size());
    assertTrue(withoutCare.contains("4004"), "the summit page never mentions care");
  }

  @Test
  void or_finds_pages_with_either_word() {
    var either = new TreeSet<>(TestServer.ids(server.search("q", "broadband OR connectathon")));

    assertEquals(new TreeSet<>(List.of("4001", "4004")), either);
    var union = new TreeSet<>(TestServer.ids(server.search("q", "podcast", "size", "100")));
    union.addAll(TestServer.ids(server.search("q", "webinar", "size", "100")));
    assertEquals(
        union,
        new TreeSet<>(TestServer.ids(server.search("q", "podcast OR webinar", "size", "100"))));
  }

  @Test
  void trailing_star_matches_words_starting_with_the_prefix() {
    List<String> prefix = TestServer.ids(server.search("q", "interop*", "size", "100"));

    assertTrue(prefix.containsAll(List.of("4004", "4002")), prefix.toString());
    assertEquals(
        0,
        server.search("q", "interop").get("total").asLong(),
        "without the star it is a whole word");
  }

  static Stream<String> oddQueries() {
    return Stream.of(
        "(((",
        ")))",
        "AND OR NOT",
        "OR",
        "OR OR OR",
        "a OR",
        "NOT care",
        "title:foo",
        "title:telehealth",
        "\\",
        "\\\\",
        "~^*?[]{}",
        "*",
        "**",
        "*care",
        "ca*re*",
        "-",
        "--",
        "- -care",
        "-*",
        "\"",
        "\"\"",
        "\"unbalanced",
        "care\"",
        "\"\" \"\" \"",
        "+care",
        "!care",
        "care~2",
        "care^10",
        "&&",
        "||",
        "/regex/",
        "[a TO z]",
        "{a TO z}",
        "care:",
        ":",
        "<script>alert(1)</script>",
        "%",
        "' OR 1=1 --",
        "\"remote -patient\"",
        "-\"remote patient\"",
        "-care -patient",
        "care AND",
        "AND",
        "\u00a0",
        "…",
        "\t\n");
  }

  @ParameterizedTest(name = "[{index}] q={0}")
  @MethodSource("oddQueries")
  void operators_and_lucene_special_characters_are_read_as_text_never_as_errors(String q) {
    Response r = server.get("/api/search?" + TestHttp.query("q", q));

    assertEquals(200, r.status(), r::body);
    assertTrue(r.json().get("hits").isArray());
    TestServer.assertNoInternals(r);
  }

  @ParameterizedTest(name = "q={0}")
  @ValueSource(
      strings = {
        "(((broadband",
        "broadband)))",
        "broadband~",
        "[broadband]",
        "{broadband}",
        "\\broadband",
        "broadband!",
        "\"broadband",
        "+broadband",
        "broadband?"
      })
  void word_wrapped_in_operators_and_punctuation_is_still_searched_for(String q) {
    assertEquals(List.of("4001"), TestServer.ids(server.search("q", q)));
  }

  @Test
  void lucene_field_syntax_searches_for_the_word_after_the_colon() {
    assertEquals(
        List.of("4001"),
        TestServer.ids(server.search("q", "title:broadband")),
        "the visitor typed field syntax the search box does not support; the word itself should still be found");
  }

  static Stream<Arguments> hostileButValidQueries() {
    String longOrChain =
        String.join(" OR ", java.util.Collections.nCopies(140, "care")).substring(0, 998);
    String thousand = ("patient care " + "x".repeat(1000)).substring(0, 1000);
    return Stream.of(
        Arguments.of("emoji around a word", "🩺 telehealth 😀"),
        Arguments.of("only an emoji", "😀"),
        Arguments.of("word then NUL", "care\u0000"),
        Arguments.of("only NUL", "\u0000"),
        Arguments.of("control characters and an ANSI escape", "\u0001\u0007\u001b[31mcare"),
        Arguments.of("right-to-left override", "\u202etelehealth"),
        Arguments.of("stacked combining accents", "e\u0301\u0301\u0301"),
        Arguments.of("Japanese", "遠隔医療"),
        Arguments.of("Arabic", "مرحبا"),
        Arguments.of("exactly 1000 characters with one long token", thousand),
        Arguments.of("OR chain of 140 words", longOrChain),
        Arguments.of(
            "OR chain of 60 prefixes",
            String.join(" OR ", java.util.Collections.nCopies(60, "ca*"))),
        Arguments.of(
            "160 exclusions", String.join(" ", java.util.Collections.nCopies(160, "-care"))),
        Arguments.of("phrase of 150 words", "\"" + "care ".repeat(150) + "\""),
        Arguments.of("lone high surrogate", "\ud83d"),
        Arguments.of("lone low surrogate", "\udc00care"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileButValidQueries")
  void hostile_but_valid_queries_are_answered(String label, String q) {
    Response r = server.get("/api/search?" + TestHttp.query("q", q));

    assertEquals(200, r.status(), r::body);
    assertTrue(r.json().get("total").asLong() >= 0);
    TestServer.assertNoInternals(r);
  }

  @Test
  void query_of_exactly_one_thousand_characters_is_answered() {
    String q = "telehealth ".repeat(91).strip(); // 1,000 characters

    JsonNode json = server.search("q", q);
    assertEquals(q, json.get("query").asText());
    assertEquals(fixture.withWord("telehealth").size(), json.get("total").asLong());
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"newest", "oldest", "title", "relevance", "NEWEST"})
  void sort_orders_the_hits(String sort) {
    JsonNode json = server.search("q", "care", "sort", sort, "size", "100");

    List<Page> pages = new ArrayList<>();
    json.get("hits").forEach(hit -> pages.add(fixture.byId(hit.get("id").asText())));
    assertTrue(pages.size() > 5, "care is on many pages");
    Comparator<Page> expected =
        switch (sort.toLowerCase(Locale.ROOT)) {
          case "newest" ->
              Comparator.comparing(
                      Page::date, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                  .reversed();
          case "oldest" ->
              Comparator.comparing(
                  Page::date, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
          case "title" -> Comparator.comparing(p -> p.title().toLowerCase(Locale.ROOT));
          default -> null;
        };
    if (expected != null) {
      assertEquals(
          pages.stream().sorted(expected).map(Page::id).toList(),
          pages.stream().map(Page::id).toList());
      json.get("hits")
          .forEach(hit -> assertTrue(hit.get("score").isNull(), "no score when sorted by " + sort));
    } else {
      json.get("hits")
          .forEach(hit -> assertNotNull(hit.get("score").numberValue(), "relevance has scores"));
    }
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"relevance", "newest", "title"})
  void pages_of_results_follow_each_other_without_gaps_or_repeats(String sort) {
    List<String> everything =
        TestServer.ids(server.search("q", "patient OR care", "sort", sort, "size", "100"));
    assertTrue(
        everything.size() > 10 && everything.size() <= 20,
        "spans several pages: " + everything.size());
    var paged = new ArrayList<String>();
    for (int page = 1; page <= 4; page++) {
      JsonNode json =
          server.search(
              "q", "patient OR care", "sort", sort, "size", "5", "page", String.valueOf(page));
      assertEquals(everything.size(), json.get("total").asLong(), "total on page " + page);
      assertEquals(page, json.get("page").asInt());
      assertEquals(5, json.get("size").asInt());
      paged.addAll(TestServer.ids(json));
    }
    assertEquals(everything, paged);
  }

  @Test
  void page_past_the_last_hit_is_empty_but_keeps_the_total() {
    JsonNode json = server.search("q", "telehealth", "page", "50");

    assertEquals(List.of(), TestServer.ids(json));
    assertEquals(fixture.withWord("telehealth").size(), json.get("total").asLong());
  }

  @Test
  void ranked_results_page_as_deep_as_ten_thousand_and_deeper_is_refused() {
    assertEquals(200, server.get("/api/search?q=care&page=100&size=100").status());
    assertEquals(200, server.get("/api/search?q=care&page=1000").status());
    TestServer.assertProblem(server.get("/api/search?q=care&page=101&size=100"), 400, "page");
    TestServer.assertProblem(server.get("/api/search?q=care&page=1001"), 400, "page");
  }

  /** Each deeper page of a sorted list costs more than a ranked one (docs/robustness.md). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sort=title&", "sort=newest&q=care&", "sort=oldest&", ""})
  void sorted_results_and_browsing_page_as_deep_as_a_thousand_and_deeper_is_refused(String sorted) {
    assertEquals(200, server.get("/api/search?" + sorted + "page=10&size=100").status());
    assertEquals(200, server.get("/api/search?" + sorted + "page=100").status());
    Response deeper = server.get("/api/search?" + sorted + "page=11&size=100");
    TestServer.assertProblem(deeper, 400, "page");
    assertTrue(deeper.json().get("detail").asText().contains("1000"), deeper::body);
    TestServer.assertProblem(server.get("/api/search?" + sorted + "page=101"), 400, "page");
  }

  @Test
  void from_and_to_keep_pages_dated_within_those_whole_days() {
    assertDateRange("2022-01-01", "2022-12-31");
    assertDateRange("2021-06-01", null);
    assertDateRange(null, "2021-06-01");
    assertDateRange("2020-08-18", "2020-08-18");
  }

  @Test
  void from_and_to_include_pages_at_the_very_start_and_end_of_the_day() {
    assertTrue(
        TestServer.ids(server.search("from", "2022-05-10", "to", "2022-05-10")).contains("4002"),
        "a page dated at midnight is on that day");
    assertTrue(
        TestServer.ids(server.search("from", "2023-06-20", "to", "2023-06-20")).contains("4004"),
        "a page dated 23:30 UTC is on that day");
    assertFalse(
        TestServer.ids(server.search("from", "2023-06-21", "size", "100")).contains("4004"));
    assertFalse(TestServer.ids(server.search("to", "2022-05-09", "size", "100")).contains("4002"));
  }

  @Test
  void from_and_to_take_an_iso_date_time_and_keep_its_date() {
    assertEquals(
        TestServer.ids(server.search("from", "2022-05-10", "to", "2022-05-10")),
        TestServer.ids(
            server.search("from", "2022-05-10T23:59:59Z", "to", "2022-05-10T00:00+02:00")));
    assertEquals(
        TestServer.ids(server.search("to", "2022-05-10")),
        TestServer.ids(server.search("to", "2022-05-10T08:30:00.5")));
  }

  @Test
  void date_range_combines_with_a_text_query() {
    JsonNode json = server.search("q", "telehealth", "from", "2024-01-01", "size", "100");

    Set<String> expected =
        fixture.withWord("telehealth").stream()
            .filter(
                p -> p.date() != null && !p.date().isBefore(Instant.parse("2024-01-01T00:00:00Z")))
            .map(Page::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(expected.isEmpty(), "the fixture has such pages");
    assertEquals(
        expected,
        new TreeSet<>(TestServer.ids(json)),
        "pages with the word, dated from that day on");
  }

  private void assertDateRange(String from, String to) {
    var params = new ArrayList<>(List.of("size", "100"));
    if (from != null) params.addAll(List.of("from", from));
    if (to != null) params.addAll(List.of("to", to));
    JsonNode json = server.search(params.toArray(String[]::new));
    Set<String> expected =
        fixture
            .matching(
                Map.of(),
                from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to))
            .stream()
            .map(Page::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(expected.isEmpty());
    assertEquals(expected, new TreeSet<>(TestServer.ids(json)), "from=" + from + " to=" + to);
  }

  private static List<String> strings(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
