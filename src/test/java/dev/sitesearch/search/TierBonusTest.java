package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pages holding all of a short query's words (three quarters of a long one's) come before pages
 * with fewer.
 */
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

  @ParameterizedTest(name = "{0} words need {1}")
  @CsvSource({"1, 1", "2, 2", "3, 3", "4, 3", "5, 4", "8, 6"})
  void all_of_up_to_three_words_then_three_quarters(int words, int required) {
    assertEquals(required, TierBonus.required(words));
  }

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
  void three_of_four_words_are_enough_for_the_tier() throws Exception {
    String q = "solar battery inverter cable"; // every word on some page, none on all

    assertEquals(4, index.words(q).matching().size());
    assertEquals(List.of("all", "many", "cable"), index.ids(index.withBonus(q, ON)));
    assertEquals(List.of("many", "all", "cable"), index.ids(index.withBonus(q, OFF)));
  }

  @Test
  void a_one_word_query_has_no_tiers() {
    assertEquals(List.of(), ON.clauses(index.words("solar"), UserQueryParser.parse("solar")));
  }
}
