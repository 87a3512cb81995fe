package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Query words found next to each other (or within the slop) earn a bonus over the same words
 * scattered; not for queries of more than five words. The pages hold the same words, as many times,
 * in different orders, so without the bonus they score alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProximityBonusTest {
  private static final ProximityBonus ON = new ProximityBonus(TinyIndex.FIELDS, 0.3f, 3);
  private static final ProximityBonus OFF = new ProximityBonus(TinyIndex.FIELDS, 0, 3);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("scattered", "Notes")
              .body(
                  "chronic pain is hard and good care takes time while management of a ward "
                      + "is a craft"),
          page("near", "Notes")
              .body(
                  "chronic and good care is hard while management takes time of a ward is pain "
                      + "a craft"),
          page("adjacent", "Notes")
              .body(
                  "chronic care management takes time while pain is hard and good of a ward "
                      + "is a craft"));

  @Test
  void adjacent_words_beat_words_near_each_other_which_beat_scattered_ones() throws Exception {
    String q = "chronic care management";

    assertEquals(List.of("adjacent", "near", "scattered"), index.ids(index.withBonus(q, ON)));
    Map<String, Float> off = index.scores(index.withBonus(q, OFF));
    assertEquals(
        off.get("adjacent"),
        off.get("scattered"),
        "without the bonus the word order does not count");
    assertEquals(off.get("near"), off.get("scattered"));
  }

  @Test
  void five_words_still_earn_it_six_do_not() throws Exception {
    Map<String, Float> five =
        index.scores(index.withBonus("chronic care management takes time", ON));
    Map<String, Float> six =
        index.scores(index.withBonus("chronic care management takes time craft", ON));

    assertTrue(five.get("adjacent") > five.get("scattered"), five.toString());
    assertEquals(
        six.get("adjacent"), six.get("scattered"), "a long question rewards chance neighbours");
  }

  @Test
  void the_pair_counts_alike_in_every_field_for_any_query() throws Exception {
    try (var fields =
        TinyIndex.of(
            page("titled", "Care management").body("notes of a ward"),
            page("bodied", "Notes of a ward").body("care management"))) {
      Map<String, Float> shortOn = fields.scores(fields.withBonus("care management", ON));
      Map<String, Float> shortOff = fields.scores(fields.withBonus("care management", OFF));
      float shortRatio =
          (shortOn.get("titled") - shortOff.get("titled"))
              / (shortOn.get("bodied") - shortOff.get("bodied"));

      String longer = "care management notes ward";
      Map<String, Float> longOn = fields.scores(fields.withBonus(longer, ON));
      Map<String, Float> longOff = fields.scores(fields.withBonus(longer, OFF));
      float longRatio =
          (longOn.get("titled") - longOff.get("titled"))
              / (longOn.get("bodied") - longOff.get("bodied"));

      // Not the title's weight (3) against the body's (1): the words' own scores carry it, and a
      // short query's title words have their own bonuses.
      assertTrue(
          shortRatio < 1.5 * longRatio && longRatio < 1.5 * shortRatio,
          "title against body, short query " + shortRatio + ", longer query " + longRatio);
    }
  }
}
