package dev.sitesearch.http;

import static dev.sitesearch.search.SearchResponse.Hit.visibleText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.TestHttp;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snippets and title highlights: about two hundred characters around the match, query words in
 * {@code <mark>}, and everything else HTML-escaped, so page text such as {@code <script>} arrives
 * as harmless text.
 */
class SnippetHttpTest extends FixtureServerTest {
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#39);");

  @Test
  void snippet_is_a_passage_of_about_two_hundred_characters_with_the_match_marked() {
    JsonNode hit = onlyHit(server.search("q", "burnout", "f.searchCategory", "Podcast"), "4006");

    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("<mark>burnout</mark>"), snippet);
    int visible = visibleText(snippet).length();
    assertTrue(visible >= 140 && visible <= 245, "visible length " + visible + ": " + snippet);
    assertTrue(
        hit.get("description").asText().length() < visible,
        "the body passage, not just the description");
  }

  @ParameterizedTest(name = "q={0}")
  @ValueSource(strings = {"patient", "care", "clinic", "video", "telehealth"})
  void snippets_from_long_bodies_are_about_two_hundred_characters(String q) {
    JsonNode json = server.search("q", q, "size", "100");

    int checked = 0;
    for (JsonNode hit : json.get("hits")) {
      String snippet = hit.get("snippet").asText();
      int body =
          server
              .get("/api/documents/" + TestHttp.enc(hit.get("id").asText()).replace("%2F", "/"))
              .json()
              .get("body")
              .asText()
              .length();
      if (body < 400 || !snippet.contains("<mark>")) continue;
      int visible = visibleText(snippet).length();
      assertTrue(
          visible >= 120 && visible <= 245,
          hit.get("id") + ": visible length " + visible + ": " + snippet);
      checked++;
    }
    assertTrue(checked > 0, "some hit has a long body");
  }

  @Test
  void prefix_query_marks_the_words_it_matched() {
    JsonNode hit = hitWithId(server.search("q", "broadb*", "size", "100"), "4001");

    assertSnippetContains(hit, "<mark>broadband</mark>");
    assertEquals(
        "New <mark>Telehealth</mark> Rules for Rural Clinics",
        hitWithId(server.search("q", "teleh*", "size", "100"), "4001")
            .at("/highlights/title")
            .asText());
  }

  @Test
  void snippet_marks_every_query_word_it_shows() {
    String snippet =
        onlyHit(server.search("q", "evening inbox", "f.searchCategory", "Podcast"), "4006")
            .get("snippet")
            .asText();

    assertTrue(snippet.toLowerCase(Locale.ROOT).contains("<mark>evening</mark>"), snippet);
    assertTrue(snippet.toLowerCase(Locale.ROOT).contains("<mark>inbox</mark>"), snippet);
  }

  @Test
  void title_highlight_marks_the_query_words() {
    JsonNode json = server.search("q", "telehealth programs", "size", "100");

    JsonNode webinar = hitWithId(json, "4005");
    assertEquals(
        "Webinar: Scaling <mark>Telehealth</mark> <mark>Programs</mark>",
        webinar.at("/highlights/title").asText());
    JsonNode dashboards = hitWithId(server.search("q", "program", "size", "100"), "4002");
    assertEquals(
        "Building Dashboards for Chronic Disease <mark>Programs</mark>",
        dashboards.at("/highlights/title").asText(),
        "other forms of the word are marked too");
  }

  @Test
  void title_highlight_marks_a_matched_phrase() {
    JsonNode hit =
        hitWithId(server.search("q", "\"remote patient monitoring\"", "size", "100"), "4008");

    assertEquals(
        "Setting Up <mark>Remote Patient Monitoring</mark> Devices",
        hit.at("/highlights/title").asText());
  }

  @Test
  void title_without_a_match_is_returned_escaped_and_unmarked() {
    JsonNode hit = onlyHit(server.search("q", "connectathon"), "4004");

    assertEquals("Interoperability Summit 2023", hit.at("/highlights/title").asText());
  }

  @Test
  void script_in_a_page_never_reaches_the_search_response_as_markup() {
    Response r = server.get("/api/search?q=alert");

    assertEquals(200, r.status());
    assertFalse(r.body().toLowerCase(Locale.ROOT).contains("<script"), r.body());
    JsonNode hit = onlyHit(r.json(), "4012");
    assertSnippetContains(hit, "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;");
  }

  @ParameterizedTest(name = "q={0}")
  @ValueSource(
      strings = {
        "script",
        "attack",
        "message portal",
        "patient",
        "quotes",
        "5 < 6",
        "\"alert\"",
        ""
      })
  void search_response_for_the_page_with_markup_never_contains_a_raw_script_tag(String q) {
    Response r = server.get("/api/search?" + TestHttp.query("q", q, "f.tags", "security"));

    assertEquals(200, r.status());
    assertEquals(1, r.json().get("total").asInt(), "the page is found by " + q);
    assertFalse(r.body().toLowerCase(Locale.ROOT).contains("<script"), r.body());
    assertSafeHtml(r.json().at("/hits/0/snippet").asText());
    assertSafeHtml(r.json().at("/hits/0/highlights/title").asText());
  }

  @Test
  void text_with_angle_brackets_ampersands_and_quotes_is_escaped_in_snippet_and_title() {
    JsonNode hit = onlyHit(server.search("q", "quotes"), "4012");

    assertEquals(
        "Patient Portals: 5 < 6 & \"Quotes\"",
        hit.get("title").asText(),
        "the plain title stays plain");
    assertEquals(
        "Patient Portals: 5 &lt; 6 &amp; &quot;<mark>Quotes</mark>&quot;",
        hit.at("/highlights/title").asText());
    assertSnippetContains(hit, "5 &lt; 6 &amp; &quot;<mark>quotes</mark>&quot;");
  }

  @ParameterizedTest(name = "q={0}")
  @ValueSource(
      strings = {
        "care",
        "patient monitoring",
        "\"remote patient monitoring\"",
        "tele*",
        "-care",
        "",
        "5 < 6",
        "<mark>",
        "&amp;",
        "chronic OR telehealth"
      })
  void every_snippet_and_title_highlight_is_escaped_html_whose_only_tags_are_marks(String q) {
    JsonNode json = server.search("q", q, "size", "100");

    json.get("hits")
        .forEach(
            hit -> {
              assertSafeHtml(hit.get("snippet").asText());
              assertSafeHtml(hit.at("/highlights/title").asText());
              assertEquals(
                  hit.get("title").asText(),
                  visibleText(hit.at("/highlights/title").asText()),
                  "the highlighted title reads as the title");
            });
  }

  @Test
  void browsing_hits_show_the_description_as_snippet() {
    JsonNode json = server.search("size", "100");

    json.get("hits")
        .forEach(
            hit -> {
              String snippet = hit.get("snippet").asText();
              assertFalse(snippet.contains("<mark>"), snippet);
              assertFalse(snippet.isBlank(), "every page gets a snippet: " + hit.get("id"));
              String description = hit.get("description").asText();
              if (!description.isEmpty()) assertEquals(description, visibleText(snippet));
            });
  }

  private static void assertSnippetContains(JsonNode hit, String html) {
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains(html), snippet);
  }

  private static void assertSafeHtml(String html) {
    String withoutMarks = html.replace("<mark>", "").replace("</mark>", "");
    assertFalse(
        withoutMarks.contains("<") || withoutMarks.contains(">"), () -> "a raw tag in " + html);
    int amp = withoutMarks.indexOf('&');
    while (amp >= 0) {
      assertTrue(
          ENTITY.matcher(withoutMarks).region(amp, withoutMarks.length()).lookingAt(),
          "a raw & in " + html);
      amp = withoutMarks.indexOf('&', amp + 1);
    }
  }

  private static JsonNode onlyHit(JsonNode json, String id) {
    assertEquals(1, json.get("total").asInt(), () -> "one hit expected: " + TestServer.ids(json));
    assertEquals(id, json.at("/hits/0/id").asText());
    return json.get("hits").get(0);
  }

  private static JsonNode hitWithId(JsonNode json, String id) {
    for (JsonNode hit : json.get("hits")) {
      if (hit.get("id").asText().equals(id)) return hit;
    }
    throw new AssertionError(id + " not among " + TestServer.ids(json));
  }
}
