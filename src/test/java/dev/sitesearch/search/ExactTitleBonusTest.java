package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page whose title is the query comes first, however the query is cased, accented or punctuated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactTitleBonusTest {
  private static final ExactTitleBonus ON = new ExactTitleBonus(1000);
  private static final ExactTitleBonus OFF = new ExactTitleBonus(0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("mentions", "Monitoring remote sites for patient safety")
              .body(
                  "Remote patient monitoring, remote patient monitoring and remote patient monitoring again."),
          page("exact", "Remote Patient Monitoring").body("An overview of the field."),
          page("billing", "Billing").body("Billing for remote work."));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "remote patient monitoring",
        "REMOTE Patient-Monitoring!",
        "rémote pátient monitoring"
      })
  void the_page_titled_as_typed_comes_first(String q) throws Exception {
    assertEquals("exact", index.ids(index.withBonus(q, ON)).get(0));
    assertEquals(
        "mentions",
        index.ids(index.withBonus(q, OFF)).get(0),
        "without the bonus, occurrences win");
  }

  @Test
  void not_when_the_query_excludes_something() throws Exception {
    assertEquals(
        "mentions", index.ids(index.withBonus("remote patient monitoring -billing", ON)).get(0));
  }

  @Test
  void not_for_part_of_a_title() throws Exception {
    assertEquals("mentions", index.ids(index.withBonus("remote patient", ON)).get(0));
  }
}
