package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.FIELDS;
import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A word of a short query in a page's title counts again however often bodies repeat it: a page
 * titled with the query's rare word comes before one whose body repeats the words side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleWordsBonusTest {
  private static final TitleWordsBonus ON = new TitleWordsBonus(FIELDS, 0.5f);
  private static final TitleWordsBonus OFF = new TitleWordsBonus(FIELDS, 0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("titled", "Exponential histograms")
              .body(
                  "Buckets that grow exponentially keep their scale for latencies and sizes,"
                      + " recorded by any instrument of the kind; the histogram is exact."),
          page("passing", "Client libraries compared")
              .body(
                  "A histogram instrument, a counter instrument: each histogram instrument"
                      + " takes buckets."),
          page("gauges", "Gauges").body("A gauge instrument reads a value."),
          page("counters", "Counters").body("A counter instrument adds up."));

  /** The words, the proximity bonus as shipped, and {@code bonus}. */
  private Query ranked(String q, Bonus bonus) {
    var proximity = new ProximityBonus(FIELDS, 0.3f, 3);
    var query = new BooleanQuery.Builder().add(index.withBonus(q, bonus), Occur.MUST);
    proximity
        .clauses(index.words(q), UserQueryParser.parse(q))
        .forEach(c -> query.add(c, Occur.SHOULD));
    return query.build();
  }

  @Test
  void the_page_titled_with_the_rare_word_comes_first() throws Exception {
    String q = "histogram instrument";

    assertEquals("titled", index.ids(ranked(q, ON)).get(0));
    assertEquals(
        "passing",
        index.ids(ranked(q, OFF)).get(0),
        "without the bonus, the words side by side in a body win");
  }

  @Test
  void not_for_a_long_question() {
    String q = "which histogram instrument records latencies in buckets";

    assertEquals(List.of(), ON.clauses(index.words(q), UserQueryParser.parse(q)));
  }
}
