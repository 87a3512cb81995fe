package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editors' pins come first in the order given and their hides never show, for the query however it
 * is typed, within the visitor's filters, and only in the relevance order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurationTest {
  private static final Curation CURATED =
      new Curation(
          Map.of("CCM Checklist!", List.of("pinned", "longform")),
          Map.of("ccm checklist", List.of("abbrev")));
  private static final Curation NONE = new Curation(Map.of(), Map.of());

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("abbrev", "CCM checklist").body("The CCM enrollment checklist.").date("2021-03-01"),
          page("longform", "Program guide")
              .body("Starting a chronic care management program, with a checklist.")
              .date("2021-06-01"),
          page("billing", "Billing").body("A billing checklist.").date("2021-09-01"),
          page("pinned", "Unrelated page")
              .body("Nothing about the topic at all.")
              .date("2018-01-01"));

  /** The pages the request finds within its filters, with the stage applied. */
  private List<String> ids(Curation stage, SearchRequest request) throws IOException {
    RankingStage.Context context = index.context(request, TinyIndex.NOW);
    return index.ids(
        context.filters().apply(stage.apply(TinyIndex.anyWord(context.words()), context)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ccm checklist", "CCM Checklist!", "  Ccm  chécklist?? "})
  void pins_come_first_in_their_order_and_hides_never_show(String q) throws Exception {
    assertEquals(List.of("pinned", "longform", "billing"), ids(CURATED, SearchRequest.of(q)));
    assertEquals(List.of("abbrev", "billing", "longform"), ids(NONE, SearchRequest.of(q)));
  }

  @Test
  void a_pin_outside_the_filters_stays_out() throws Exception {
    var in2021 = SearchRequest.of("ccm checklist").withFilters(Map.of("year", List.of("2021")));

    assertEquals(List.of("longform", "billing"), ids(CURATED, in2021));
  }

  @Test
  void another_order_than_relevance_is_not_curated() throws Exception {
    var newest =
        new SearchRequest("ccm checklist", Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 10);
    RankingStage.Context context = index.context(newest, TinyIndex.NOW);
    Query query = TinyIndex.anyWord(context.words());

    assertSame(query, CURATED.apply(query, context));
  }

  @Test
  void another_query_is_not_curated() throws Exception {
    List<String> ids = ids(CURATED, SearchRequest.of("ccm checklists program"));

    assertEquals("abbrev", ids.get(0));
    assertFalse(ids.contains("pinned"));
  }

  @Test
  void a_query_excluding_a_word_is_not_the_query_without_the_minus() throws Exception {
    assertEquals(
        List.of(),
        ids(NONE, SearchRequest.of("ccm -checklist")),
        "every 'ccm' page says 'checklist'");
    assertEquals(
        List.of(),
        ids(CURATED, SearchRequest.of("ccm -checklist")),
        "not the pins of 'ccm checklist', nor 'longform', which says 'checklist'");
  }
}
