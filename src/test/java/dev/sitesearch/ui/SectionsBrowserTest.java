package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.HugoBuild;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Heading results as a visitor meets them: on the search page, a hit lists its best sections
 * (heading with the words marked, the headings above it, its passage) linked to their place on the
 * page; in the drop-in box on the site, a section is an option of its own, and choosing it opens
 * the page Hugo built from the same Markdown at that heading, scrolled to the words (the link's
 * text fragment), so the anchors are checked against the real page too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionsBrowserTest {
  private static final String FILLER =
      "The kiosk casing is made of recycled aluminium and weighs four kilograms. ".repeat(12);

  /** A long manual, so reaching a section needs scrolling. */
  private static final String MANUAL =
      """
      ---
      title: "Kiosk manual"
      ---
      The kiosk is a self-service terminal for clinic waiting rooms.

      # Setting up

      %1$s

      %1$s

      ## Réseau et Wi-Fi

      %1$s

      ### Proxy servers

      Behind a proxy, enter the proxy address in the kiosk admin screen.

      %1$s

      ## Escaping `<img src=x onerror=window.__pwned=1>` tags

      Markup in a heading is text.

      # Troubleshooting

      %1$s
      """
          .formatted(FILLER);

  private HttpServer site;
  private Path hugoPublic;
  private UiServer search;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    HugoBuild.assumeHugo();
    hugoPublic = buildWithHugo(workDir.resolve("hugo"));
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", this::sitePage);
    site.start();
    search =
        UiServer.start(
            workDir.resolve("server"),
            List.of(siteOrigin()),
            content -> ContentFiles.write(content, "guides/kiosk-manual.md", MANUAL));
    browser = Browser.start(workDir.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    try {
      if (search != null) search.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (site != null) site.stop(0);
  }

  @Test
  void the_search_page_lists_a_hits_best_sections_linked_to_their_place_with_the_words_marked() {
    browser.driver.get(search.origin() + "/?q=proxy+address");
    browser.until(
        "the manual's sections", d -> !browser.all(".hit-sections .section-link").isEmpty());
    WebElement section = browser.find(".hit-section");
    WebElement link = section.findElement(org.openqa.selenium.By.cssSelector(".section-link"));
    assertEquals("Proxy servers", link.getText());
    assertEquals("Proxy", link.findElement(org.openqa.selenium.By.tagName("mark")).getText());
    assertEquals(
        "Setting up › Réseau et Wi-Fi",
        section.findElement(org.openqa.selenium.By.cssSelector(".section-trail")).getText());
    assertTrue(
        section
            .findElement(org.openqa.selenium.By.cssSelector(".section-snippet"))
            .getText()
            .contains("enter the proxy address"));
    assertEquals(
        search.origin()
            + "/guides/kiosk-manual/#proxy-servers:~:text=proxy%20address%20in%20the%20kiosk",
        link.getAttribute("href"));
    browser.screenshot("sections-on-the-search-page");
  }

  @Test
  void markup_in_a_heading_shows_as_text() {
    browser.driver.get(search.origin() + "/?q=escaping+tags");
    browser.until("the section", d -> !browser.all(".hit-sections .section-link").isEmpty());
    String shown = browser.find(".hit-sections").getText();
    assertTrue(shown.contains("<img src=x onerror=window.__pwned=1>"), shown);
    assertEquals(0L, browser.js("return document.querySelectorAll('#hits img').length"));
    assertEquals(Boolean.TRUE, browser.js("return window.__pwned === undefined"));
  }

  @Test
  void in_the_drop_in_box_a_section_opens_the_page_at_its_heading_scrolled_to_the_words() {
    browser.driver.get(siteOrigin() + "/");
    WebElement box = browser.find("#q");
    browser.until("the widget attached", d -> "combobox".equals(box.getAttribute("role")));
    box.sendKeys("proxy address");
    browser.until("a section option", d -> !browser.all(".ssw-section").isEmpty());
    List<WebElement> options = browser.all(".ssw-option");
    int index = options.indexOf(browser.find(".ssw-section"));
    assertTrue(index > 0, "under its hit");
    assertEquals("# Proxy servers", browser.find(".ssw-section .ssw-title").getText());
    browser.screenshot("sections-in-the-widget");
    for (int i = 0; i <= index; i++) box.sendKeys(Keys.ARROW_DOWN);
    box.sendKeys(Keys.ENTER);

    browser.until(
        "the manual", d -> "/guides/kiosk-manual/".equals(browser.js("return location.pathname")));
    browser.until(
        "the page laid out", d -> browser.js("return document.readyState").equals("complete"));
    assertEquals(
        Boolean.TRUE,
        browser.js("return document.getElementById('proxy-servers') !== null"),
        "Hugo gave the heading the id our anchor names");
    assertFalse(
        String.valueOf(browser.js("return location.href")).contains(":~:"),
        "the browser took the text directive out of the URL, as it does when it reads it");
    browser.until(
        "the words in view",
        d ->
            (Boolean)
                browser.js(
                    "const p = [...document.querySelectorAll('p')]"
                        + ".find(e => e.textContent.includes('enter the proxy address'));"
                        + "const r = p.getBoundingClientRect();"
                        + "return window.scrollY > 0 && r.top >= 0 && r.bottom <= innerHeight;"));
    browser.screenshot("section-opened-at-its-words");
  }

  private String siteOrigin() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /** "/" is a page with the drop-in box; other paths are the pages Hugo built. */
  private void sitePage(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    int status = 200;
    if (path.equals("/")) {
      String endpoint = search.origin();
      body =
          """
          <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head>
          <body><input id="q" type="search" aria-label="Search this site">
          <script src="%s/widget.js" data-endpoint="%s" data-input="#q"></script></body></html>
          """
              .formatted(endpoint, endpoint)
              .getBytes(StandardCharsets.UTF_8);
    } else {
      Path file = hugoPublic.resolve(path.substring(1)).normalize().resolve("index.html");
      if (file.startsWith(hugoPublic) && Files.isRegularFile(file)) {
        body = Files.readAllBytes(file);
      } else {
        body = "not found".getBytes(StandardCharsets.UTF_8);
        status = 404;
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** The manual built by Hugo with a plain page layout; answers its public folder. */
  private static Path buildWithHugo(Path root) throws Exception {
    ContentFiles.write(
        root,
        "hugo.toml",
        "baseURL = 'http://example.org/'\n"
            + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n");
    String layout =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
            + "<body style=\"max-width:40em\">{{ .Content }}</body></html>\n";
    ContentFiles.write(root, "layouts/_default/single.html", layout);
    ContentFiles.write(root, "layouts/_default/list.html", layout);
    ContentFiles.write(root, "content/guides/kiosk-manual.md", MANUAL);
    Process p =
        new ProcessBuilder("hugo", "--quiet", "--source", root.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
      throw new IOException("hugo failed: " + out);
    return root.resolve("public").toRealPath();
  }
}
