package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.TestServer.Response;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Curation edited over HTTP as an editor's page does it: a pin, a hide or a synonym group shows in
 * the very next search, undo takes it back, edits survive a restart, an unreadable history does not
 * stop the server, and every wrong request gets a problem naming the field.
 */
class CurationHttpTest {
  private static final String AUTH = "Authorization";
  private static final String BEARER = "Bearer " + TestServer.TOKEN;

  @TempDir Path workDir;

  static Response post(TestServer server, String path, String json) {
    return TestServer.send(
        server
            .request(path, AUTH, BEARER, "Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
  }

  static JsonNode change(TestServer server, String json) {
    Response r = post(server, "/api/admin/curation", json);
    assertEquals(200, r.status(), r::body);
    assertEquals("no-store", r.header("Cache-Control"));
    return r.json();
  }

  /**
   * The ids {@code q} finds, once the search is complete: a cold server on a busy machine may stop
   * its first searches at the time limit.
   */
  static List<String> ids(TestServer server, String q) {
    JsonNode[] last = new JsonNode[1];
    assertTrue(
        TestServer.eventually(
            Duration.ofSeconds(30),
            () -> !(last[0] = server.search("q", q)).path("partial").asBoolean()),
        "a complete search");
    return TestServer.ids(last[0]);
  }

  static JsonNode admin(TestServer server, String path) {
    Response r = server.get(path, AUTH, BEARER);
    assertEquals(200, r.status(), r::body);
    return r.json();
  }

  @Test
  void a_pin_and_a_hide_show_in_the_next_search_with_their_source() throws IOException {
    try (var server = TestServer.start(workDir)) {
      List<String> before = ids(server, "telehealth");
      assertTrue(before.size() > 1, before::toString);
      String last = before.getLast();
      String first = before.getFirst();

      JsonNode made =
          change(
              server,
              """
              {"editor": "Ana", "action": "add", "kind": "pin", "query": "Telehealth",
               "ids": ["%s"], "expectedVersion": 0}"""
                  .formatted(last));
      assertEquals(1, made.path("change").path("version").asInt());
      assertEquals("Ana", made.path("change").path("editor").asText());
      assertFalse(made.path("change").path("at").asText().isEmpty());
      assertEquals(last, ids(server, "telehealth").getFirst());

      change(
          server,
          """
          {"editor": "Ana", "action": "add", "kind": "hide", "query": "telehealth",
           "ids": ["%s"], "expectedVersion": 1}"""
              .formatted(first));
      assertFalse(ids(server, "telehealth").contains(first));

      JsonNode rules = admin(server, "/api/admin/curation?q=TELEHEALTH!");
      assertEquals(2, rules.path("version").asInt());
      assertEquals("telehealth", rules.path("key").asText());
      JsonNode pinned = rules.path("pins").get(0).path("ids").get(0);
      assertEquals(last, pinned.path("id").asText());
      assertEquals("edit", pinned.path("source").asText());
      assertEquals(1, pinned.path("version").asInt());
      assertEquals(first, rules.path("hides").get(0).path("ids").get(0).path("id").asText());
      assertTrue(rules.path("synonyms").size() > 0, "the config's synonyms are listed");
      assertEquals("config", rules.path("synonyms").get(0).path("source").asText());
    }
  }

  @Test
  void a_synonym_group_finds_pages_by_the_other_word_at_once_and_undo_takes_it_back()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      assertEquals(0, ids(server, "gizmo").size());

      change(
          server,
          """
          {"editor": "Bo", "action": "add", "kind": "synonym", "words": ["gizmo", "dashboards"]}""");
      assertTrue(ids(server, "gizmo").size() > 0);

      Response undo =
          post(server, "/api/admin/curation/undo", "{\"version\": 1, \"editor\": \"Bo\"}");
      assertEquals(200, undo.status(), undo::body);
      assertEquals(1, undo.json().path("change").path("undoes").asInt());
      assertEquals(0, ids(server, "gizmo").size());

      JsonNode history = admin(server, "/api/admin/curation/history");
      assertEquals(2, history.path("version").asInt());
      assertEquals("undo", history.path("changes").get(0).path("action").asText());
      assertEquals(1, history.path("changes").get(1).path("version").asInt());
      assertTrue(history.path("changes").get(1).path("undone").asBoolean());
      assertEquals(1, admin(server, "/api/admin/curation/history?limit=1").path("changes").size());
      assertEquals(
          1,
          admin(server, "/api/admin/curation/history?before=2")
              .path("changes")
              .get(0)
              .path("version")
              .asInt());
    }
  }

  @Test
  void a_change_made_against_an_older_version_is_a_409() throws IOException {
    try (var server = TestServer.start(workDir)) {
      change(
          server,
          """
          {"editor": "Ana", "action": "add", "kind": "pin", "query": "ccm", "ids": ["4010"],
           "expectedVersion": 0}""");

      Response late =
          post(
              server,
              "/api/admin/curation",
              """
              {"editor": "Bo", "action": "add", "kind": "hide", "query": "ccm", "ids": ["4001"],
               "expectedVersion": 0}""");

      TestServer.assertProblem(late, 409, null);
      assertEquals(1, admin(server, "/api/admin/curation").path("version").asInt());
      TestServer.assertProblem(
          post(
              server,
              "/api/admin/curation/undo",
              "{\"version\": 1, \"editor\": \"Bo\", \"expectedVersion\": 0}"),
          409,
          null);
    }
  }

  @Test
  void edits_survive_a_restart() throws IOException {
    try (var server = TestServer.start(workDir)) {
      change(
          server,
          """
          {"editor": "Ana", "action": "add", "kind": "pin", "query": "telehealth", "ids": ["4004"]}""");
    }
    assertTrue(Files.exists(workDir.resolve("index.curation.json")), "stored beside the index");
    try (var server = TestServer.start(workDir)) {
      assertEquals("4004", ids(server, "telehealth").getFirst());
      assertEquals(1, admin(server, "/api/admin/curation/history").path("changes").size());
    }
  }

  @Test
  void an_unreadable_history_is_kept_aside_and_the_server_starts_on_the_config()
      throws IOException {
    Path file = workDir.resolve("index.curation.json");
    Files.writeString(file, "{\"format\": 1, \"changes\": [{\"version\": 1, \"edi");
    try (var server = TestServer.start(workDir)) {
      assertFalse(ids(server, "telehealth").isEmpty());
      JsonNode rules = admin(server, "/api/admin/curation");
      assertEquals(0, rules.path("version").asInt());
      String problem = rules.path("problem").asText();
      assertTrue(problem.contains("kept aside as index.curation.json.unreadable-"), problem);
      assertFalse(problem.contains(workDir.toString()), problem);
      try (Stream<Path> files = Files.list(workDir)) {
        assertEquals(
            1,
            files.filter(f -> f.getFileName().toString().contains(".unreadable-")).count(),
            "the unreadable file is kept");
      }
      change(
          server,
          """
          {"editor": "Ana", "action": "add", "kind": "pin", "query": "telehealth", "ids": ["4004"]}""");
      assertEquals("4004", ids(server, "telehealth").getFirst());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no editor | {'action':'add','kind':'pin','query':'ccm','ids':['4010']} | editor",
        "blank editor | {'editor':'  ','action':'add','kind':'pin','query':'ccm','ids':['4010']} | editor",
        "editor not text | {'editor':5,'action':'add','kind':'pin','query':'ccm','ids':['4010']} | editor",
        "no action | {'editor':'a','kind':'pin','query':'ccm','ids':['4010']} | action",
        "undo as action | {'editor':'a','action':'undo','kind':'pin','query':'ccm','ids':['4010']} | action",
        "bad kind | {'editor':'a','action':'add','kind':'boost','query':'ccm','ids':['4010']} | kind",
        "no query | {'editor':'a','action':'add','kind':'pin','ids':['4010']} | query",
        "query of no words | {'editor':'a','action':'add','kind':'hide','query':'?!','ids':['4010']} | query",
        "ids not a list | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':'4010'} | ids",
        "ids of numbers | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':[4010]} | ids",
        "unknown id | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':['4010','nope']} | ids",
        "no ids | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':[]} | ids",
        "id not pinned | {'editor':'a','action':'remove','kind':'pin','query':'ccm','ids':['4010']} | ids",
        "position zero | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':['4010'],'position':0} | position",
        "position of a hide | {'editor':'a','action':'add','kind':'hide','query':'ccm','ids':['4010'],'position':1} | position",
        "one word | {'editor':'a','action':'add','kind':'synonym','words':['ccm']} | words",
        "words with syntax | {'editor':'a','action':'add','kind':'synonym','words':['a => b','c']} | words",
        "config group | {'editor':'a','action':'remove','kind':'synonym','words':['ccm','chronic care management']} | words",
        "unknown field | {'editor':'a','action':'add','kind':'pin','query':'ccm','id':['4010']} | id",
        "bad expectedVersion | {'editor':'a','action':'add','kind':'pin','query':'ccm','ids':['4010'],'expectedVersion':-1} | expectedVersion",
      })
  void a_wrong_change_is_a_400_naming_the_field(String what, String body, String field)
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response r = post(server, "/api/admin/curation", body.replace('\'', '"'));
      TestServer.assertProblem(r, 400, field);
      assertEquals(0, admin(server, "/api/admin/curation").path("version").asInt(), what);
    }
  }

  @Test
  void an_editor_name_is_counted_in_characters_and_may_not_hide_direction_controls()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      String pin =
          """
          {"editor": "%s", "action": "add", "kind": "pin", "query": "ccm", "ids": ["4010"]}""";
      for (String hidden :
          List.of("\\u202e", "\\u202a", "\\u2066", "\\u2069", "\\u200b", "\\u0007")) {
        Response r = post(server, "/api/admin/curation", pin.formatted("Ana" + hidden + "exe.gnp"));
        TestServer.assertProblem(r, 400, "editor");
        String code = "U+" + hidden.substring(2).toUpperCase(Locale.ROOT);
        assertTrue(r.json().path("detail").asText().contains(code), r::body);
      }
      Response undo =
          post(server, "/api/admin/curation/undo", "{\"version\": 1, \"editor\": \"\\u202eA\"}");
      TestServer.assertProblem(undo, 400, "editor");
      assertEquals(0, admin(server, "/api/admin/curation").path("version").asInt(), "no change");

      String smiles = "\uD83D\uDE00".repeat(100); // 200 UTF-16 units
      TestServer.assertProblem(
          post(server, "/api/admin/curation", pin.formatted(smiles + "\uD83D\uDE00")),
          400,
          "editor");
      assertEquals(smiles, change(server, pin.formatted(smiles)).at("/change/editor").asText());
      String coder = "Zo\u00eb \uD83D\uDC69\u200D\uD83D\uDCBB"; // a joined emoji keeps its joiner
      String edited = pin.formatted(coder).replace("ccm", "telehealth");
      assertEquals(coder, change(server, edited).at("/change/editor").asText());
    }
  }

  @Test
  void wrong_bodies_tokens_and_undos_get_problems() throws IOException {
    try (var server = TestServer.start(workDir)) {
      TestServer.assertProblem(post(server, "/api/admin/curation", "not json"), 400, null);
      TestServer.assertProblem(post(server, "/api/admin/curation", "[1]"), 400, null);
      TestServer.assertProblem(post(server, "/api/admin/curation", ""), 400, null);
      String pin =
          "{\"editor\":\"Ana\",\"action\":\"add\",\"kind\":\"pin\",\"query\":\"ccm\",\"ids\":[\"4010\"]}";
      TestServer.assertProblem(post(server, "/api/admin/curation", pin + "garbage"), 400, null);
      TestServer.assertProblem(post(server, "/api/admin/curation", pin + "{}"), 400, null);
      TestServer.assertProblem(
          post(server, "/api/admin/curation/undo", "{\"version\":1,\"editor\":\"a\"}]"), 400, null);
      assertEquals(0, admin(server, "/api/admin/curation").path("version").asInt(), "no change");
      // Written whole before the answer is read: the server refuses a declared oversized body
      // without reading it, and a client still writing then may lose the answer to a broken pipe.
      String huge = "{\"editor\": \"" + "x".repeat(70_000) + "\"}";
      var refused =
          server.raw(
              "POST /api/admin/curation HTTP/1.1\r\nHost: x\r\n"
                  + AUTH
                  + ": "
                  + BEARER
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + huge.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + huge);
      assertEquals(413, refused.status(), refused::text);
      assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
      TestServer.assertProblem(
          post(server, "/api/admin/curation/undo", "{\"editor\": \"a\"}"), 400, "version");
      TestServer.assertProblem(
          post(server, "/api/admin/curation/undo", "{\"version\": 9, \"editor\": \"a\"}"),
          400,
          "version");
      TestServer.assertProblem(
          post(server, "/api/admin/curation/undo", "{\"version\": 1}"), 400, "editor");
      TestServer.assertProblem(
          server.get("/api/admin/curation/history?limit=0", AUTH, BEARER), 400, "limit");
      TestServer.assertProblem(
          server.get("/api/admin/curation?q=" + "a".repeat(1001), AUTH, BEARER), 400, "q");
      TestServer.assertProblem(server.get("/api/admin/curation"), 401, null);
      TestServer.assertProblem(server.get("/api/admin/curation", AUTH, "Bearer wrong"), 401, null);
      TestServer.assertProblem(
          TestServer.send(
              server
                  .request("/api/admin/curation", "Content-Type", "application/json")
                  .POST(BodyPublishers.ofString("{}"))),
          401,
          null);
    }
  }

  @Test
  void the_page_is_served_under_the_page_policy_with_versioned_files_and_no_data()
      throws IOException {
    try (var server = TestServer.start(workDir)) {
      Response page = server.get("/admin/curation?q=ccm");
      assertEquals(200, page.status());
      assertTrue(page.contentType().startsWith("text/html"), page.contentType());
      assertEquals(UiRoutes.PAGE_CSP, page.header("Content-Security-Policy"));
      assertTrue(
          page.body().matches("(?s).*src=\"\\.\\./curation\\.js\\?v=[\\w-]+\".*"), page.body());
      assertFalse(page.body().contains("4010"), "the page holds no curation data");
      String script =
          page.body().replaceAll("(?s).*src=\"\\.\\./(curation\\.js\\?v=[\\w-]+)\".*", "$1");
      assertEquals(200, server.get("/" + script).status());

      Response slash = server.get("/admin/curation/?q=ccm");
      assertEquals(308, slash.status());
      assertEquals("../curation?q=ccm", slash.header("Location"));
    }
  }

  @Test
  void without_an_admin_token_curation_editing_is_off() throws IOException {
    try (var server = TestServer.startWithoutAdminToken(workDir)) {
      TestServer.assertProblem(server.get("/api/admin/curation", AUTH, BEARER), 404, null);
      TestServer.assertProblem(post(server, "/api/admin/curation", "{}"), 404, null);
    }
  }
}
