package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pages holding all of a short query's words come before pages with fewer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TierBonusTest {
  private static final TierBonus ON = new TierBonus(100);
  private static final TierBonus OFF = new TierBonus(0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("many", "Solar battery")
              .body("Solar battery, solar battery: the solar battery again."),
          page("all", "Home energy")
              .body(
                  "A solar roof, a battery in the garage and an inverter on the wall, among "
                      + "the many other things people fit to their houses these days."),
          page("cable", "Gardening")
              .body("Nothing about energy here, only a garden hose and an extension cable."));

  @Test
  void a_page_with_all_three_words_comes_before_one_with_more_of_two() throws Exception {
    String q = "solar battery inverter";

    assertEquals(List.of("all", "many"), index.ids(index.withBonus(q, ON)));
    assertEquals(
        List.of("many", "all"),
        index.ids(index.withBonus(q, OFF)),
        "without tiers, occurrences win");
  }

  @Test
  void a_query_of_more_than_three_words_has_no_tiers() {
    String q = "solar battery inverter cable"; // every word on some page, none on all

    assertEquals(4, index.words(q).matching().size());
    assertEquals(
        List.of(),
        ON.clauses(index.words(q), UserQueryParser.parse(q)),
        "some of the words would count a common word like a rare one");
  }

  @Test
  void a_one_word_query_has_no_tiers() {
    assertEquals(List.of(), ON.clauses(index.words("solar"), UserQueryParser.parse("solar")));
  }
}
