package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.search.SearchResponse.Section;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A hit lists the sections of its page that match best, each with its heading, the headings above
 * it, a link to its anchor that marks the words, and a highlighted passage; with {@code snippets}
 * above 1 it also lists its best passages under their nearest headings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionPickerTest {
  private static final String GUIDE =
      """
      Opening words about the guide.

      # Install

      Download the archive first.

      ## On Linux {#linux}

      Use the package manager: apt install widget. The widget service starts at boot.

      ### Apt sources

      Add the widget repository to your apt sources.

      ## On Windows

      Run the installer.

      # Configure & run

      Edit the config file. Nothing about packages here.

      # Troubleshooting

      If the widget does not start, read the log.
      """;

  @AutoClose
  private final TinyIndex index = TinyIndex.of(page("guide", "Widget guide").markdown(GUIDE));

  private Hit hit(String q, int snippets) throws Exception {
    List<Hit> hits =
        index.hits(RankingSettings.DEFAULTS, SearchRequest.of(q).withSnippets(snippets));
    assertEquals(1, hits.size(), q);
    return hits.getFirst();
  }

  @Test
  void the_best_sections_come_with_heading_parents_anchor_link_and_passage() throws Exception {
    Hit hit = hit("apt sources", 1);
    Section first = hit.sections().getFirst();
    assertEquals("<mark>Apt</mark> <mark>sources</mark>", first.heading());
    assertEquals(List.of("Install", "On Linux"), first.parents());
    assertEquals("apt-sources", first.anchor());
    assertEquals("/guide/#apt-sources", first.url());
    assertEquals(
        "Add the widget repository to your <mark>apt</mark> <mark>sources</mark>.",
        first.snippet());
    assertTrue(first.link().startsWith("/guide/#apt-sources:~:text=apt%20sources"), first.link());
    assertTrue(hit.sections().size() <= Excerpts.MAX_SECTIONS);
    assertEquals("linux", hit.sections().get(1).anchor(), "the other section with both words");
    assertEquals(List.of(), hit.passages(), "one snippet: no passage list");
  }

  @Test
  void a_heading_typed_exactly_is_the_first_section() throws Exception {
    Hit hit = hit("configure run", 1);
    Section first = hit.sections().getFirst();
    assertEquals("configure--run", first.anchor(), "Hugo drops the & and keeps both spaces");
    assertEquals("<mark>Configure</mark> &amp; <mark>run</mark>", first.heading());
    assertEquals(List.of(), first.parents());
    assertTrue(first.snippet().startsWith("Edit the config file."), first.snippet());
  }

  @Test
  void several_passages_each_under_its_nearest_heading_in_page_order() throws Exception {
    Hit hit = hit("widget", 3);
    List<Section> passages = hit.passages();
    assertEquals(3, passages.size(), passages.toString());
    for (Section p : passages) assertTrue(p.snippet().contains("<mark>"), p.snippet());
    List<String> headings = passages.stream().map(Section::heading).toList();
    assertEquals(headings.stream().distinct().count(), headings.size(), "one per passage");
    assertTrue(
        List.of("On Linux", "Apt sources", "Troubleshooting").containsAll(headings),
        headings.toString());
    assertEquals(
        headings.indexOf("Troubleshooting"), headings.size() - 1, "page order: " + headings);
  }

  @Test
  void a_passage_above_the_first_heading_has_none() throws Exception {
    Hit hit = hit("opening guide", 2);
    Section top = hit.passages().getFirst();
    assertNull(top.heading());
    assertEquals("/guide/", top.url());
    assertTrue(top.link().startsWith("/guide/#:~:text="), top.link());
  }

  @Test
  void sections_zero_lists_none() throws Exception {
    List<Hit> hits =
        index.hits(
            RankingSettings.DEFAULTS,
            SearchRequest.of("apt sources").withExcerpts(new Excerpts(1, 0)));
    assertEquals(List.of(), hits.getFirst().sections());
    assertEquals(1, hit("apt sources", 1).sections().size() > 0 ? 1 : 0);
  }

  @Test
  void a_page_without_headings_lists_no_sections_but_its_passages_when_asked() throws Exception {
    try (var plain =
        TinyIndex.of(
            page("plain", "Plain page")
                .body(
                    "The widget is small.\n\n"
                        + "Other words fill the page between the two mentions. ".repeat(10)
                        + "\n\nA widget again, far below."))) {
      Hit one = plain.hits(RankingSettings.DEFAULTS, SearchRequest.of("widget")).getFirst();
      assertEquals(List.of(), one.sections());
      assertEquals(List.of(), one.passages());
      Hit two =
          plain
              .hits(RankingSettings.DEFAULTS, SearchRequest.of("widget").withSnippets(2))
              .getFirst();
      assertEquals(2, two.passages().size(), two.passages().toString());
      assertNull(two.passages().getFirst().heading());
      assertTrue(two.passages().get(1).snippet().contains("<mark>widget</mark>"));
    }
  }

  @Test
  void text_fragments_encode_the_directives_own_signs() {
    assertEquals("a%2Db%2C%20c%26d%20%C3%A9", TextFragment.encode("a-b, c&d é"));
    assertEquals("/p/#x:~:text=w", TextFragment.link("/p/#x", "w"));
    assertEquals("/p/", TextFragment.link("/p/", ""));
    assertEquals("caf%C3%A9-au-lait", TextFragment.fragment("café-au-lait"));
    String text = "Use apt install widget. Then more";
    assertEquals("apt install widget", TextFragment.words(text, 4, 7));
  }
}
