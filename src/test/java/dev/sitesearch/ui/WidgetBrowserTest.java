package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The drop-in box on a page of another origin: a small "site" server on its own port serves a page
 * with the README's script tag (under a strict CSP of its own), and sitesearch allows that origin
 * through {@code server.cors}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {
  private HttpServer site;
  private UiServer search;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", this::sitePage);
    site.start();
    search = UiServer.start(workDir.resolve("server"), List.of(siteOrigin()));
    browser = Browser.start(workDir.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (search != null) search.close();
    if (site != null) site.stop(0);
  }

  @BeforeEach
  void openSitePage() {
    browser.driver.get(siteOrigin() + "/");
    browser.until("the widget attached", d -> "combobox".equals(box().getAttribute("role")));
  }

  private String siteOrigin() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /**
   * The site: "/" has the search box and the widget's script tag; any other path is a page that
   * names itself.
   */
  private void sitePage(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String endpoint = search.origin();
    String html;
    String type = "text/html; charset=utf-8";
    if (path.equals("/")) {
      html =
          """
          <!doctype html>
          <html lang="en"><head><meta charset="utf-8"><title>A page of the site</title>
          <script src="/before.js"></script></head>
          <body><h1>Our community</h1>
          <label for="q">Search this site</label> <input id="q" type="search">
          <p>Some page text under the box.</p>
          <script src="%s/widget.js" data-endpoint="%s" data-input="#q"></script>
          <script src="/after.js"></script>
          </body></html>
          """
              .formatted(endpoint, endpoint);
    } else if (path.equals("/manual")) {
      // No data-endpoint: the API is where widget.js came from. The page attaches a box of its own
      // choosing.
      html =
          """
          <!doctype html>
          <html lang="en"><head><meta charset="utf-8"><title>Manual</title></head>
          <body><input id="q" type="search" aria-label="Not the widget's"> <input id="other" type="search">
          <script src="%s/widget.js" data-manual data-input="#q"></script>
          <script src="/manual.js"></script>
          </body></html>
          """
              .formatted(endpoint);
    } else if (path.equals("/manual.js")) {
      html =
          "window.__box = SiteSearchWidget.attach(document.getElementById('other'), { size: 2 });"
              + "window.__again = SiteSearchWidget.attach(document.getElementById('other'));";
      type = "text/javascript";
    } else if (path.equals("/before.js") || path.equals("/after.js")) {
      // What the page's own scripts see before and after the widget (the driver adds globals of its
      // own later).
      html =
          path.equals("/before.js")
              ? "window.__globalsBefore = Object.keys(window);"
              : "window.__globalsAfter = Object.keys(window).filter(k => !window.__globalsBefore.includes(k));";
      type = "text/javascript";
    } else {
      html =
          "<!doctype html><title>landed</title><h1 id=landed>Landed on "
              + path.replace("<", "&lt;")
              + "</h1>";
    }
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    // As strict as a careful site would be: the widget must work without inline scripts or styles.
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self' "
                + endpoint
                + "; connect-src "
                + endpoint
                + "; style-src 'self'; img-src 'self'");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void typing_shows_the_apis_results_in_a_styled_dropdown_of_links_to_the_site() {
    box().sendKeys("telehealth");
    waitOpen();

    JsonNode api = search.search("q", "telehealth", "size", "6");
    List<WebElement> hits = browser.all(".ssw-hit");
    List<String> titles =
        hits.stream().map(h -> h.findElement(By.cssSelector(".ssw-title")).getText()).toList();
    assertEquals(UiServer.titles(api), titles);
    assertFalse(browser.all(".ssw-hit .ssw-title mark").isEmpty(), "matches are marked");
    assertFalse(browser.all(".ssw-hit .ssw-snippet").isEmpty(), "snippets are shown");
    String firstUrl = api.at("/hits/0/url").asText();
    assertEquals(
        URI.create(siteOrigin() + "/").resolve(firstUrl).toString(),
        hits.get(0).findElement(By.cssSelector("a")).getAttribute("href"),
        "result links point at the site's pages");

    WebElement panel = browser.find(".ssw-panel");
    assertEquals(
        "absolute",
        panel.getCssValue("position"),
        "the widget's styles apply under the site's CSP");
    assertTrue(
        panel.getRect().getY() >= box().getRect().getY() + box().getRect().getHeight(),
        "below the box");
    assertEquals(
        panel.findElement(By.cssSelector("[role=listbox]")).getAttribute("id"),
        box().getAttribute("aria-controls"));
    if (api.get("total").asLong() > 6) {
      assertTrue(
          browser.find(".ssw-all").getText().startsWith("See all " + api.get("total").asText()));
    }
    browser.screenshot("widget");
  }

  @Test
  void arrows_and_enter_open_a_result_and_escape_closes_the_list() {
    WebElement box = box();
    box.sendKeys("chronic");
    waitOpen();
    box.sendKeys(Keys.ESCAPE);
    assertEquals("false", box.getAttribute("aria-expanded"));
    assertFalse(browser.find(".ssw-panel").isDisplayed());

    box.sendKeys(Keys.ARROW_DOWN);
    waitOpen();
    box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    String active = box.getAttribute("aria-activedescendant");
    WebElement option = browser.driver.findElement(By.id(active));
    assertEquals("true", option.getAttribute("aria-selected"));
    String href = option.findElement(By.cssSelector("a")).getAttribute("href");
    assertTrue(href.startsWith(siteOrigin() + "/"), href);

    box.sendKeys(Keys.ENTER);
    browser.until("the page opened", d -> d.getCurrentUrl().equals(href));
    assertEquals("Landed on " + URI.create(href).getPath(), browser.find("#landed").getText());
  }

  @Test
  void following_a_result_sends_the_click_beacon_with_its_position() throws Exception {
    WebElement box = box();
    box.sendKeys("chronic");
    waitOpen();
    List<WebElement> hits = browser.all(".ssw-hit a");
    assertTrue(hits.size() >= 2, "two results at least");
    String href = hits.get(1).getAttribute("href");
    hits.get(1).click();
    browser.until("the page opened", d -> d.getCurrentUrl().equals(href));
    var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    var range = new dev.sitesearch.analytics.ReportRange(today.minusDays(1), today, 10);
    long end = System.nanoTime() + 30_000_000_000L;
    while (true) {
      var rows = search.analytics().report("positions", range).rows();
      if (rows.stream().anyMatch(r -> Integer.valueOf(2).equals(r.get("position")))) break;
      assertTrue(System.nanoTime() < end, () -> "no click at position 2: " + rows);
      Thread.sleep(100);
    }
  }

  @Test
  void the_widget_leaves_one_global_and_shows_markup_as_text() {
    @SuppressWarnings("unchecked")
    List<String> added = (List<String>) browser.js("return window.__globalsAfter");
    assertEquals(Set.of("__globalsBefore", "SiteSearchWidget"), Set.copyOf(added));

    box().sendKeys("markup");
    waitOpen();
    List<String> apiTitles = UiServer.titles(search.search("q", "markup", "size", "6"));
    assertTrue(
        apiTitles.contains("Patient Portals: 5 < 6 & \"Quotes\"")
            && apiTitles.stream().anyMatch(t -> t.startsWith("Hostile <img")),
        "the fixture's markup pages match: " + apiTitles);
    String shown = browser.find(".ssw-panel").getText();
    assertTrue(shown.contains("Patient Portals: 5 < 6 & \"Quotes\""), shown);
    assertFalse(shown.contains("Hostile"), "a hit whose URL is javascript: is left out: " + shown);
    assertEquals(
        0L,
        browser.js("return document.querySelectorAll('.ssw-panel img, .ssw-panel script').length"));
    List<String> hrefs = new ArrayList<>();
    browser.all(".ssw-panel a").forEach(a -> hrefs.add(a.getAttribute("href")));
    assertNotEquals(0, hrefs.size());
    assertTrue(hrefs.stream().allMatch(h -> h.startsWith("http")), "only http(s) links: " + hrefs);
    assertEquals(Boolean.TRUE, browser.js("return window.__sitesearchPwned === undefined"));
  }

  @Test
  void data_manual_leaves_attaching_to_the_page_which_sets_the_size() {
    browser.driver.get(siteOrigin() + "/manual");
    WebElement other = browser.find("#other");
    browser.until(
        "the page's own box attached", d -> "combobox".equals(other.getAttribute("role")));
    assertEquals(
        null,
        browser.find("#q").getAttribute("data-ssw"),
        "data-manual: the data-input box is left alone");
    assertEquals(
        Boolean.TRUE, browser.js("return window.__again === null"), "a box is attached once");

    other.sendKeys("care");
    browser.until("the dropdown to open", d -> "true".equals(other.getAttribute("aria-expanded")));
    JsonNode api = search.search("q", "care", "size", "2");
    assertEquals(
        UiServer.titles(api),
        browser.all(".ssw-hit .ssw-title").stream().map(WebElement::getText).toList(),
        "size 2, from the server widget.js came from");
    assertTrue(
        browser.find(".ssw-all").getText().startsWith("See all " + api.get("total").asText()));

    browser.js("window.__box.destroy()");
    assertEquals(null, other.getAttribute("role"));
    assertTrue(browser.all(".ssw-panel").isEmpty(), "destroy removes the dropdown");
  }

  @Test
  void the_widgets_files_load_on_any_origin_while_the_api_answers_listed_ones_only() {
    String stranger = "https://not-listed.example";
    var module = search.get("/widget-box.js", "Origin", stranger);
    assertEquals(200, module.statusCode(), "public files, whatever the origin");
    assertEquals("*", module.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    var api = search.get("/api/search?q=care", "Origin", stranger);
    assertNotEquals("*", api.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertNotEquals(stranger, api.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals(
        siteOrigin(),
        search
            .get("/api/search?q=care", "Origin", siteOrigin())
            .headers()
            .firstValue("Access-Control-Allow-Origin")
            .orElse(null),
        "server.cors lists the site");
  }

  private WebElement box() {
    return browser.find("#q");
  }

  private void waitOpen() {
    browser.until(
        "the dropdown to open",
        d ->
            "true".equals(box().getAttribute("aria-expanded"))
                && browser.find(".ssw-panel").isDisplayed());
  }
}
