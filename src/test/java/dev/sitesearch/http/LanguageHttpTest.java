package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.testing.ContentFiles;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lang} over HTTP: the fixture site made a Hugo site in English and French (a {@code
 * hugo.toml} above its content, French pages beside English ones), and the same fixture without
 * one.
 */
class LanguageHttpTest {
  @TempDir Path tmp;

  private TestServer bilingual() throws Exception {
    return TestServer.startWith(
        tmp,
        content -> {
          ContentFiles.write(
              content.getParent(),
              "hugo.toml",
              """
              defaultContentLanguage = 'en'
              [languages.en]
                weight = 1
              [languages.fr]
                weight = 2
              """);
          ContentFiles.page(
              content,
              "soins-a-distance.fr.md",
              "title: \"Les soins à distance\"",
              "La télésanté rapproche les médecins des patients éloignés.");
        });
  }

  private static Set<String> langs(JsonNode response) {
    var langs = new TreeSet<String>();
    response.get("hits").forEach(hit -> langs.add(hit.get("lang").asText()));
    return langs;
  }

  @Test
  void lang_narrows_to_one_language_any_case_or_region_and_no_lang_searches_all() throws Exception {
    try (var server = bilingual()) {
      assertEquals(Set.of("en", "fr"), langs(server.search("q", "telehealth télésanté")));
      JsonNode french = server.search("q", "telehealth télésanté", "lang", "fr");
      assertEquals(Set.of("fr"), langs(french));
      assertEquals("Les soins à distance", french.get("hits").get(0).get("title").asText());
      assertEquals(Set.of("fr"), langs(server.search("q", "médecin", "lang", "FR-ca")));
      assertEquals(Set.of("en"), langs(server.search("q", "telehealth", "lang", "en-US")));
      assertEquals(
          Set.of("en", "fr"),
          langs(server.search("q", "telehealth télésanté", "lang", "")),
          "an empty lang is every language");
    }
  }

  @Test
  void a_language_the_site_lacks_or_no_language_code_is_a_400_naming_lang() throws Exception {
    try (var server = bilingual()) {
      var unknown = server.get("/api/search?q=care&lang=de");
      TestServer.assertProblem(unknown, 400, "lang");
      assertTrue(unknown.body().contains("en, fr"), unknown.body());
      TestServer.assertProblem(server.get("/api/search?q=care&lang=%3Cscript%3E"), 400, "lang");
      TestServer.assertProblem(server.get("/api/facets/tags?q=care&lang=de"), 400, "lang");
    }
  }

  @Test
  void a_site_without_languages_ignores_a_well_formed_lang_as_a_page_sends_it() throws Exception {
    try (var server = TestServer.start(tmp)) {
      JsonNode all = server.search("q", "telehealth");
      JsonNode english = server.search("q", "telehealth", "lang", "en");
      assertEquals(TestServer.ids(all), TestServer.ids(english));
      TestServer.assertProblem(server.get("/api/search?q=care&lang=e%20n"), 400, "lang");
    }
  }

  private static Set<String> suggested(TestServer server, String query) {
    var titles = new TreeSet<String>();
    server
        .get("/api/suggest?" + query)
        .json()
        .get("suggestions")
        .forEach(s -> titles.add(s.get("text").asText().replaceAll("</?mark>", "")));
    return titles;
  }

  @Test
  void suggestions_narrow_to_the_language_asked_as_searches_do() throws Exception {
    try (var server = bilingual()) {
      assertTrue(
          suggested(server, "q=soins").contains("Les soins à distance"), "no lang: every language");
      assertEquals(Set.of("Les soins à distance"), suggested(server, "q=soins&lang=fr-FR"));
      assertEquals(Set.of(), suggested(server, "q=soins&lang=en"), "no English title has it");
      assertTrue(
          suggested(server, "q=tele&lang=EN").stream().allMatch(t -> !t.startsWith("Les ")),
          "English titles only");
      TestServer.assertProblem(server.get("/api/suggest?q=soins&lang=de"), 400, "lang");
      TestServer.assertProblem(server.get("/api/suggest?q=soins&lang=%3Cb%3E"), 400, "lang");
    }
  }
}
