package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Analytics in headless Chromium: following a result on the search page is counted with its
 * position (the click beacon), and the admin page shows the reports, asking for the token and
 * showing attacker-typed text as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsBrowserTest {
  private static final String TOKEN = "br0wser-t0ken";
  private static final String XSS = "<img src=x onerror=\"window.__sitesearchPwned=1\">";

  private UiServer server;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    server = UiServer.startWithAdminToken(workDir.resolve("server"), TOKEN);
    browser = Browser.start(workDir.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  private JsonNode report(String name) {
    HttpResponse<String> r =
        server.get("/api/admin/analytics/" + name, "Authorization", "Bearer " + TOKEN);
    return TestHttp.json(r.statusCode(), r.body());
  }

  private long clicksAt(int position) {
    for (JsonNode row : report("positions").get("rows"))
      if (row.get("position").asInt() == position) return row.get("clicks").asLong();
    return 0;
  }

  @Test
  void following_the_second_result_counts_a_click_at_position_two() {
    browser.driver.get(server.origin() + "/?q=chronic+care");
    browser.until(
        "results",
        d ->
            browser.all("#hits li.hit").size() >= 2
                && browser.all("#results[aria-busy]").isEmpty());
    WebElement second = browser.all("#hits li.hit .hit-title a").get(1);
    second.click(); // navigates away; the beacon goes with it
    browser.until("the click to be counted", d -> clicksAt(2) == 1);
    JsonNode chronic = null;
    for (JsonNode row : report("queries").get("rows"))
      if (row.get("query").asText().equals("chronic care")) chronic = row;
    assertTrue(chronic != null && chronic.get("clicks").asInt() == 1, "the click is the query's");
    assertEquals(0, clicksAt(1));
  }

  @Test
  void the_admin_page_asks_for_the_token_and_shows_hostile_text_as_text()
      throws InterruptedException {
    assertEquals(0, server.search("q", "zzqxv qqxzy").get("total").asLong());
    server.search("q", "", "f.communityTopics", XSS);
    long end = System.nanoTime() + 30_000_000_000L; // a commit a second; a loaded machine is slower
    while (report("facets").get("rows").isEmpty() || report("no-results").get("rows").isEmpty()) {
      assertTrue(
          System.nanoTime() < end,
          () ->
              "never stored: "
                  + report("facets")
                  + " "
                  + report("no-results")
                  + " "
                  + report("days"));
      Thread.sleep(100);
    }

    browser.driver.get(server.origin() + "/admin");
    browser.until("the token form", d -> browser.find("#token").isDisplayed());
    browser.find("#token").sendKeys("wrong");
    browser.find("#token-form button[type=submit]").click();
    browser.until(
        "the refusal", d -> browser.find("#token-error").getText().contains("not accepted"));

    browser.find("#token").sendKeys(TOKEN);
    browser.find("#token-form button[type=submit]").click();
    browser.until("the reports", d -> !browser.all("table[data-report=facets] td").isEmpty());

    List<String> values =
        browser.all("table[data-report=facets] tbody tr td:nth-child(2)").stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(values.contains(XSS), "the value is shown as typed: " + values);
    assertTrue(browser.all("#reports img").isEmpty(), "no markup made it into the page");
    assertNull(browser.js("return window.__sitesearchPwned"), "no script ran");

    WebElement curate =
        browser
            .find("table[data-report=no-results] tbody tr")
            .findElement(By.cssSelector("a.curate-link"));
    assertEquals(server.origin() + "/admin/curation?q=zzqxv+qqxzy", curate.getAttribute("href"));
    assertTrue(browser.all("#days-charts svg rect").size() >= 30, "a bar per day");
    assertEquals(
        TOKEN, browser.js("return sessionStorage.getItem('sitesearch.adminToken')"), "tab only");
    assertNull(browser.js("return localStorage.getItem('sitesearch.adminToken')"));
    browser.screenshot("admin-analytics");
  }
}
