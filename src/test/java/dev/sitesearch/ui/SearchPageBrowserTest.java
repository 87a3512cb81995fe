package dev.sitesearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page ({@code GET /}) in headless Chromium against the real server over the fixture
 * site: results as you type, facets, chips, sort, pages, the URL as the whole state, the keyboard,
 * and content that tries to run script. What the page shows is compared with what the JSON API
 * answers for the same parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {
  private static final String TOPICS = "communityTopics";
  private static final String CATEGORY = "searchCategory";
  private static final String TELEHEALTH = "Medigy: Telehealth";
  private static final String RPM = "KLAS: Remote Patient Monitoring";

  private UiServer server;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path workDir) throws IOException {
    server = UiServer.start(workDir.resolve("server"), List.of());
    browser = Browser.start(workDir.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @AfterEach
  void desktopSize() {
    browser.size(Browser.DESKTOP);
  }

  @Test
  void typing_a_query_shows_highlighted_results_with_date_category_topics_and_count() {
    open("/");
    WebElement box = browser.find("#q");
    box.click();
    box.sendKeys("chronic care");
    waitForParams("q=chronic+care");

    JsonNode api = server.search("q", "chronic care", "size", "10");
    assertEquals(UiServer.titles(api), hitTitles());
    assertEquals(api.get("total").asLong(), shownTotal());
    assertTrue(status().contains(" for “chronic care”"), status());
    assertFalse(browser.all("#hits .hit-title mark").isEmpty(), "matches in titles are marked");
    assertFalse(browser.all("#hits .hit-snippet mark").isEmpty(), "matches in snippets are marked");

    JsonNode first = api.get("hits").get(0);
    WebElement hit = browser.find("#hits .hit");
    assertEquals(
        URI.create(server.origin()).resolve(first.get("url").asText()).toString(),
        hit.findElement(By.cssSelector(".hit-title a")).getAttribute("href"));
    assertEquals(
        first.get("date").asText(),
        hit.findElement(By.cssSelector("time")).getAttribute("datetime"));
    assertEquals(
        first.at("/fields/searchCategory/0").asText(),
        hit.findElement(By.cssSelector(".hit-category")).getText());
    List<String> topics = new ArrayList<>();
    first.at("/fields/communityTopics").forEach(t -> topics.add(t.asText()));
    assertEquals(topics, texts(hit.findElements(By.cssSelector(".hit-topics .chip"))));
    assertEquals("polite", browser.find("#status").getAttribute("aria-live"));
    box.sendKeys(Keys.TAB); // leaving the box closes the suggestions, which cover the first result
    browser.until(
        "suggestions closed", d -> browser.find("#suggestions").getAttribute("hidden") != null);
    browser.screenshot("results");
  }

  @Test
  void two_topics_and_a_category_filter_the_hits_and_every_count_matches_the_api() {
    open("/?q=");
    check(TOPICS, TELEHEALTH);
    check(TOPICS, RPM);
    JsonNode twoTopics = server.search("f." + TOPICS, TELEHEALTH, "f." + TOPICS, RPM);
    String category = twoTopics.at("/facets/" + CATEGORY + "/0/value").asText();
    check(CATEGORY, category);

    JsonNode api =
        server.search("f." + TOPICS, TELEHEALTH, "f." + TOPICS, RPM, "f." + CATEGORY, category);
    assertEquals(List.of(TELEHEALTH, RPM), params().get("f." + TOPICS));
    assertEquals(List.of(category), params().get("f." + CATEGORY));
    assertEquals(UiServer.titles(api), hitTitles());
    assertEquals(api.get("total").asLong(), shownTotal());
    assertCountsMatch(api);
    assertTrue(
        shownCounts().containsKey(TOPICS + " = " + TELEHEALTH), "selected values stay listed");
    assertEquals(
        List.of("Topics: " + TELEHEALTH, "Topics: " + RPM, "Category: " + category), chips());
    for (JsonNode hit : api.get("hits")) {
      String topics = hit.at("/fields/" + TOPICS).toString();
      assertTrue(topics.contains(TELEHEALTH) || topics.contains(RPM), hit.toString());
      assertEquals(category, hit.at("/fields/" + CATEGORY + "/0").asText());
    }
    browser.screenshot("facets-selected");
  }

  @Test
  void removing_a_chip_drops_that_filter_and_keeps_the_others() {
    open(
        "/?f.communityTopics="
            + TestHttp.enc(TELEHEALTH)
            + "&f.communityTopics="
            + TestHttp.enc(RPM)
            + "&f.searchCategory=News");
    assertEquals(3, chips().size());

    WebElement chip = chipButton(TOPICS, TELEHEALTH);
    chip.click();
    settle();

    assertEquals(List.of("Topics: " + RPM, "Category: News"), chips());
    assertEquals(List.of(RPM), params().get("f." + TOPICS));
    JsonNode api = server.search("f." + TOPICS, RPM, "f." + CATEGORY, "News");
    assertEquals(UiServer.titles(api), hitTitles());
    assertCountsMatch(api);
    assertEquals(
        RPM,
        browser.driver.switchTo().activeElement().getAttribute("data-value"),
        "focus moves to the next chip");

    browser.find("#clear-all").click();
    settle();
    assertTrue(chips().isEmpty());
    assertNull(params().get("f." + TOPICS));
  }

  @Test
  void sort_orders_the_hits_as_the_api_does() {
    open("/?q=care");
    assertEquals("relevance", select().getFirstSelectedOption().getAttribute("value"));

    select().selectByValue("title");
    settle();
    assertEquals(List.of("title"), params().get("sort"));
    assertEquals(UiServer.titles(server.search("q", "care", "sort", "title")), hitTitles());

    select().selectByValue("oldest");
    settle();
    assertEquals(UiServer.titles(server.search("q", "care", "sort", "oldest")), hitTitles());
    List<String> dates = texts(browser.all("#hits time"), "datetime");
    assertEquals(dates.stream().sorted().toList(), dates, "oldest first");
  }

  @Test
  void pages_follow_the_total_and_show_the_apis_page() {
    open("/");
    JsonNode all = server.search("q", "");
    long total = all.get("total").asLong();
    assertTrue(total > 10, "the fixture needs two pages");
    assertEquals("1", browser.find("#pagination [aria-current=page]").getText());

    browser.find("#pagination .page-next").click();
    settle();

    assertEquals(List.of("2"), params().get("page"));
    assertEquals(UiServer.titles(server.search("q", "", "page", "2")), hitTitles());
    assertTrue(status().startsWith("Results 11–" + total + " of " + total), status());
    assertEquals("2", browser.find("#pagination [aria-current=page]").getText());
    assertEquals(
        "results-heading",
        browser.driver.switchTo().activeElement().getAttribute("id"),
        "focus goes to the results");

    browser.find("#pagination .page-prev").click();
    settle();
    assertNull(params().get("page"));
    assertEquals(UiServer.titles(all), hitTitles());
  }

  @Test
  void reloading_or_sharing_the_url_reopens_the_same_view() {
    open("/");
    typeQuery("telehealth");
    check(TOPICS, TELEHEALTH);
    select().selectByValue("newest");
    settle();
    Map<String, Object> before = view();
    String url = browser.driver.getCurrentUrl();
    assertTrue(
        url.contains("q=telehealth")
            && url.contains("f.communityTopics=")
            && url.contains("sort=newest"),
        url);

    browser.driver.navigate().refresh();
    settle();
    assertEquals(before, view());

    browser.driver.get("about:blank");
    browser.driver.get(url);
    settle();
    assertEquals(before, view());
  }

  @Test
  void back_and_forward_walk_through_the_searches() {
    open("/");
    Map<String, Object> browse = view();
    typeQuery("telehealth");
    Map<String, Object> typed = view();
    check(TOPICS, TELEHEALTH);
    Map<String, Object> filtered = view();

    browser.driver.navigate().back();
    waitForView(typed);
    browser.driver.navigate().back();
    waitForView(browse);
    assertEquals("", browser.find("#q").getDomProperty("value"));
    browser.driver.navigate().forward();
    waitForView(typed);
    assertEquals("telehealth", browser.find("#q").getDomProperty("value"));
    browser.driver.navigate().forward();
    waitForView(filtered);
  }

  @Test
  void the_keyboard_alone_searches_picks_a_suggestion_closes_the_list_and_ticks_a_filter() {
    open("/");
    var keys = new Actions(browser.driver);
    browser.js("document.activeElement && document.activeElement.blur(); window.focus();");
    keys.sendKeys(Keys.TAB).perform(); // skip link
    assertEquals("skip-link", active().getAttribute("class"));
    keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform(); // brand link, then the box
    assertEquals("q", active().getAttribute("id"));
    assertTrue(hasVisibleFocus(), "the focused box shows a focus ring");

    keys.sendKeys("chr").perform();
    WebElement box = browser.find("#q");
    browser.until("suggestions open", d -> "true".equals(box.getAttribute("aria-expanded")));
    List<WebElement> options = browser.all("#suggestions [role=option]");
    JsonNode suggested = server.api("/api/suggest?q=chr&size=8").get("suggestions");
    assertEquals(suggested.size(), options.size());
    assertTrue(options.get(0).getText().toLowerCase().startsWith("chr"), options.get(0).getText());

    keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
    assertEquals("suggestion-1", box.getAttribute("aria-activedescendant"));
    assertEquals("true", options.get(1).getAttribute("aria-selected"));
    keys.sendKeys(Keys.ARROW_UP).perform();
    assertEquals("suggestion-0", box.getAttribute("aria-activedescendant"));
    String chosen = options.get(0).getText();
    keys.sendKeys(Keys.ENTER).perform();
    waitForParams("q=" + TestHttp.enc(chosen));

    assertEquals(chosen, box.getDomProperty("value"));
    assertEquals("false", box.getAttribute("aria-expanded"));
    assertTrue(browser.find("#suggestions").getAttribute("hidden") != null);
    assertEquals(chosen, hitTitles().get(0), "the chosen title is the first result");

    keys.sendKeys(Keys.END).sendKeys(" b").perform();
    browser.until("suggestions open again", d -> "true".equals(box.getAttribute("aria-expanded")));
    keys.sendKeys(Keys.ESCAPE).perform();
    assertEquals("false", box.getAttribute("aria-expanded"));
    assertTrue(browser.find("#suggestions").getAttribute("hidden") != null);
    assertEquals("q", active().getAttribute("id"), "Escape keeps focus in the box");
    assertTrue(
        box.getDomProperty("value").endsWith(" b"), "Escape with the list open keeps the text");

    keys.keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys(Keys.BACK_SPACE)
        .sendKeys(Keys.ENTER)
        .perform();
    waitForParams("");
    for (int i = 0; i < 20 && !"checkbox".equals(active().getAttribute("type")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    WebElement box1 = active();
    assertEquals("checkbox", box1.getAttribute("type"), "tabbing reaches the facet checkboxes");
    assertTrue(hasVisibleFocus(), "the focused checkbox shows a focus ring");
    String facet = box1.getAttribute("data-facet");
    String value = box1.getAttribute("data-value");
    keys.sendKeys(Keys.SPACE).perform();
    settle();
    assertEquals(List.of(value), params().get("f." + facet));
    assertEquals(value, active().getAttribute("data-value"), "focus stays on the ticked checkbox");
  }

  @Test
  void markup_and_script_in_content_show_as_text_and_never_run() {
    open("/?q=" + TestHttp.enc("markup test"));
    assertPwnedNot();
    JsonNode hostile = server.search("q", "markup test").get("hits").get(0);
    assertEquals("ui-hostile", hostile.get("id").asText());

    WebElement hit = browser.find("#hits .hit");
    assertEquals(
        hostile.get("title").asText(), hit.findElement(By.cssSelector(".hit-title")).getText());
    assertTrue(
        hit.findElements(By.cssSelector("a")).isEmpty(), "a javascript: URL never becomes a link");
    assertEquals(
        hostile.at("/fields/searchCategory/0").asText(),
        hit.findElement(By.cssSelector(".hit-category")).getText());
    assertEquals(
        0L,
        browser.js(
            "return document.querySelectorAll("
                + "'#hits img, #hits script, #hits svg, #hits iframe, #facets img, #facets svg, #facets script').length"));
    assertTrue(
        shownCounts().containsKey(TOPICS + " = Hostile topic")
            && shownCounts().keySet().stream().noneMatch(k -> k.contains("<")),
        "a facet value is listed as its text, without its markup: " + shownCounts().keySet());

    open("/?q=script");
    assertPwnedNot();
    String portal =
        browser.all("#hits .hit-snippet").stream()
            .map(WebElement::getText)
            .filter(s -> s.contains("alert(1)"))
            .findFirst()
            .orElse("");
    assertTrue(portal.contains("<script>alert(1)</script>"), "the script shows as text: " + portal);

    WebElement box = browser.find("#q");
    box.clear();
    box.sendKeys("hostile");
    browser.until("suggestions", d -> "true".equals(box.getAttribute("aria-expanded")));
    assertTrue(
        browser.find("#suggestions").getText().contains("<img src=x"),
        "suggestions show markup as text");
    assertEquals(0L, browser.js("return document.querySelectorAll('#suggestions img').length"));
    box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    settle();
    assertPwnedNot();
  }

  @Test
  void no_results_say_so_offer_the_correction_and_removing_filters() {
    open("/?q=zzyzx&f.searchCategory=News");
    assertEquals("No results for “zzyzx”", browser.find("#message h3").getText());
    assertTrue(status().startsWith("No results"), status());
    assertTrue(browser.all("#hits .hit").isEmpty());
    browser.screenshot("no-results");

    browser.find("#remove-filters").click();
    settle();
    assertNull(params().get("f.searchCategory"));
    assertEquals(List.of("zzyzx"), params().get("q"));

    // The API sends didYouMean when it has a correction; the page must offer it as a link. This
    // fixture's API answers null, so the browser's fetch is wrapped to add one.
    long total = server.search("q", "telehealth").get("total").asLong();
    browser.js(
        """
        const total = arguments[0];
        const real = window.fetch;
        window.fetch = async (...args) => {
          const response = await real(...args);
          if (!String(args[0]).startsWith('api/search')) return response;
          const body = await response.json();
          if (body.total === 0) body.didYouMean = { query: 'telehealth', total };
          return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
        };""",
        total);
    typeQuery("qqxqqz");
    assertFalse(
        browser.all("#message .dym-link").isEmpty(),
        () -> status() + " / " + browser.find("#message").getText());
    WebElement correction = browser.find("#message .dym-link");
    assertEquals("telehealth", correction.getText());
    assertTrue(
        browser.find("#message .did-you-mean").getText().contains("(" + total + " results)"));
    correction.click();
    settle();
    assertEquals(List.of("telehealth"), params().get("q"));
    assertEquals(UiServer.titles(server.search("q", "telehealth")), hitTitles());
  }

  @Test
  void an_api_error_shows_its_detail_politely() {
    open("/?f.noSuchFacet=x");
    WebElement alert = browser.find("#message [role=alert]");
    assertTrue(alert.getText().contains("Unknown facet 'noSuchFacet'"), alert.getText());
    assertTrue(alert.getText().startsWith("Sorry"), alert.getText());
    assertTrue(browser.all("#hits .hit").isEmpty());
  }

  @Test
  void long_facets_show_more_and_find_values_with_counts_of_the_current_filters() {
    open("/");
    WebElement topics = facet(TOPICS);
    JsonNode api = server.search("q", "");
    int all = api.at("/facets/" + TOPICS).size();
    assertTrue(all > 7, "the fixture needs a long topic list");
    assertEquals(5, values(TOPICS).size());
    WebElement more = topics.findElement(By.cssSelector(".facet-more"));
    assertEquals("false", more.getAttribute("aria-expanded"));
    more.click();
    browser.until("all topics", d -> values(TOPICS).size() == all);
    assertEquals(
        "true",
        facet(TOPICS).findElement(By.cssSelector(".facet-more")).getAttribute("aria-expanded"));

    WebElement find = facet(TOPICS).findElement(By.cssSelector(".facet-filter"));
    find.sendKeys("tele");
    browser.until("topics starting with tele", d -> values(TOPICS).equals(List.of(TELEHEALTH)));
    JsonNode named = server.api("/api/facets/" + TOPICS + "?prefix=tele");
    assertEquals(
        named.at("/values/0/count").asText(), shownCounts().get(TOPICS + " = " + TELEHEALTH));

    // With a filter on another facet, the counts are those of the sidebar (disjunctive), as
    // /api/facets gives them.
    check(CATEGORY, "News");
    JsonNode news = server.search("f." + CATEGORY, "News");
    browser.until(
        "counts under the News filter",
        d ->
            values(TOPICS).equals(List.of(TELEHEALTH))
                && String.valueOf(count(news, TOPICS, TELEHEALTH))
                    .equals(shownCounts().get(TOPICS + " = " + TELEHEALTH)));

    List<String> years = values("year");
    assertEquals(
        years.stream().sorted(Comparator.reverseOrder()).toList(), years, "years newest first");
  }

  @Test
  void the_value_finder_counts_with_the_pages_filters_and_sort() {
    open("/?sort=oldest");
    facet(TOPICS).findElement(By.cssSelector(".facet-filter")).sendKeys("tele");
    browser.until("topics starting with tele", d -> values(TOPICS).equals(List.of(TELEHEALTH)));
    check(CATEGORY, "News");

    // The page also sends its <html lang> (the bundled page's "en"; a site without languages
    // ignores it).
    String expected =
        TestHttp.query(
            "f." + CATEGORY,
            "News",
            "sort",
            "oldest",
            "lang",
            "en",
            "search",
            "tele",
            "size",
            "20");
    browser.until(
        "the finder asked again within the filter",
        d ->
            expected.equals(
                browser.js(
                    "const asked = performance.getEntriesByType('resource').map(e => e.name)"
                        + ".filter(n => n.includes('/api/facets/"
                        + TOPICS
                        + "?'));"
                        + "return asked.length ? new URL(asked[asked.length - 1]).search.slice(1) : null")));
    JsonNode named = server.api("/api/facets/" + TOPICS + "?" + expected);
    browser.until(
        "the finder's counts",
        d ->
            values(TOPICS).equals(List.of(TELEHEALTH))
                && String.valueOf(count(named.get("values"), TELEHEALTH))
                    .equals(shownCounts().get(TOPICS + " = " + TELEHEALTH)));
  }

  @Test
  void facets_are_named_and_ordered_as_the_server_lists_them(@TempDir Path workDir)
      throws IOException {
    var labels = new LinkedHashMap<>(Seed.FIELDS.labels());
    labels.put(TOPICS, "Themes");
    labels.put(CATEGORY, "Kind of page");
    var facets = new ArrayList<>(Seed.FIELDS.facets());
    Collections.reverse(facets);
    var d = Seed.FIELDS;
    try (UiServer relabelled =
        UiServer.start(
            workDir,
            new FieldSettings(d.text(), facets, d.dates(), d.stored(), d.stemmer(), labels))) {
      browser.driver.get(relabelled.origin() + "/?f." + TOPICS + "=" + TestHttp.enc(TELEHEALTH));
      settle();

      var expected = new ArrayList<String>();
      relabelled
          .api("/api/facets")
          .get("facets")
          .forEach(f -> expected.add(f.get("name").asText() + ": " + f.get("label").asText()));
      @SuppressWarnings("unchecked")
      List<String> shown =
          (List<String>)
              browser.js(
                  "return [...document.querySelectorAll('#facets fieldset')]"
                      + ".map(f => f.dataset.facet + ': ' + f.querySelector('legend').textContent)");
      assertEquals(
          expected.stream().filter(shown::contains).toList(),
          shown,
          "the server's order and labels");
      assertTrue(
          shown.containsAll(List.of(TOPICS + ": Themes", CATEGORY + ": Kind of page")),
          shown.toString());
      assertTrue(
          shown.indexOf(CATEGORY + ": Kind of page") < shown.indexOf(TOPICS + ": Themes"),
          shown.toString());
      assertEquals(List.of("Themes: " + TELEHEALTH), chips());
      assertEquals("Themes", browser.find("#hits .hit-topics").getAttribute("aria-label"));
    }
  }

  @Test
  void at_phone_width_the_filters_fold_above_the_results_and_nothing_scrolls_sideways() {
    browser.size(new Dimension(375, 812));
    open("/?q=" + TestHttp.enc("remote monitoring"));
    assertEquals(375L, browser.js("return window.innerWidth"));
    WebElement toggle = browser.find("#filters-toggle");
    assertTrue(toggle.isDisplayed());
    assertFalse(browser.find("#filters").isDisplayed(), "filters start folded");
    assertEquals(0L, sidewaysScroll());
    assertTrue(
        browser.find("#filters").getRect().getY() < browser.find("#hits").getRect().getY(),
        "filters sit above the results");
    browser.screenshot("phone");

    toggle.click();
    assertTrue(browser.find("#filters").isDisplayed());
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    check(TOPICS, RPM);
    assertTrue(toggle.getText().contains("1 on"), toggle.getText());
    assertEquals(0L, sidewaysScroll());
    browser.screenshot("phone-filters");
  }

  // ---- page helpers
  // ---------------------------------------------------------------------------------------------

  private void open(String pathAndQuery) {
    browser.driver.get(server.origin() + pathAndQuery);
    settle();
  }

  /** Waits until the page shows an answer and no search is in flight. */
  private void settle() {
    browser.until("the page to show its results", d -> settled());
  }

  private boolean settled() {
    return (Boolean)
        browser.js(
            "const s = document.getElementById('status').textContent;"
                + "return !document.getElementById('results').hasAttribute('aria-busy') && s !== '' && s !== 'Loading…';");
  }

  private void typeQuery(String q) {
    WebElement box = browser.find("#q");
    box.clear();
    box.sendKeys(q);
    waitForParams("q=" + TestHttp.enc(q));
  }

  /**
   * Waits until the URL's query is exactly this (as the page writes it) and its results are shown.
   */
  private void waitForParams(String query) {
    browser.until(
        "URL ?" + query,
        d -> query.equals(browser.js("return location.search.replace(/^\\?/, '')")));
    settle();
  }

  private void waitForView(Map<String, Object> view) {
    browser.until("view " + view, d -> settled() && view.equals(view()));
  }

  /** Everything the URL decides: the box, sort, ticked values, chips and the hits. */
  private Map<String, Object> view() {
    var view = new LinkedHashMap<String, Object>();
    view.put("url", browser.js("return location.search"));
    view.put("q", browser.find("#q").getDomProperty("value"));
    view.put("sort", select().getFirstSelectedOption().getAttribute("value"));
    view.put(
        "checked",
        browser.all("#facets input[type=checkbox]").stream()
            .filter(WebElement::isSelected)
            .map(c -> c.getAttribute("data-facet") + "=" + c.getAttribute("data-value"))
            .toList());
    view.put("chips", chips());
    view.put("hits", hitTitles());
    view.put("status", status().replaceAll(" · \\d+ ms$", ""));
    return view;
  }

  private void check(String facet, String value) {
    WebElement box = checkbox(facet, value);
    if (box == null) {
      facet(facet).findElement(By.cssSelector(".facet-more")).click();
      browser.until("more " + facet, d -> checkbox(facet, value) != null);
      box = checkbox(facet, value);
    }
    assertFalse(box.isSelected(), facet + "=" + value + " already ticked");
    box.click();
    settle();
    // Asked of the page in one script: the list may re-render between finding a box and reading it.
    browser.until(
        facet + "=" + value + " listed and ticked",
        d ->
            Boolean.TRUE.equals(
                    browser.js(
                        "const c = [...document.querySelectorAll('#facets input[type=checkbox]')]"
                            + ".find(c => c.dataset.facet === arguments[0] && c.dataset.value === arguments[1]);"
                            + "return c ? c.checked : null",
                        facet,
                        value))
                ? true
                : null);
  }

  private WebElement checkbox(String facet, String value) {
    return forValue("#facets input[type=checkbox]", facet, value);
  }

  /**
   * The element {@code selector} finds for this facet value ({@code data-facet}, {@code
   * data-value}), or null.
   */
  private WebElement forValue(String selector, String facet, String value) {
    return (WebElement)
        browser.js(
            "return [...document.querySelectorAll(arguments[0])]"
                + ".find(e => e.dataset.facet === arguments[1] && e.dataset.value === arguments[2]) || null",
            selector,
            facet,
            value);
  }

  private WebElement facet(String facet) {
    return (WebElement)
        browser.js(
            "return [...document.querySelectorAll('#facets fieldset')]"
                + ".find(f => f.dataset.facet === arguments[0]) || null",
            facet);
  }

  @SuppressWarnings("unchecked")
  private List<String> values(String facet) {
    return (List<String>)
        browser.js(
            "return [...document.querySelectorAll('#facets input[type=checkbox]')]"
                + ".filter(c => c.dataset.facet === arguments[0]).map(c => c.dataset.value)",
            facet);
  }

  private WebElement chipButton(String facet, String value) {
    return forValue("#chips button", facet, value);
  }

  /** "Label: value" for each active-filter chip. */
  private List<String> chips() {
    return browser.all("#chips button").stream()
        .map(b -> b.getText().replace("×", "").strip().replaceAll("\\s+", " "))
        .toList();
  }

  /** "facet = value" to the count shown beside it, for every value in the sidebar. */
  @SuppressWarnings("unchecked")
  private Map<String, String> shownCounts() {
    var counts = new LinkedHashMap<String, String>();
    var rows =
        (List<List<String>>)
            browser.js(
                "return [...document.querySelectorAll('#facets .facet-value')].map(li => {"
                    + " const box = li.querySelector('input'), count = li.querySelector('.count');"
                    + " return [box.dataset.facet + ' = ' + box.dataset.value, count ? count.textContent : null]; })");
    rows.forEach(row -> counts.put(row.get(0), row.get(1)));
    return counts;
  }

  private void assertCountsMatch(JsonNode api) {
    Map<String, String> shown = shownCounts();
    assertFalse(shown.isEmpty());
    shown.forEach(
        (key, count) -> {
          String[] parts = key.split(" = ", 2);
          assertEquals(String.valueOf(count(api, parts[0], parts[1])), count, key);
        });
    for (var facet : api.get("facets").properties()) {
      for (JsonNode v : facet.getValue()) {
        String key = facet.getKey() + " = " + v.get("value").asText();
        if (v.get("selected").asBoolean())
          assertTrue(shown.containsKey(key), key + " is ticked, so it is shown");
      }
    }
  }

  private static long count(JsonNode api, String facet, String value) {
    return count(api.at("/facets/" + facet), value);
  }

  private static long count(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.get("value").asText().equals(value)) return v.get("count").asLong();
    }
    return 0;
  }

  private List<String> hitTitles() {
    return texts(browser.all("#hits .hit-title"));
  }

  /** The total the status line reports ("12 results…", "Results 11–12 of 12…", "No results…"). */
  private long shownTotal() {
    var m =
        Pattern.compile("^(?:Results [\\d,]+–[\\d,]+ of ([\\d,]+)|([\\d,]+) results?|No results)")
            .matcher(status());
    assertTrue(m.find(), status());
    String n = m.group(1) != null ? m.group(1) : m.group(2);
    return n == null ? 0 : Long.parseLong(n.replace(",", ""));
  }

  private long sidewaysScroll() {
    return (Long)
        browser.js(
            "const e = document.documentElement; return Math.max(0, e.scrollWidth - e.clientWidth);");
  }

  private String status() {
    return browser.find("#status").getText();
  }

  private Select select() {
    return new Select(browser.find("#sort"));
  }

  private WebElement active() {
    return browser.driver.switchTo().activeElement();
  }

  private boolean hasVisibleFocus() {
    return (Boolean)
        browser.js(
            "const s = getComputedStyle(document.activeElement);"
                + "return document.activeElement.matches(':focus-visible') && s.outlineStyle !== 'none'"
                + " && parseFloat(s.outlineWidth) >= 2;");
  }

  /** The page's URL parameters, each with its values in order. */
  @SuppressWarnings("unchecked")
  private Map<String, List<String>> params() {
    List<List<String>> pairs =
        (List<List<String>>) browser.js("return [...new URLSearchParams(location.search)]");
    return pairs.stream()
        .collect(
            Collectors.groupingBy(
                p -> p.get(0),
                LinkedHashMap::new,
                Collectors.mapping(p -> p.get(1), Collectors.toList())));
  }

  private void assertPwnedNot() {
    assertThrows(
        NoAlertPresentException.class, () -> browser.driver.switchTo().alert(), "no alert opened");
    assertEquals(
        Boolean.TRUE,
        browser.js("return window.__sitesearchPwned === undefined"),
        "no script from the content ran");
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }

  private static List<String> texts(List<WebElement> elements, String attribute) {
    return elements.stream().map(e -> e.getAttribute(attribute)).toList();
  }
}
