package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The topic tree on the search page, as a visitor uses it: the fixture site with {@code
 * communityTopics} declared hierarchical ({@code ": "}), so its "Source: Topic" values show as
 * sources that open onto their topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicTreeBrowserTest {
  private static final String TOPICS = "communityTopics";
  private static final String TELEHEALTH = "Medigy: Telehealth";

  private UiServer server;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    var d = Seed.FIELDS;
    server =
        UiServer.start(
            workDir.resolve("server"),
            new FieldSettings(
                d.text(),
                d.facets(),
                d.dates(),
                d.stored(),
                d.stemmer(),
                d.labels(),
                Map.of(TOPICS, ": ")));
    browser = Browser.start(workDir.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void a_source_opens_by_keyboard_onto_its_topics_and_a_ticked_topic_keeps_its_siblings() {
    open("/");
    JsonNode api = server.search("q", "");
    assertEquals(treeCounts(api.at("/facets/" + TOPICS), false), shownTree(), "the top levels");
    WebElement toggle = toggle("Medigy");
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertFalse(checkbox(TELEHEALTH).isDisplayed(), "a closed source hides its topics");

    toggle.sendKeys(Keys.ENTER);
    browser.until(
        "Medigy open", d -> "true".equals(toggle("Medigy").getAttribute("aria-expanded")));
    assertTrue(checkbox(TELEHEALTH).isDisplayed());
    assertEquals(
        treeCounts(api.at("/facets/" + TOPICS), true).entrySet().stream()
            .filter(e -> e.getKey().startsWith("Medigy"))
            .toList(),
        shownTree().entrySet().stream().filter(e -> e.getKey().startsWith("Medigy")).toList(),
        "each topic with its own count, as the API counts it");

    checkbox(TELEHEALTH).click();
    browser.until(
        "the URL names the topic",
        d ->
            String.valueOf(browser.js("return location.search"))
                .contains("f." + TOPICS + "=" + TestHttp.enc(TELEHEALTH)));
    settle();
    JsonNode ticked = server.search("f." + TOPICS, TELEHEALTH);
    browser.until(
        "the siblings keep their disjunctive counts",
        d ->
            shownTree().entrySet().stream()
                .filter(e -> e.getKey().startsWith("Medigy"))
                .toList()
                .equals(
                    treeCounts(ticked.at("/facets/" + TOPICS), true).entrySet().stream()
                        .filter(e -> e.getKey().startsWith("Medigy"))
                        .toList()));
    assertTrue(checkbox(TELEHEALTH).isSelected());
    assertEquals("true", toggle("Medigy").getAttribute("aria-expanded"), "stays open");
    assertEquals(ticked.get("total").asLong(), shownTotal(), status());
    browser.screenshot("topic-tree");

    checkbox("Medigy").click();
    browser.until(
        "the URL names the source too",
        d ->
            String.valueOf(browser.js("return location.search"))
                    .contains("f." + TOPICS + "=Medigy&")
                || String.valueOf(browser.js("return location.search")).endsWith("=Medigy"));
    settle();
    JsonNode both = server.search("f." + TOPICS, TELEHEALTH, "f." + TOPICS, "Medigy");
    assertEquals(
        both.get("total").asLong(),
        shownTotal(),
        "ticking the source adds every page below it: " + status());
    assertEquals(
        server.search("f." + TOPICS, "Medigy").get("total"),
        both.get("total"),
        "the source holds its topics' pages");
  }

  @Test
  void the_value_finder_finds_a_misspelt_topic() {
    open("/");
    WebElement find = facet(TOPICS).findElement(By.cssSelector(".facet-filter"));
    find.sendKeys("telehelth");
    browser.until("the misspelt topic found", d -> values().equals(List.of(TELEHEALTH)));
  }

  // ---------------------------------------------------------------------------------------------

  private void open(String pathAndQuery) {
    browser.driver.get(server.origin() + pathAndQuery);
    settle();
  }

  private void settle() {
    browser.until(
        "the page to show its results",
        d ->
            (Boolean)
                browser.js(
                    "const s = document.getElementById('status').textContent;"
                        + "return !document.getElementById('results').hasAttribute('aria-busy') && s !== '' && s !== 'Loading…';"));
  }

  private String status() {
    return browser.find("#status").getText();
  }

  /** The result count the status line gives ("6 results", "Results 1–10 of 11"). */
  private long shownTotal() {
    var m = java.util.regex.Pattern.compile("of ([\\d,]+)|^([\\d,]+) result").matcher(status());
    assertTrue(m.find(), status());
    return Long.parseLong((m.group(1) != null ? m.group(1) : m.group(2)).replace(",", ""));
  }

  private WebElement facet(String facet) {
    return (WebElement)
        browser.js(
            "return [...document.querySelectorAll('#facets fieldset')]"
                + ".find(f => f.dataset.facet === arguments[0]) || null",
            facet);
  }

  private WebElement checkbox(String value) {
    return find("#facets input[type=checkbox]", value);
  }

  private WebElement toggle(String value) {
    return find("#facets .tree-toggle", value);
  }

  private WebElement find(String selector, String value) {
    return (WebElement)
        browser.js(
            "return [...document.querySelectorAll(arguments[0])]"
                + ".find(e => e.dataset.facet === arguments[1] && e.dataset.value === arguments[2]) || null",
            selector,
            TOPICS,
            value);
  }

  @SuppressWarnings("unchecked")
  private List<String> values() {
    return (List<String>)
        browser.js(
            "return [...document.querySelectorAll('#facets input[type=checkbox]')]"
                + ".filter(c => c.dataset.facet === arguments[0] && c.offsetParent !== null)"
                + ".map(c => c.dataset.value)",
            TOPICS);
  }

  /** Each visible topic value (its whole path) to the count shown beside it, in page order. */
  @SuppressWarnings("unchecked")
  private Map<String, String> shownTree() {
    var rows =
        (List<List<String>>)
            browser.js(
                "return [...document.querySelectorAll('#facets .facet-value')]"
                    + ".map(row => [row.querySelector('input'), row.querySelector('.count')])"
                    + ".filter(([box]) => box.dataset.facet === arguments[0] && box.offsetParent !== null)"
                    + ".map(([box, count]) => [box.dataset.value, count.textContent])",
                TOPICS);
    var out = new LinkedHashMap<String, String>();
    rows.forEach(r -> out.put(r.get(0), r.get(1)));
    return out;
  }

  /** The API's tree as value → count, depth first; with {@code deep} false, the top level only. */
  private static Map<String, String> treeCounts(JsonNode values, boolean deep) {
    var out = new LinkedHashMap<String, String>();
    for (JsonNode v : values) {
      out.put(v.get("value").asText(), String.valueOf(v.get("count").asLong()));
      if (deep) out.putAll(treeCounts(v.get("children"), true));
    }
    return out;
  }
}
