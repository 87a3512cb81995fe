package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.app.RunningServer;
import dev.sitesearch.config.ServerSettings;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The curation page as an editor uses it in Chromium: signs in, opens a query's results from the
 * analytics page's link ({@code /admin/curation?q=…}), pins a result and sees it first in the API
 * and on the search page at once, undoes it, pins again, and finds the pin still there after the
 * server restarts.
 */
class CurationPageBrowserTest {
  private static final String TOKEN = "s3cret";
  private static final String QUERY = "telehealth";

  @TempDir Path workDir;

  private RunningServer start() throws IOException {
    Path content = workDir.resolve("content");
    if (!content.toFile().exists()) ContentFiles.copyTree(fixture(), content);
    return TestAssembly.of(content, workDir.resolve("index"))
        .withConfig(Seed.config().withServer(ServerSettings.ephemeral(List.of(), TOKEN)))
        .serve(RunningServer.Options.DEFAULTS.on("127.0.0.1", 0));
  }

  private static Path fixture() {
    try {
      return Path.of(CurationPageBrowserTest.class.getResource("/fixture-content").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The search's hits over HTTP once it is complete (a cold server may stop its first ones). */
  private static JsonNode search(RunningServer server, String q) {
    for (int i = 0; ; i++) {
      HttpResponse<String> r =
          TestHttp.send(TestHttp.request(server.url() + "api/search?" + TestHttp.query("q", q)));
      JsonNode json = TestHttp.json(r.statusCode(), r.body());
      if (!json.path("partial").asBoolean() || i > 50) return json;
    }
  }

  private static String firstId(RunningServer server) {
    return ids(search(server, QUERY)).getFirst();
  }

  private void signIn(Browser browser, RunningServer server) {
    browser.driver.get(server.url() + "admin/curation?q=" + QUERY);
    browser.until("the sign-in form", d -> browser.find("#sign-in").isDisplayed());
    browser.find("#token").sendKeys(TOKEN);
    browser.find("#sign-in-editor").sendKeys("Ana Editor");
    browser.find("#sign-in button[type=submit]").click();
    browser.until("the results", d -> !browser.all("#results li").isEmpty());
  }

  /** The element's text, read in one step (the page re-renders its lists after each change). */
  private static String text(Browser browser, String css) {
    return String.valueOf(
        browser.js(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css));
  }

  @Test
  void an_editor_pins_a_result_sees_it_first_at_once_undoes_it_and_the_pin_survives_a_restart()
      throws IOException {
    String pinned;
    try (var server = start();
        var browser = Browser.start(workDir.resolve("profile"))) {
      JsonNode before = search(server, QUERY);
      assertTrue(before.path("hits").size() > 2, before::toString);
      signIn(browser, server);
      assertEquals(QUERY, browser.find("#q").getAttribute("value"), "the query from the link");

      List<WebElement> pins = browser.all("#results li button.pin");
      WebElement last = pins.getLast();
      pinned = last.getAttribute("data-id");
      assertNotEquals(pinned, firstId(server), "a page that is not first yet");
      last.click();
      browser.until(
          "the pin listed first",
          d ->
              browser.all("#pins li button").size() == 1
                  && pinned.equals(browser.find("#pins li button").getAttribute("data-id")));
      assertEquals(pinned, firstId(server), "first in the API at once");
      assertTrue(text(browser, "#history li").contains("Ana Editor"), text(browser, "#history li"));
      assertTrue(
          text(browser, "#history li").contains("added pin " + pinned),
          text(browser, "#history li"));
      assertTrue(
          text(browser, "#curated").contains(QUERY + " — 1 pinned"), text(browser, "#curated"));
      browser.screenshot("curation-pinned");

      String title = search(server, QUERY).path("hits").get(0).path("title").asText();
      browser.driver.get(server.url() + "?q=" + QUERY);
      browser.until("the search page's hits", d -> !browser.all("#hits .hit-title").isEmpty());
      assertEquals(title, text(browser, "#hits .hit-title"), "first on the search page");

      browser.driver.get(server.url() + "admin/curation?q=" + QUERY);
      browser.until("the history", d -> !browser.all("#history li button.undo").isEmpty());
      browser.find("#history li button.undo").click();
      browser.until(
          "the pin undone", d -> text(browser, "#history li").contains("undid version 1"));
      assertNotEquals(pinned, firstId(server), "the undo shows at once");

      browser.until("the results again", d -> !browser.all("#results li button.pin").isEmpty());
      browser.all("#results li button.pin").stream()
          .filter(b -> pinned.equals(b.getAttribute("data-id")))
          .findFirst()
          .orElseThrow()
          .click();
      browser.until("pinned again", d -> text(browser, "#history li").startsWith("v3"));
    }

    try (var server = start();
        var browser = Browser.start(workDir.resolve("profile2"))) {
      assertEquals(pinned, firstId(server), "the pin survives the restart");
      signIn(browser, server);
      browser.until("the pin listed", d -> !browser.all("#pins li button").isEmpty());
      assertEquals(pinned, browser.find("#pins li button").getAttribute("data-id"));
      assertEquals(3, browser.all("#history li").size(), "the history survives too");
    }
  }

  @Test
  void an_editor_hides_a_result_pins_a_page_by_id_and_adds_and_removes_a_synonym_group()
      throws IOException {
    try (var server = start();
        var browser = Browser.start(workDir.resolve("profile"))) {
      List<String> before = ids(search(server, QUERY));
      assertFalse(before.contains("4004"), "a page the query does not find");
      signIn(browser, server);

      String hidden = browser.find("#results li button.hide").getAttribute("data-id");
      browser.find("#results li button.hide").click();
      browser.until("the hide listed", d -> text(browser, "#hides").contains(hidden));
      assertFalse(ids(search(server, QUERY)).contains(hidden), "hidden at once");

      browser.find("#pin-id").sendKeys("no-such-page", Keys.ENTER);
      browser.until("the refusal shown", d -> text(browser, "#message").contains("no-such-page"));
      browser.find("#pin-id").clear();
      browser.find("#pin-id").sendKeys("4004", Keys.ENTER);
      browser.until("the pin listed", d -> text(browser, "#pins").contains("4004"));
      assertEquals("", text(browser, "#message"));
      assertEquals("4004", ids(search(server, QUERY)).getFirst(), "pinned by id, first at once");

      assertTrue(ids(search(server, "gizmo")).isEmpty());
      browser.find("#synonym-words").sendKeys("gizmo, " + QUERY, Keys.ENTER);
      browser.until("the group listed", d -> text(browser, "#synonyms").contains("gizmo"));
      assertFalse(ids(search(server, "gizmo")).isEmpty(), "the synonym finds pages at once");
      browser.screenshot("curation-synonyms");

      browser.find("#synonyms button").click();
      browser.until("the group removed", d -> !text(browser, "#synonyms").contains("gizmo"));
      assertTrue(ids(search(server, "gizmo")).isEmpty(), "and stops finding them at once");
      assertEquals(4, browser.all("#history li").size(), text(browser, "#history"));
    }
  }

  private static List<String> ids(JsonNode response) {
    var ids = new java.util.ArrayList<String>();
    response.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
    return ids;
  }
}
