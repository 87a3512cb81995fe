package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.testing.ContentFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Heading results over HTTP: the fixture site made a Hugo site whose config asks for ASCII heading
 * ids ({@code github-ascii}), with a manual of many sections. A hit lists its best sections
 * (heading, parents, anchor, link with a text fragment, passage), {@code snippets=N} its best
 * passages under their headings, and a query that is a heading ranks that page first and links the
 * section.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionsHttpTest {
  TestServer server;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    server =
        TestServer.startWith(
            tmp,
            content -> {
              ContentFiles.write(
                  content.getParent(),
                  "hugo.toml",
                  """
                  baseURL = 'https://www.example.org/'
                  [markup.goldmark.parser]
                    autoHeadingIDType = 'github-ascii'
                  """);
              ContentFiles.page(
                  content,
                  "guides/kiosk-manual.md",
                  "title: \"Kiosk manual\"",
                  """
                  The kiosk is a self-service terminal for clinic waiting rooms.

                  # Setting up

                  Unpack the kiosk and mount it near the entrance.

                  ## Réseau et Wi-Fi

                  Join the clinic network; the kiosk needs outbound HTTPS only.

                  ### Proxy servers

                  Behind a proxy, enter the proxy address in the kiosk admin screen.

                  ## Printer pairing

                  Pair the receipt printer over USB.

                  # Cleaning the touchscreen

                  Wipe the touchscreen daily with a dry cloth; never spray the kiosk.

                  # Troubleshooting

                  A frozen kiosk restarts when you hold the power key for ten seconds.
                  """);
              ContentFiles.page(
                  content,
                  "news/touchscreen-hygiene.md",
                  "title: \"Hygiene in waiting rooms\"",
                  "Cleaning touchscreen kiosks: cleaning the touchscreen often, cleaning the"
                      + " touchscreen well and cleaning the touchscreen with care keep the"
                      + " touchscreen safe.");
            });
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  private JsonNode hit(JsonNode response, String id) {
    for (JsonNode hit : response.get("hits")) if (hit.get("id").asText().equals(id)) return hit;
    throw new AssertionError(id + " not among " + TestServer.ids(response));
  }

  @Test
  void a_hit_lists_its_best_sections_linked_to_their_anchors_with_the_words_marked() {
    JsonNode hit = hit(server.search("q", "proxy address"), "guides/kiosk-manual.md");
    JsonNode first = hit.get("sections").get(0);
    assertEquals("<mark>Proxy</mark> servers", first.get("heading").asText());
    assertEquals("[\"Setting up\",\"Réseau et Wi-Fi\"]", first.get("parents").toString());
    assertEquals("proxy-servers", first.get("anchor").asText());
    String url = hit.get("url").asText() + "#proxy-servers";
    assertEquals(url, first.get("url").asText());
    assertEquals(url + ":~:text=proxy%20address%20in%20the%20kiosk", first.get("link").asText());
    assertTrue(
        first.get("snippet").asText().contains("<mark>proxy</mark> <mark>address</mark>"),
        first.toString());
    assertEquals(0, hit.get("passages").size(), "one snippet asked: no passage list");
  }

  @Test
  void anchors_follow_the_sites_heading_id_setting() {
    JsonNode hit = hit(server.search("q", "outbound https"), "guides/kiosk-manual.md");
    assertEquals("reseau-et-wi-fi", hit.get("sections").get(0).get("anchor").asText());
  }

  @Test
  void a_query_that_is_a_heading_ranks_its_page_first_and_links_the_section() {
    JsonNode response = server.search("q", "Cleaning the touchscreen");
    assertEquals("guides/kiosk-manual.md", TestServer.ids(response).get(0));
    JsonNode first = response.get("hits").get(0).get("sections").get(0);
    assertEquals("cleaning-the-touchscreen", first.get("anchor").asText());
    assertTrue(
        TestServer.ids(server.search("q", "cleaning touchscreen kiosks"))
                .indexOf("news/touchscreen-hygiene.md")
            == 0,
        "not a heading: the page with the words most often wins");
  }

  @Test
  void snippets_lists_the_best_passages_in_page_order_under_their_nearest_headings() {
    JsonNode hit = hit(server.search("q", "kiosk", "snippets", "3"), "guides/kiosk-manual.md");
    JsonNode passages = hit.get("passages");
    assertEquals(3, passages.size(), passages.toString());
    int last = -1;
    String body =
        server
            .getJson("/api/documents/guides/kiosk-manual.md")
            .get("body")
            .asText()
            .toLowerCase(java.util.Locale.ROOT);
    for (JsonNode p : passages) {
      assertTrue(p.get("snippet").asText().contains("<mark>kiosk</mark>"), p.toString());
      String words =
          java.net.URLDecoder.decode(
              p.get("link").asText().replaceFirst(".*:~:text=", ""),
              java.nio.charset.StandardCharsets.UTF_8);
      int at = body.indexOf(words.toLowerCase(java.util.Locale.ROOT));
      assertTrue(at > last, "in page order, each link's words on the page: " + passages);
      last = at;
    }
    assertTrue(hit.get("snippet").asText().contains("<mark>kiosk</mark>"), "snippet kept");
  }

  @ParameterizedTest(name = "snippets={0}")
  @ValueSource(strings = {"0", "6", "-1", "two", "2.5", "99999999999"})
  void a_bad_snippets_value_is_a_problem_naming_it(String value) {
    TestServer.assertProblem(server.get("/api/search?q=kiosk&snippets=" + value), 400, "snippets");
  }

  @Test
  void sections_sets_how_many_a_hit_lists_and_zero_none() {
    JsonNode one = hit(server.search("q", "kiosk", "sections", "1"), "guides/kiosk-manual.md");
    assertEquals(1, one.get("sections").size());
    JsonNode none = hit(server.search("q", "kiosk", "sections", "0"), "guides/kiosk-manual.md");
    assertEquals(0, none.get("sections").size());
    assertEquals(
        3, hit(server.search("q", "kiosk"), "guides/kiosk-manual.md").get("sections").size());
  }

  @ParameterizedTest(name = "sections={0}")
  @ValueSource(strings = {"4", "-1", "all", "1e3"})
  void a_bad_sections_value_is_a_problem_naming_it(String value) {
    TestServer.assertProblem(server.get("/api/search?q=kiosk&sections=" + value), 400, "sections");
  }
}
