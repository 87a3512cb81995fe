package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.http.TestServer.Answer;
import dev.sitesearch.http.TestServer.RawResponse;
import dev.sitesearch.http.TestServer.Response;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated requests, seeded (set {@code -Dfuzz.seed=N} to try others): random
 * Unicode, Lucene syntax, deep nesting, long OR chains, wildcards, regex and fuzzy syntax, very
 * long terms, repeated and unknown parameters, bad percent-encoding, oversized request lines and
 * headers. Whatever comes in, the server answers within a bound, never with a 5xx, every error is a
 * problem, and no answer shows a stack trace or a path of the machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFuzzHttpTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
  private static final int REQUESTS = 3000;

  /**
   * Generous: the whole class runs in seconds; a request near this bound means a query form that is
   * not capped.
   */
  private static final long MAX_MILLIS = 3000;

  private static final Set<Integer> ERROR_STATUSES = Set.of(400, 404, 405, 413, 414, 429, 431);
  private static final List<String> WORDS =
      List.of(
          "care",
          "chronic",
          "telehealth",
          "remote",
          "monitoring",
          "ccm",
          "rpm",
          "ehr",
          "broadband",
          "rural",
          "patients",
          "management",
          "interoperability",
          "connectathon",
          "medicare",
          "hospital",
          "the",
          "of",
          "and",
          "OR",
          "AND",
          "NOT",
          "to",
          "a",
          "telehelth",
          "interoperabilty");
  private static final List<String> SYNTAX =
      List.of(
          "*",
          "?",
          "~",
          "~2",
          "^",
          "^10",
          ":",
          "\\",
          "/",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "\"",
          "-",
          "+",
          "!",
          "&&",
          "||",
          " TO ",
          "*a*",
          "a*",
          "*:*",
          "title:",
          "body:",
          "field:x",
          "/re.*/",
          "/[a-z]+/",
          "a~2",
          "care~",
          "c?re",
          "[a TO z]",
          "{a TO *}",
          "\"care plan\"~3",
          "_id:1",
          "%",
          "%%",
          "\u0000",
          "\t",
          "\n",
          "'",
          ";",
          "<script>",
          "&amp;",
          "../",
          "..\\",
          "$(",
          "`",
          "NaN",
          "-1",
          "1e99");
  private static final List<String> FACETS = Seed.schema().facets();

  private TestServer server;
  private Path workDir;
  private final Random random = new Random(SEED);
  private final TreeMap<Integer, Integer> statuses = new TreeMap<>();

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    workDir = dir.toAbsolutePath();
    server = TestServer.start(dir);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  @Test
  void thousands_of_generated_requests_get_bounded_answers_and_never_a_server_error() {
    long slowest = 0;
    String slowestRequest = "";
    for (int i = 0; i < REQUESTS; i++) {
      String target =
          switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> "/api/search?" + searchParameters();
            case 5, 6 -> "/api/suggest?" + pairs("q", text(), "size", maybeNumber());
            case 7, 8 ->
                "/api/facets/"
                    + TestHttp.enc(random.nextInt(4) == 0 ? text() : pick(FACETS))
                    + "?"
                    + pairs(
                        "prefix",
                        random.nextBoolean() ? "" : text(),
                        "q",
                        text(),
                        "size",
                        maybeNumber());
            default ->
                "/api/documents/"
                    + TestHttp.enc(random.nextInt(3) == 0 ? pick(List.of("3118", "4004")) : text());
          };
      long start = System.nanoTime();
      Response r = server.get(target);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > slowest) {
        slowest = millis;
        slowestRequest = target;
      }
      check(target, r);
      assertTrue(millis <= MAX_MILLIS, "took " + millis + " ms: " + target);
    }
    System.out.printf(
        "fuzz seed %d: %d requests, statuses %s, slowest %d ms (%s)%n",
        SEED,
        REQUESTS,
        statuses,
        slowest,
        slowestRequest.length() > 120 ? slowestRequest.substring(0, 120) + "…" : slowestRequest);
    assertTrue(
        statuses.getOrDefault(200, 0) > REQUESTS / 3,
        () -> "most requests are answered: " + statuses);
    assertTrue(
        statuses.getOrDefault(400, 0) > 0 && statuses.getOrDefault(404, 0) > 0, statuses::toString);
  }

  @Test
  void expensive_query_forms_are_answered_at_once_not_refused() {
    String orChain =
        String.join(" OR ", java.util.Collections.nCopies(142, "ehr")); // synonyms ×6 each
    String words = String.join(" ", java.util.Collections.nCopies(300, "ccm"));
    String typos = String.join(" ", java.util.Collections.nCopies(90, "interoperabilty"));
    for (String query :
        List.of(
            orChain,
            words,
            "ehr ".repeat(249),
            "ehr OR emr OR hie ".repeat(55),
            typos,
            "(".repeat(500) + "care" + ")".repeat(496),
            "*a*",
            "a*",
            "ca*",
            "a~2",
            "/re.*/",
            "title:care",
            "x".repeat(1000),
            "é".repeat(1000),
            "中".repeat(1000),
            "a-".repeat(499),
            "\"" + "care plan ".repeat(99) + "\"",
            "-care ".repeat(166),
            "care* ".repeat(199))) {
      String q = query.substring(0, Math.min(query.length(), 1000)); // the longest q allowed
      long start = System.nanoTime();
      Response r = server.get("/api/search?q=" + TestHttp.enc(q));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(
          200,
          r.status(),
          () -> q.substring(0, Math.min(60, q.length())) + "… answered " + r.body());
      assertTrue(
          millis <= MAX_MILLIS,
          () -> q.substring(0, Math.min(60, q.length())) + "… took " + millis + " ms");
      assertEquals(200, server.get("/api/facets/tags?q=" + TestHttp.enc(q)).status());
      assertEquals(200, server.get("/api/suggest?q=" + TestHttp.enc(q)).status());
    }
  }

  @Test
  void raw_requests_with_bad_encoding_or_oversized_parts_are_problems_not_crashes() {
    var targets =
        new ArrayList<String>(
            List.of(
                "/api/search?q=%ZZ",
                "/api/search?q=%",
                "/api/search?q=%C3%28",
                "/api/search?q=%ED%A0%80",
                "/api/search?q=%00",
                "/api/search?%ZZ=1",
                "/api/search?q=a%2",
                "/api/%",
                "/api/documents/%ZZ",
                "/api/documents/%C0%AF",
                "/api/facets/%FF",
                "/api/suggest?q=%E2%82",
                "/api/search?q=" + "a".repeat(20_000),
                "/api/search?" + "q=care&".repeat(3000),
                "/" + "x/".repeat(10_000),
                "/api/search?q=care&q=chronic&size=1&size=2&page=1&page=1&unknown=1&f.tags=a&f.tags=b"));
    for (int i = 0; i < 200; i++) targets.add(randomRawTarget());
    for (String target : targets) {
      RawResponse r = server.rawGet(target);
      check(target, r);
    }
    for (String header :
        List.of(
            "X-Big: " + "y".repeat(40_000),
            "Cookie: " + "c=1; ".repeat(5000),
            "X-Bad\u0001: x",
            "X-Utf8: caf\u00e9",
            "Bad Header Name: x",
            "X-Empty:")) {
      RawResponse r = server.rawGet("/api/search?q=care", header);
      check(header.substring(0, Math.min(30, header.length())), r);
    }
    var many = new String[300];
    for (int i = 0; i < many.length; i++) many[i] = "X-H" + i + ": " + "v".repeat(100);
    RawResponse r = server.rawGet("/api/search?q=care", many);
    assertEquals(431, r.status(), r.text());
    check("many headers", r);
  }

  /**
   * Counts the answer's status and checks it: below 500, every error a problem, no leak, nosniff
   * and no Server header.
   */
  private void check(String request, Answer r) {
    int status = r.status();
    String contentType = r.header("Content-Type");
    String body = r.body();
    String nosniff = r.header("X-Content-Type-Options");
    String server = r.header("Server");
    statuses.merge(status, 1, Integer::sum);
    String what = request.length() > 200 ? request.substring(0, 200) + "…" : request;
    assertTrue(status >= 200 && status < 500, () -> status + " for " + what + ": " + body);
    if (status >= 300) {
      assertTrue(ERROR_STATUSES.contains(status), () -> status + " for " + what);
      assertTrue(
          contentType != null && contentType.startsWith("application/problem+json"),
          () -> contentType + " for " + what + ": " + body);
      if (!body.isEmpty() && body.startsWith("{")) {
        JsonNode problem = TestHttp.json(status, body);
        assertEquals(status, problem.path("status").asInt(), body);
      }
    }
    for (String leak :
        List.of(
            workDir.toString(),
            System.getProperty("user.dir"),
            "/tmp/",
            ".java:",
            "\tat ",
            "Exception",
            "org.eclipse",
            "jetty",
            "Jetty")) {
      assertFalse(
          body.contains(leak), () -> "'" + leak + "' in the answer to " + what + ": " + body);
    }
    assertEquals("nosniff", nosniff, what);
    assertNull(server, what);
  }

  private String searchParameters() {
    var parts = new ArrayList<String>();
    if (random.nextInt(10) > 0) parts.add(pairs("q", text()));
    int extra = random.nextInt(5);
    for (int i = 0; i < extra; i++) {
      parts.add(
          switch (random.nextInt(12)) {
            case 0 -> pairs("page", maybeNumber());
            case 1 -> pairs("size", maybeNumber());
            case 2 ->
                pairs(
                    "sort",
                    pick(List.of("relevance", "newest", "oldest", "title", "date", "", text())));
            case 3 ->
                pairs(
                    "from",
                    pick(
                        List.of(
                            "2020-01-01",
                            "2024-02-30",
                            "2024",
                            "x",
                            "2023-01-01T00:00:00Z",
                            "+999999999-01-01",
                            "-999999999-01-01")));
            case 4 ->
                pairs(
                    "to",
                    pick(
                        List.of(
                            "2025-12-31",
                            "1900-01-01",
                            "",
                            "99999-01-01",
                            "-999999999-01-01",
                            "+999999999-12-31")));
            case 5 ->
                pairs(
                    "facets",
                    random.nextBoolean() ? String.join(",", pick(FACETS), pick(FACETS)) : text());
            case 6 -> pairs("facetSize", maybeNumber());
            case 7 -> pairs("f." + (random.nextInt(4) == 0 ? text() : pick(FACETS)), text());
            case 8 -> pairs("q", text()); // repeated
            case 9 -> pairs(text(), text()); // unknown
            case 10 -> pairs("f.tags", "Telehealth", "f.tags", "CCM", "f.searchCategory", "News");
            default -> pairs("unknown", "1", "callback", "alert(1)");
          });
    }
    return String.join("&", parts);
  }

  private String text() {
    return switch (random.nextInt(9)) {
      case 0 -> randomUnicode(random.nextInt(40));
      case 1 -> phrase(1 + random.nextInt(8), true);
      case 2 -> "(".repeat(random.nextInt(400)) + pick(WORDS) + ")".repeat(random.nextInt(400));
      case 3 -> orChain();
      case 4 ->
          pick(List.of("*a*", "a*", "*", "**", "?", "c?re", "ca*", "*care", "te*h", "t*"))
              + " "
              + pick(WORDS);
      case 5 -> longTerm();
      case 6 -> phrase(1 + random.nextInt(4), false);
      case 7 -> "\"" + phrase(random.nextInt(30), false) + (random.nextBoolean() ? "\"" : "");
      default -> random.nextBoolean() ? "" : pick(WORDS);
    };
  }

  private String phrase(int n, boolean withSyntax) {
    var sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(random.nextInt(6) == 0 ? "" : " ");
      if (random.nextInt(4) == 0) sb.append('-');
      sb.append(withSyntax && random.nextBoolean() ? pick(SYNTAX) : pick(WORDS));
      if (withSyntax && random.nextInt(3) == 0) sb.append(pick(SYNTAX));
    }
    return sb.toString();
  }

  private String orChain() {
    int n = 10 + random.nextInt(400);
    var sb = new StringBuilder(pick(WORDS));
    for (int i = 1; i < n && sb.length() < 1100; i++)
      sb.append(random.nextInt(8) == 0 ? " or " : " OR ").append(pick(WORDS));
    return sb.toString();
  }

  private String longTerm() {
    int n = 100 + random.nextInt(1000);
    var sb = new StringBuilder();
    String alphabet =
        pick(List.of("abcdefghijklmnopqrstuvwxyz", "aeiou", "a", "éèàüß", "中文字", "-a"));
    while (sb.length() < n) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }

  private String randomUnicode(int n) {
    var sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp =
          switch (random.nextInt(6)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0x4E00 + random.nextInt(0x5000);
            case 3 -> 0x1F300 + random.nextInt(0x300);
            case 4 -> 0x0590 + random.nextInt(0x100); // right to left
            default -> random.nextInt(0x110000);
          };
      if (Character.isSurrogate((char) cp) && cp < 0x10000) cp = 'x';
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private String maybeNumber() {
    return pick(
        List.of(
            "1",
            "2",
            "10",
            "100",
            "101",
            "0",
            "-1",
            "",
            "abc",
            "1.5",
            "99999999999",
            "2147483647",
            "1e3",
            " 5 ",
            "\u0661"));
  }

  private String randomRawTarget() {
    String base =
        pick(
            List.of(
                "/api/search?q=",
                "/api/suggest?q=",
                "/api/documents/",
                "/api/facets/tags?prefix="));
    var sb = new StringBuilder(base);
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      sb.append(
          switch (random.nextInt(5)) {
            case 0 -> "%" + Integer.toHexString(random.nextInt(256));
            case 1 -> "%" + (char) ('G' + random.nextInt(20)) + (char) ('0' + random.nextInt(10));
            case 2 -> "%";
            case 3 -> pick(WORDS);
            default ->
                pick(List.of("+", "&", "=", "%25", "%2F", "..", "%2e%2e", "/", ";", "#", "%20"));
          });
    }
    return sb.toString();
  }

  private String pairs(String... keyValues) {
    return TestHttp.query(keyValues);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
