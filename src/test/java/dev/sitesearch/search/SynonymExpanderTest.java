package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.RankingSettings.Synonyms;
import dev.sitesearch.testing.Seed;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Query-time synonyms (the bundled list: "ccm, chronic care management", …), searched through the
 * planner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynonymExpanderTest {
  private static final RankingSettings SYNONYMS =
      TinyIndex.BARE.with(s -> s.synonyms = Seed.SYNONYMS);
  private static final RankingSettings NO_SYNONYMS = TinyIndex.BARE;

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("abbrev", "CCM checklist").body("The CCM enrollment checklist."),
          page("longform", "Program guide").body("Starting a chronic care management program."),
          page("scattered", "Ward notes").body("Management of a ward: chronic pain needs care."),
          page("chronic-care", "Chronic care").body("Chronic care at home."));

  @Test
  void a_multi_word_group_works_both_ways() throws Exception {
    assertEquals(List.of("abbrev", "longform"), sorted(index.ids(SYNONYMS, "ccm")));
    assertEquals(List.of("abbrev"), index.ids(NO_SYNONYMS, "ccm"));
    assertTrue(index.ids(SYNONYMS, "chronic care management").contains("abbrev"));
    assertFalse(index.ids(NO_SYNONYMS, "chronic care management").contains("abbrev"));
  }

  @Test
  void the_words_as_typed_still_match_apart_and_in_any_order() throws Exception {
    List<String> ids = index.ids(SYNONYMS, "chronic care management");

    assertTrue(ids.containsAll(List.of("longform", "scattered")), ids.toString());
  }

  @Test
  void a_quoted_phrase_is_left_as_typed() throws Exception {
    UserQuery expanded =
        SynonymExpander.of(Seed.SYNONYMS).expand(UserQueryParser.parse("\"ccm\" checklist"));

    assertEquals(new UserQuery.Phrase("ccm"), expanded.include().get(0));
    assertEquals(List.of("abbrev"), index.ids(SYNONYMS, "\"ccm\""));
  }

  @Test
  void none_changes_nothing() throws Exception {
    UserQuery q = UserQueryParser.parse("ccm chronic care management");

    assertSame(SynonymExpander.NONE, SynonymExpander.of(Synonyms.NONE));
    assertSame(q, SynonymExpander.NONE.expand(q));
  }

  @Test
  void a_synonym_whose_words_the_site_lacks_in_part_still_finds_the_other_words() throws Exception {
    try (var site =
        TinyIndex.of(page("chronic-care", "Chronic care").body("Chronic care at home."))) {
      assertEquals(List.of("chronic-care"), site.ids(NO_SYNONYMS, "chronic care management"));
      assertEquals(
          List.of("chronic-care"),
          site.ids(SYNONYMS, "chronic care management"),
          "no page says 'management' (nor 'ccm'): the other words still match, as without synonyms");
      assertEquals(
          List.of("chronic-care"), site.ids(RankingSettings.DEFAULTS, "chronic care management"));
    }
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }
}
