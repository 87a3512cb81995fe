package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import dev.sitesearch.testing.VisibleMarkup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small Hugo site with every construct that used to reach the snippets as raw syntax: shortcodes
 * (self-closing, paired, nested tabs, percent form, escaped), GitHub alerts, GFM tables, task
 * lists, heading and block attributes, raw HTML in bodies, descriptions and facet values, and front
 * matter written as Hugo allows (keys in any case, an empty key, Hugo's date forms). Indexed and
 * searched as {@code serve} does; what a visitor sees carries no markup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HugoSiteCleanTextTest {
  private OpenedIndex search;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    ContentFiles.page(
        content,
        "docs/shortcodes.md",
        "title: Configure the server\nTags: [Configuration]\nissue:\npublishdate: 15 Oct 2023",
        """
        Configure the lighthouse server with a file.

        {{< code-toggle file=hugo >}}
        lighthouse = "bright"
        {{< /code-toggle >}}

        {{% include "/_common/lighthouse-note.md" %}}

        {{< note >}}
        Restart the lighthouse server after each change.
        {{< /note >}}

        {{< tabs >}}
        {{< tab "Linux" >}}Install the lighthouse package.{{< /tab >}}
        {{< tab "macOS" >}}Install the lighthouse cask.{{< /tab >}}
        {{< /tabs >}}

        New in {{< new-in 0.120.0 />}} lighthouse releases.""");
    ContentFiles.page(
        content,
        "docs/alerts.md",
        "title: Lighthouse alerts\nauthor: '[Jane Doe](https://example.org/jane)'\n"
            + "Description: 'Alerts for the <b>lighthouse</b> keeper, see [the guide](/guide/).'",
        """
        ## Lighthouse keeper duties {#duties .wide}

        > [!NOTE]
        > The lighthouse keeper checks the lamp every night.

        > [!WARNING]+ Storms
        > The lighthouse closes in storms.

        The lighthouse log is kept daily.
        {.lead}""");
    ContentFiles.page(
        content,
        "docs/tables.md",
        "title: Lighthouse parts\ntags: ['<em>Parts</em>', Lamps]",
        """
        | Part | Lighthouse use |
        | :--- | ---: |
        | Lamp | lighthouse light |
        | Lens | lighthouse beam |

        - [ ] clean the lighthouse lens
        - [x] wind the lighthouse clock""");
    ContentFiles.page(
        content,
        "docs/html.md",
        "title: Lighthouse history\nDraft: false",
        """
        <div class="history"><p>The lighthouse was built in 1890 &amp; restored in 1990.</p></div>

        <!-- an editor's note about the lighthouse -->

        <script>trackLighthouse()</script>

        The old <span class="name">lighthouse</span> still stands.""");
    ContentFiles.page(
        content,
        "docs/writing-shortcodes.md",
        "title: Writing lighthouse shortcodes",
        """
        Call the lighthouse shortcode as {{</* lighthouse color="red" */>}} in a page.""");
    ContentFiles.page(content, "docs/draft.md", "title: Lighthouse draft\nDRAFT: true", "Draft.");
    search = OpenedIndex.of(TestAssembly.indexBeside(content));
  }

  @AfterAll
  void close() throws Exception {
    search.close();
  }

  private List<Hit> hits(String q) throws Exception {
    return search.search(SearchRequest.of(q).withSize(10)).hits();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"lighthouse", "lighthouse server", "keeper", "lamp lens", "restart", "install"})
  void no_snippet_description_or_facet_value_shows_markup(String q) throws Exception {
    List<Hit> hits = hits(q);
    assertTrue(!hits.isEmpty(), q);
    var seen = new ArrayList<String>();
    for (Hit hit : hits) {
      if (hit.id().equals("docs/writing-shortcodes.md")) continue; // shows a shortcode as text
      String shown =
          Hit.visibleText(hit.snippet() + " | " + hit.description()) + " | " + hit.fields();
      List<String> markup = VisibleMarkup.find(shown);
      if (!markup.isEmpty()) seen.add(hit.id() + " " + markup + ": " + shown);
    }
    assertEquals(List.of(), seen, q);
  }

  @Test
  void the_inner_text_of_paired_shortcodes_is_found() throws Exception {
    for (String q : List.of("restart", "cask", "bright")) {
      assertEquals("docs/shortcodes.md", hits(q).get(0).id(), q);
    }
  }

  @Test
  void an_escaped_shortcode_is_shown_as_written() throws Exception {
    Hit hit = hits("lighthouse shortcode color").get(0);

    assertEquals("docs/writing-shortcodes.md", hit.id());
    assertTrue(
        Hit.visibleText(hit.snippet()).contains("{{< lighthouse color=\"red\" >}}"), hit.snippet());
  }

  @Test
  void descriptions_and_facet_values_are_text_and_keys_are_read_in_any_case() throws Exception {
    var response = search.search(SearchRequest.of("lighthouse").withSize(10));
    Map<String, Hit> byId = new HashMap<>();
    response.hits().forEach(h -> byId.put(h.id(), h));

    assertEquals(
        "Alerts for the lighthouse keeper, see the guide.",
        byId.get("docs/alerts.md").description());
    assertTrue(!byId.containsKey("docs/draft.md"), "DRAFT: true is a draft");
    assertEquals(
        List.of("Configuration", "Lamps", "Parts"),
        response.facets().get("tags").stream()
            .map(SearchResponse.FacetValue::value)
            .sorted()
            .toList());
    assertEquals(
        List.of("Jane Doe"),
        response.facets().get("author").stream().map(SearchResponse.FacetValue::value).toList());
  }
}
