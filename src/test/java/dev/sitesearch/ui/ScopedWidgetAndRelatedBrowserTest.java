package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The widget as a site's visitor meets it on pages of another origin: a search box scoped to one
 * section ({@code data-filter-section}), and "related pages" lists ({@code
 * data-sitesearch-related}) naming their page by address, by id, or not at all (the page itself).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedWidgetAndRelatedBrowserTest {
  /** "New Telehealth Rules for Rural Clinics". */
  private static final String PAGE = "4001";

  private HttpServer site;
  private UiServer search;
  private Browser browser;
  private String pageUrl;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", this::sitePage);
    site.start();
    search = UiServer.start(workDir.resolve("server"), List.of(siteOrigin()));
    browser = Browser.start(workDir.resolve("profile"));
    pageUrl = search.api("/api/documents/" + PAGE).get("url").asText();
    // A cold server's first searches may run out of time loading classes; the tests compare lists.
    for (int i = 0; i < 10; i++) {
      if (!search.api("/api/documents/" + PAGE + "/related").get("partial").asBoolean()) break;
    }
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (search != null) search.close();
    if (site != null) site.stop(0);
  }

  private String siteOrigin() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /**
   * The site: {@code /scoped} has a box kept to the news section; {@code /related} holds related
   * lists; any page asked with {@code ?related} lists its own related pages; other paths name
   * themselves.
   */
  private void sitePage(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String endpoint = search.origin();
    String script =
        "<script src=\"%s/widget.js\" data-endpoint=\"%s\"".formatted(endpoint, endpoint);
    String html;
    if (path.equals("/scoped")) {
      html =
          """
          <!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head>
          <body><input id="q" type="search" aria-label="Search the news">
          %s data-filter-section="news"></script></body></html>
          """
              .formatted(script);
    } else if (path.equals("/related")) {
      html =
          """
          <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lists</title></head>
          <body><h1>A page</h1>
          <aside id="byurl" data-sitesearch-related="%s" data-filter-searchcategory="Article">
            <h2>Related articles</h2></aside>
          <aside id="byid" data-sitesearch-related="%s" data-size="3"></aside>
          <aside id="markup" data-sitesearch-related="4012" data-size="20"></aside>
          <aside id="missing" data-sitesearch-related="/no/such/page/"><h2>Related</h2></aside>
          %s></script></body></html>
          """
              .formatted(pageUrl, PAGE, script);
    } else if ("related".equals(query)) {
      html =
          """
          <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own</title></head>
          <body><h1>A page of the site</h1><div id="own" data-sitesearch-related></div>
          %s></script></body></html>
          """
              .formatted(script);
    } else {
      html = "<!doctype html><title>landed</title><h1 id=landed>Landed</h1>";
    }
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
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
  void a_box_scoped_to_a_section_shows_only_that_sections_results() {
    browser.driver.get(siteOrigin() + "/scoped");
    WebElement box = browser.find("#q");
    browser.until("the widget attached", d -> "combobox".equals(box.getAttribute("role")));
    box.sendKeys("telehealth");
    browser.until(
        "the dropdown to open",
        d ->
            "true".equals(box.getAttribute("aria-expanded")) && !browser.all(".ssw-hit").isEmpty());

    JsonNode scoped = search.search("q", "telehealth", "size", "6", "f.section", "news");
    JsonNode everywhere = search.search("q", "telehealth", "size", "6");
    assertNotEquals(
        UiServer.titles(scoped),
        UiServer.titles(everywhere),
        "the fixture has telehealth elsewhere");
    List<String> shown =
        browser.all(".ssw-hit .ssw-title").stream().map(WebElement::getText).toList();
    assertEquals(UiServer.titles(scoped), shown);
    scoped
        .get("hits")
        .forEach(hit -> assertEquals("news", hit.at("/section/0").asText(), hit::toString));
    browser.screenshot("widget-scoped");
  }

  @Test
  void a_related_list_links_to_the_pages_like_the_one_it_names_by_address_or_id() {
    browser.driver.get(siteOrigin() + "/related");
    browser.until(
        "the lists shown",
        d -> browser.all("#byurl li").size() > 0 && browser.all("#byid li").size() > 0);

    JsonNode articles =
        search.api(
            "/api/related?"
                + TestHttp.query("url", pageUrl, "f.searchCategory", "Article", "size", "5"));
    assertTrue(articles.get("hits").size() > 0, articles::toString);
    assertEquals(UiServer.titles(articles), texts("#byurl .ssw-related-title"));
    List<String> hrefs = new ArrayList<>();
    browser.all("#byurl a").forEach(a -> hrefs.add(a.getAttribute("href")));
    List<String> expected = new ArrayList<>();
    articles
        .get("hits")
        .forEach(
            hit ->
                expected.add(
                    URI.create(siteOrigin() + "/").resolve(hit.get("url").asText()).toString()));
    assertEquals(expected, hrefs, "links to the site's pages");
    WebElement list = browser.find("#byurl ul");
    assertEquals(
        browser.find("#byurl h2").getAttribute("id"),
        list.getAttribute("aria-labelledby"),
        "the element's heading names the list");

    JsonNode three = search.api("/api/documents/" + PAGE + "/related?size=3");
    assertEquals(UiServer.titles(three), texts("#byid .ssw-related-title"));
    assertEquals("Related pages", browser.find("#byid ul").getAttribute("aria-label"));
    browser.screenshot("widget-related");
  }

  @Test
  void a_list_without_a_value_shows_the_related_pages_of_the_page_it_is_on() {
    browser.driver.get(siteOrigin() + pageUrl + "?related");
    browser.until("the list shown", d -> browser.all("#own li").size() > 0);
    JsonNode api = search.api("/api/documents/" + PAGE + "/related");
    assertEquals(UiServer.titles(api), texts("#own .ssw-related-title"));
  }

  @Test
  void a_list_with_nothing_to_show_is_hidden_and_markup_stays_text() {
    browser.driver.get(siteOrigin() + "/related");
    browser.until(
        "the lists done",
        d -> browser.all("[aria-busy]").isEmpty() && browser.all("#markup li").size() > 0);
    assertFalse(browser.find("#missing").isDisplayed(), "an unknown page: the box is hidden");

    JsonNode api = search.api("/api/documents/4012/related?size=20");
    assertTrue(
        UiServer.titles(api).stream().anyMatch(t -> t.startsWith("Hostile <img")),
        "the hostile page is related: " + UiServer.titles(api));
    String shown = browser.find("#markup").getText();
    assertFalse(shown.contains("Hostile"), "its javascript: URL is no link: " + shown);
    assertEquals(
        0L, browser.js("return document.querySelectorAll('#markup img, #markup script').length"));
    browser
        .all("#markup a")
        .forEach(
            a -> assertTrue(a.getAttribute("href").startsWith("http"), a.getAttribute("href")));
    assertEquals(Boolean.TRUE, browser.js("return window.__sitesearchPwned === undefined"));
  }

  private List<String> texts(String css) {
    return browser.all(css).stream().map(e -> e.findElement(By.xpath(".")).getText()).toList();
  }
}
