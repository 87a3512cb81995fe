package dev.sitesearch.search;

import static dev.sitesearch.search.TinyIndex.FIELDS;
import static dev.sitesearch.search.TinyIndex.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.config.RankingSettings;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A page whose title or description holds every word of a short query comes before pages that have
 * them only in their body, however often.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryTierBonusTest {
  private static final SummaryTierBonus ON = new SummaryTierBonus(FIELDS, 500);
  private static final SummaryTierBonus OFF = new SummaryTierBonus(FIELDS, 0);

  @AutoClose
  private final TinyIndex index =
      TinyIndex.of(
          page("mentions", "Migrating from version one")
              .body(
                  "Slack notifications were set up by hand. Slack notifications now come from"
                      + " the controller; slack notifications need a new token."),
          page("about", "Alerts")
              .description("Send alerts to Slack, Teams and others with the notification service")
              .body("Create a provider, then an alert that names it."),
          page("split", "Slack")
              .description("A chat service")
              .body("Notifications can be sent there."),
          page("other", "Billing").body("Invoices and notifications about them."));

  @Test
  void the_page_described_with_both_words_comes_first() throws Exception {
    String q = "slack notifications";

    assertEquals("about", index.ids(index.withBonus(q, ON)).get(0));
    assertEquals(
        List.of("split", "mentions"),
        index.ids(index.withBonus(q, OFF)).subList(0, 2),
        "without the bonus, a word in the title and occurrences in the body win");
  }

  @Test
  void one_word_in_the_title_and_the_other_only_in_the_body_is_not_enough() throws Exception {
    var ids = index.ids(index.withBonus("slack notifications", ON));

    assertEquals(List.of("about", "split"), ids.subList(0, 2), "split only gets its BM25F");
    assertEquals(
        0, ON.clauses(index.words("slack"), UserQueryParser.parse("slack")).size(), "one word");
  }

  @Test
  void a_page_about_the_query_comes_before_a_page_with_a_section_headed_so() throws Exception {
    try (var site =
        TinyIndex.of(
            page("section", "Tail sampling demo")
                .markdown(
                    "The demo samples traces.\n\n## Collector configuration\n\nThe collector"
                        + " configuration of the demo: the collector reads this configuration."),
            page("about", "Configuration")
                .description("Learn how to configure the Collector")
                .body("Receivers, processors and exporters are set in one file."))) {
      String q = "collector configuration";

      assertEquals("about", site.ids(RankingSettings.DEFAULTS, q).get(0));
      assertEquals(
          "section",
          site.ids(RankingSettings.DEFAULTS.with(s -> s.summaryTierBoost = 0), q).get(0),
          "without the summary tier, the exact heading wins");
    }
  }

  @Test
  void not_for_a_long_question() {
    String q = "how do slack notifications reach the billing team";

    assertEquals(List.of(), ON.clauses(index.words(q), UserQueryParser.parse(q)));
  }
}
