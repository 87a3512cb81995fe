package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.ServerLimits;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic trees over HTTP: {@code communityTopics} declared hierarchical with {@code ": "} on a small
 * site whose counts can be worked out by hand, and both counts of each value (alone, if added)
 * checked against the searches they predict.
 */
class TopicTreeHttpTest {
  static final String TOPICS = "communityTopics";
  @TempDir static Path workDir;
  static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    Path content = workDir.resolve("content");
    page(content, "p1", "News", "Medigy: Telehealth");
    page(content, "p2", "News", "Medigy: Patient Acquisition");
    page(content, "p3", "Article", "Medigy: Telehealth", "Medigy: Patient Acquisition");
    page(content, "p4", "News", "KLAS");
    page(content, "p5", "Article", "KLAS: Remote Patient Monitoring: Devices");
    page(content, "p6", "News", "Medigy");
    page(content, "p7", "News", "Diabetes");
    page(content, "p8", "Article");
    var d = Seed.FIELDS;
    var fields =
        new FieldSettings(
            d.text(),
            d.facets(),
            d.dates(),
            d.stored(),
            d.stemmer(),
            d.labels(),
            Map.of(TOPICS, ": "));
    server =
        TestAssembly.of(content, workDir.resolve("index"))
            .withConfig(
                Seed.config()
                    .withFields(fields)
                    // A loaded test machine must not cut the counts short: they are compared.
                    .withServer(
                        ServerSettings.ephemeral(List.of(), null)
                            .withLimits(
                                ServerLimits.defaults().withSearchTimeout(Duration.ofSeconds(30)))))
            .serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static void page(Path content, String id, String category, String... topics)
      throws Exception {
    var fm = new StringBuilder("title: Care page " + id + "\nid: '" + id + "'\n");
    fm.append("searchCategory: ").append(category).append('\n');
    fm.append("date: 2024-01-0").append(id.substring(1)).append('\n');
    if (topics.length > 0) {
      fm.append(TOPICS).append(":\n");
      for (String t : topics) fm.append("- '").append(t).append("'\n");
    }
    ContentFiles.page(content, "news/" + id + ".md", fm.toString().strip(), "Care for patients.");
  }

  static Response get(String pathAndQuery) {
    return TestServer.send(TestHttp.request("http://127.0.0.1:" + server.port() + pathAndQuery));
  }

  static JsonNode json(String pathAndQuery) {
    Response r = get(pathAndQuery);
    assertEquals(200, r.status(), () -> pathAndQuery + " answered " + r.body());
    return r.json();
  }

  static JsonNode search(String... keyValues) {
    JsonNode found = json("/api/search?" + TestHttp.query(keyValues));
    assertEquals(false, found.get("partial").asBoolean(), () -> "cut short: " + found);
    return found;
  }

  /** A tree as text: value=count/ifAdded, a star when selected, children in braces. */
  static String tree(JsonNode values) {
    var parts = new ArrayList<String>();
    for (JsonNode v : values) {
      String s =
          v.get("label").asText()
              + "="
              + v.get("count").asLong()
              + "/"
              + v.get("ifAdded").asLong()
              + (v.get("selected").asBoolean() ? "*" : "");
      if (!v.get("children").isEmpty()) s += " " + tree(v.get("children"));
      parts.add(s);
    }
    return "{" + String.join(", ", parts) + "}";
  }

  @Test
  void a_value_counts_under_its_parent_once_and_values_without_the_separator_are_top_level() {
    JsonNode found = search("q", "");

    assertEquals(8, found.get("total").asLong());
    assertEquals(
        "{Medigy=4/4 {Patient Acquisition=2/2, Telehealth=2/2},"
            + " KLAS=2/2 {Remote Patient Monitoring=1/1 {Devices=1/1}}, Diabetes=1/1}",
        tree(found.get("facets").get(TOPICS)),
        "p3 has two Medigy topics and counts once under Medigy; p6's plain Medigy counts there too");
    assertEquals(
        "Medigy: Patient Acquisition",
        found.get("facets").get(TOPICS).get(0).get("children").get(0).get("value").asText(),
        "a child's value is its whole path, the filter that selects it");
  }

  @Test
  void filtering_on_a_parent_finds_every_page_below_it() {
    assertEquals(
        List.of("p1", "p2", "p3", "p6"),
        TestServer.ids(search("f." + TOPICS, "Medigy")).stream().sorted().toList());
    assertEquals(
        List.of("p4", "p5"),
        TestServer.ids(
                search("f." + TOPICS, "KLAS: Remote Patient Monitoring", "f." + TOPICS, "KLAS"))
            .stream()
            .sorted()
            .toList());
  }

  @Test
  void a_selected_child_keeps_its_siblings_with_their_counts_and_what_adding_them_gives() {
    JsonNode found = search("f." + TOPICS, "Medigy: Telehealth");

    assertEquals(2, found.get("total").asLong(), "p1 and p3");
    assertEquals(
        "{Medigy=4/4 {Patient Acquisition=2/3, Telehealth=2/2*},"
            + " KLAS=2/4 {Remote Patient Monitoring=1/3 {Devices=1/3}}, Diabetes=1/3}",
        tree(found.get("facets").get(TOPICS)));
    assertEquals(
        "[Article=1/1, News=1/1]",
        flat(found.get("facets").get("searchCategory")),
        "another facet counts within the results");
  }

  @Test
  void a_selected_value_no_page_has_is_still_listed_under_its_parent() {
    JsonNode found = search("f." + TOPICS, "Medigy: Nutrition");

    assertEquals(0, found.get("total").asLong());
    assertEquals(
        "{Medigy=4/4 {Patient Acquisition=2/2, Telehealth=2/2, Nutrition=0/0*},"
            + " KLAS=2/2 {Remote Patient Monitoring=1/1 {Devices=1/1}}, Diabetes=1/1}",
        tree(found.get("facets").get(TOPICS)));
  }

  /**
   * The definitions, checked by searching: for every value listed, {@code count} is the results
   * with only it ticked in its facet, and {@code ifAdded} the results with it ticked as well.
   */
  @Test
  void each_values_counts_are_the_results_of_the_searches_they_predict() {
    List<List<String>> selections =
        List.of(
            List.of(),
            List.of("f." + TOPICS, "Medigy: Telehealth"),
            List.of("f." + TOPICS, "KLAS", "f.searchCategory", "News"),
            List.of("f." + TOPICS, "Medigy: Patient Acquisition", "f.searchCategory", "Article"),
            List.of("q", "care", "f.searchCategory", "News", "f.searchCategory", "Article"));
    int checked = 0;
    for (List<String> selection : selections) {
      JsonNode found = search(selection.toArray(String[]::new));
      for (var facet : List.of(TOPICS, "searchCategory")) {
        for (JsonNode v : all(found.get("facets").get(facet))) {
          String value = v.get("value").asText();
          var others = new ArrayList<String>();
          for (int i = 0; i < selection.size(); i += 2) {
            if (!selection.get(i).equals("f." + facet)) {
              others.add(selection.get(i));
              others.add(selection.get(i + 1));
            }
          }
          var alone = new ArrayList<>(others);
          alone.addAll(List.of("f." + facet, value));
          var added = new ArrayList<>(selection);
          added.addAll(List.of("f." + facet, value));
          String where = selection + " " + facet + "=" + value;
          assertEquals(
              search(alone.toArray(String[]::new)).get("total").asLong(),
              v.get("count").asLong(),
              "count of " + where);
          assertEquals(
              search(added.toArray(String[]::new)).get("total").asLong(),
              v.get("ifAdded").asLong(),
              "ifAdded of " + where);
          checked++;
        }
      }
    }
    assertTrue(checked > 40, "checked " + checked + " values");
  }

  static String values(String query) {
    JsonNode found = json("/api/facets/" + TOPICS + "?" + query);
    return found.get("total") + " " + found.get("offset") + " " + flat(found.get("values"));
  }

  @Test
  void the_value_finder_finds_misspelt_values_by_their_words() {
    assertEquals("1 0 [Medigy: Telehealth=2/2]", values("search=telehelth"));
    assertEquals(
        "3 0 [Medigy: Patient Acquisition=2/2, KLAS: Remote Patient Monitoring=1/1,"
            + " KLAS: Remote Patient Monitoring: Devices=1/1]",
        values("search=pateint"),
        "one swap away; each word of a path counts");
    assertEquals(
        "3 0 [Medigy=4/4, Medigy: Patient Acquisition=2/2, Medigy: Telehealth=2/2]",
        values("search=medgy"));
    assertEquals(
        "1 0 [Medigy: Telehealth=2/2]",
        values("search=medgy%20tel"),
        "every typed word must match (a word under 4 letters exactly)");
    assertEquals(
        "2 0 [KLAS: Remote Patient Monitoring=1/1]",
        values("search=monitoring%20pateint&size=1"),
        "the total counts every match, the page holds size of them");
    assertEquals("0 0 []", values("search=xyzzy"));
    assertEquals(
        "1 0 [KLAS: Remote Patient Monitoring: Devices=1/1]",
        values("search=pateint&prefix=dev"),
        "with a prefix too, a value must pass both");
  }

  @Test
  void the_value_finder_orders_by_name_and_pages_with_a_total() {
    assertEquals(
        "7 0 [Diabetes=1/1, KLAS=2/2, KLAS: Remote Patient Monitoring=1/1]",
        values("order=name&size=3"));
    assertEquals(
        "7 3 [KLAS: Remote Patient Monitoring: Devices=1/1, Medigy=4/4, Medigy: Patient Acquisition=2/2]",
        values("order=name&size=3&offset=3"));
    assertEquals("7 9 []", values("order=name&offset=9"), "past the end: an empty page");
    assertEquals(
        "7 0 [Medigy=4/4, KLAS=2/2, Medigy: Patient Acquisition=2/2, Medigy: Telehealth=2/2]",
        values("size=4"),
        "by count by default");
  }

  @Test
  void the_value_finder_gives_each_values_count_alone_and_if_added_under_the_filters() {
    JsonNode found =
        json(
            "/api/facets/"
                + TOPICS
                + "?"
                + TestHttp.query("f." + TOPICS, "Medigy: Telehealth", "search", "klas"));
    assertEquals(
        "[KLAS=2/4, KLAS: Remote Patient Monitoring=1/3, KLAS: Remote Patient Monitoring: Devices=1/3]",
        flat(found.get("values")));
    assertEquals("Devices", found.get("values").get(2).get("label").asText());
  }

  @Test
  void bad_value_finder_parameters_are_problems_naming_them() {
    String base = "/api/facets/" + TOPICS + "?";
    TestServer.assertProblem(get(base + "order=popularity"), 400, "order");
    TestServer.assertProblem(get(base + "offset=-1"), 400, "offset");
    TestServer.assertProblem(get(base + "offset=100001"), 400, "offset");
    TestServer.assertProblem(get(base + "offset=ten"), 400, "offset");
    TestServer.assertProblem(get(base + "size=0"), 400, "size");
    TestServer.assertProblem(get(base + "size=1001"), 400, "size");
    TestServer.assertProblem(get(base + "search=" + "a".repeat(201)), 400, "search");
    TestServer.assertProblem(get("/api/facets/topics?search=tele"), 400, "facet");
  }

  static List<JsonNode> all(JsonNode values) {
    var out = new ArrayList<JsonNode>();
    for (JsonNode v : values) {
      out.add(v);
      if (v.has("children")) out.addAll(all(v.get("children")));
    }
    return out;
  }

  static String flat(JsonNode values) {
    var parts = new ArrayList<String>();
    for (JsonNode v : values)
      parts.add(v.get("value").asText() + "=" + v.get("count") + "/" + v.get("ifAdded"));
    return parts.toString();
  }
}
