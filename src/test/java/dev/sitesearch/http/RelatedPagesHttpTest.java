package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/documents/{id}/related} and {@code GET /api/related?url=}: the pages like one
 * page, as a site's "related" box asks for them over HTTP.
 */
class RelatedPagesHttpTest extends FixtureServerTest {
  /** "New Telehealth Rules for Rural Clinics": telehealth, remote monitoring, news. */
  private static final String PAGE = "4001";

  /**
   * A cold JVM on a busy machine may spend the first searches' time limit loading classes: those
   * answer partial lists. The tests check what a warm server answers.
   */
  @BeforeAll
  void warmUp() {
    for (int i = 0; i < 10; i++) {
      if (!server.getJson("/api/documents/" + PAGE + "/related").get("partial").asBoolean()) return;
    }
  }

  @Test
  void a_pages_related_pages_are_pages_like_it_shaped_as_search_hits_without_snippets() {
    Response r = server.get("/api/documents/" + PAGE + "/related");

    assertEquals(200, r.status(), r::body);
    JsonNode answer = r.json();
    assertEquals(PAGE, answer.get("id").asText());
    assertEquals(
        server.getJson("/api/documents/" + PAGE).get("url").asText(), answer.get("url").asText());
    List<String> ids = TestServer.ids(answer);
    assertEquals(5, ids.size(), "five by default: " + ids);
    assertFalse(ids.contains(PAGE), "never the page itself: " + ids);
    assertEquals(ids.size(), ids.stream().distinct().count(), ids::toString);
    JsonNode first = answer.at("/hits/0");
    for (String field : List.of("id", "title", "url", "description", "date", "section", "fields")) {
      assertTrue(first.has(field), field + " in " + first);
    }
    assertTrue(first.get("snippet").isNull(), "no snippet: " + first);
    // The best related page is in the page's Telehealth topic too.
    assertTrue(
        first.at("/fields/communityTopics").toString().contains("Medigy: Telehealth"),
        first::toString);
    assertEquals("public, max-age=60", r.header("Cache-Control"));
  }

  @Test
  void never_a_draft_even_when_it_shares_the_pages_topic_and_words() {
    // 4999 is a draft about telehealth pricing, in the Telehealth topic like the page.
    List<String> ids =
        TestServer.ids(server.getJson("/api/documents/" + PAGE + "/related?size=20"));
    assertFalse(ids.contains("4999"), ids::toString);
    assertTrue(ids.size() > 5, "more with a larger size: " + ids);
  }

  @Test
  void the_page_may_be_named_by_its_address_as_a_hugo_template_or_a_browser_knows_it() {
    String url = server.getJson("/api/documents/" + PAGE).get("url").asText();
    JsonNode byId = server.getJson("/api/documents/" + PAGE + "/related");
    for (String form :
        List.of(
            url,
            url + "index.html",
            url.substring(0, url.length() - 1),
            "https://www.example.org" + url + "?utm=x")) {
      JsonNode byUrl = server.getJson("/api/related?" + TestHttp.query("url", form));
      assertEquals(PAGE, byUrl.get("id").asText(), form);
      assertEquals(TestServer.ids(byId), TestServer.ids(byUrl), form);
    }
    // An alias leads to its page as well.
    JsonNode doc = server.getJson("/api/documents/3118");
    String alias = doc.at("/aliases/0").asText();
    assertEquals(
        "3118", server.getJson("/api/related?" + TestHttp.query("url", alias)).get("id").asText());
    assertEquals(
        TestServer.ids(byId),
        TestServer.ids(server.getJson("/api/related?" + TestHttp.query("id", PAGE))));
  }

  @Test
  void an_id_with_slashes_works_in_the_path() {
    // A page without an id in its front matter is known by its path in the content folder.
    String id = "news/hospital-at-home-expands.md";
    JsonNode answer = server.getJson("/api/documents/" + id + "/related?size=3");
    assertEquals(id, answer.get("id").asText());
    assertEquals(3, answer.get("hits").size());
  }

  @Test
  void a_page_whose_own_id_ends_in_related_is_still_served_as_a_document(@TempDir Path tmp)
      throws IOException {
    try (var other =
        TestServer.startWith(
            tmp,
            content ->
                ContentFiles.page(
                    content,
                    "notes/x.md",
                    "id: notes/related\ntitle: Notes on related telehealth work\n",
                    "Telehealth notes.\n"))) {
      JsonNode doc = other.getJson("/api/documents/notes/related");
      assertEquals("notes/related", doc.get("id").asText());
      assertTrue(doc.has("body"), "the document itself: " + doc);
      JsonNode related = other.getJson("/api/related?" + TestHttp.query("id", "notes/related"));
      assertEquals("notes/related", related.get("id").asText());
      TestServer.assertProblem(other.get("/api/documents/nothing/related"), 404, null);
    }
  }

  @Test
  void facet_filters_and_size_narrow_the_list_as_in_a_search() {
    JsonNode news =
        server.getJson("/api/documents/" + PAGE + "/related?f.searchCategory=Article&size=20");
    assertTrue(news.get("hits").size() > 0, news::toString);
    news.get("hits")
        .forEach(
            hit ->
                assertEquals(
                    "Article", hit.at("/fields/searchCategory/0").asText(), hit::toString));
    JsonNode two = server.getJson("/api/documents/" + PAGE + "/related?size=2");
    assertEquals(
        TestServer.ids(server.getJson("/api/documents/" + PAGE + "/related")).subList(0, 2),
        TestServer.ids(two));
  }

  @Test
  void head_answers_as_get_does_without_a_body() {
    Response r = server.head("/api/documents/" + PAGE + "/related");
    assertEquals(200, r.status());
    assertEquals("", r.body());
  }

  @ParameterizedTest
  @CsvSource({
    "/api/documents/4001/related?size=0, size",
    "/api/documents/4001/related?size=21, size",
    "/api/documents/4001/related?size=five, size",
    "/api/documents/4001/related?f.nope=x, f.nope",
    "/api/documents/4001/related?f.=x, f.",
    "/api/documents/4001/related?from=yesterday, from",
    "/api/documents/4001/related?from=2024-02-01&to=2024-01-01, from",
    "/api/related, url",
    "/api/related?url=, url",
    "/api/related?url=/a/&id=4001, url",
  })
  void bad_parameters_are_a_400_problem_naming_them(String path, String parameter) {
    TestServer.assertProblem(server.get(path), 400, parameter);
  }

  @Test
  void an_overlong_url_or_id_is_a_400_problem() {
    String longUrl = "/" + "a".repeat(3000) + "/";
    TestServer.assertProblem(server.get("/api/related?url=" + longUrl), 400, "url");
    TestServer.assertProblem(server.get("/api/related?id=" + "9".repeat(3000)), 400, "id");
  }

  @Test
  void an_unknown_page_or_a_draft_is_a_404_problem() {
    TestServer.assertProblem(server.get("/api/documents/no-such-page/related"), 404, null);
    TestServer.assertProblem(server.get("/api/documents/4999/related"), 404, null);
    TestServer.assertProblem(
        server.get("/api/related?" + TestHttp.query("url", "/no/such/page/")), 404, null);
  }
}
