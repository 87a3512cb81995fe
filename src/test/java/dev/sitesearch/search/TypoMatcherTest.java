package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.config.RankingSettings;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A word no page has matches the site's words one edit away from 5 letters, two from 9; letters
 * only, and never a word some page has. The word it stands for is searched as any word is, stemmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypoMatcherTest {
  private static final RankingSettings TYPOS = TinyIndex.BARE.with(s -> s.typos = true);
  private static final RankingSettings NO_TYPOS = TinyIndex.BARE;

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("diabetes", "Diabetes education").body("Diabetes education in clinics."),
          page("foot", "Foot care").body("Care for a diabetic foot."),
          page("nurse", "Staff").body("Ask the nurse."),
          page("fhir", "Standards").body("FHIR in short."),
          page("interop", "Exchange").body("Interoperability between systems."),
          page("hospital", "Wards").body("The hospital wing."),
          page("form", "Forms").body("Fill in form 12345."),
          page("bread", "Kitchen").body("Fresh bread."),
          page("break", "Rest").body("Take a break."));

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "nurze, nurse", // 5 letters, one edit
        "fhri, none", // 4 letters: no typo allowed
        "hozpital, hospital", // 8 letters, one edit
        "hozpitel, none", // 8 letters, two edits: too many under 9 letters
        "interoparabilaty, interop", // 16 letters, two edits
        "12346, none", // digits: a number or a code is never a typo
      })
  void one_edit_from_five_letters_two_from_nine_letters_only(String typed, String found)
      throws Exception {
    assertEquals(found == null ? List.of() : List.of(found), index.ids(TYPOS, typed));
    assertEquals(List.of(), index.ids(NO_TYPOS, typed));
  }

  @Test
  void a_word_some_page_has_is_never_taken_for_a_typo() throws Exception {
    assertEquals(List.of("bread"), index.ids(TYPOS, "bread"), "not 'break', one edit away");
    assertEquals(List.of(), index.plan(TYPOS, SearchRequest.of("bread")).typoMatched());
  }

  @Test
  void the_word_meant_is_searched_stemmed_and_the_typo_is_reported() throws Exception {
    assertEquals(
        List.of("diabetes", "foot"),
        index.ids(TYPOS, "diabtes"),
        "'diabetes' stems as 'diabetic' does");
    assertEquals(
        List.of("diabtes"), index.plan(TYPOS, SearchRequest.of("diabtes education")).typoMatched());
    assertEquals(List.of(), index.ids(NO_TYPOS, "diabtes"));
  }
}
