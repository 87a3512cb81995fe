package dev.sitesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local ranking's stages as the SolrCloud engine translates them ({@link SolrRanking}), each on
 * a tiny collection of the real cluster ({@link SolrCloudHarness}) with the pages of the local
 * stage's own test: with the stage on (and every other one off) the page it is for comes first;
 * with it off, another.
 */
class SolrRankingTest {
  @TempDir Path tmp;

  private static final RankingSettings WORDS = RankingSettings.WORDS_ONLY;

  /** A site of {@code pages} (file name, front matter, body) on its own collection. */
  private Assembly site(String collection, String... pages) throws IOException {
    return site(collection, 1, pages);
  }

  private Assembly site(String collection, int shards, String... pages) throws IOException {
    Path content = tmp.resolve(collection);
    for (int i = 0; i < pages.length; i += 3)
      ContentFiles.page(content, pages[i], pages[i + 1], pages[i + 2]);
    var engine = EngineSettings.solrCloud(SolrCloudHarness.shared().nodes(), collection, shards, 1);
    var config =
        TestAssembly.of(content, tmp.resolve("unused"))
            .config()
            .withRanking(WORDS)
            .withEngine(engine);
    Assembly solr = TestAssembly.of(content, tmp.resolve("unused")).withConfig(config);
    solr.solrIndexer(false).run(true);
    return solr;
  }

  private static List<Hit> hits(Assembly site, RankingSettings ranking, String q)
      throws IOException {
    Assembly ranked = site.withConfig(site.config().withRanking(ranking));
    return ranked.solrEngine().search(SearchRequest.of(q)).hits();
  }

  private static List<String> titles(Assembly site, RankingSettings ranking, String q)
      throws IOException {
    return hits(site, ranking, q).stream().map(Hit::title).toList();
  }

  private static Map<String, Float> scores(Assembly site, RankingSettings ranking, String q)
      throws IOException {
    var out = new LinkedHashMap<String, Float>();
    for (Hit h : hits(site, ranking, q)) out.put(h.title(), h.score());
    return out;
  }

  private static RankingSettings words(Consumer<RankingSettings.Changes> change) {
    return WORDS.with(change);
  }

  @Test
  void a_word_in_the_title_counts_as_its_weight_in_occurrences_bm25f() throws Exception {
    // Title weight 3: "alpha" once in a title of two words and a body of three is, to BM25F, the
    // word three times in a page as long: the two pages score alike. Each field scored apart (the
    // best field, as edismax's qf over the fields) they do not.
    Assembly site =
        site(
            "bm25f",
            "titled.md",
            "title: Alpha zeta",
            "one two three",
            "bodied.md",
            "title: Beta zeta",
            "alpha alpha alpha",
            "other.md",
            "title: Gamma zeta",
            "four five six");

    Map<String, Float> bm25f = scores(site, WORDS, "alpha");
    Map<String, Float> perField = scores(site, words(s -> s.bm25f = false), "alpha");

    assertEquals(bm25f.get("Alpha zeta"), bm25f.get("Beta zeta"), 1e-6f, bm25f::toString);
    assertNotEquals(
        perField.get("Alpha zeta"), perField.get("Beta zeta"), 1e-3f, perField::toString);
  }

  @Test
  void a_word_written_twice_counts_twice_as_locally() throws Exception {
    // A long question repeats its words; the local engine scores each clause, so a repeated word
    // weighs double (on CISI's questions dropping the repeats cost 0.05 nDCG@10).
    Assembly site =
        site(
            "repeated",
            "a.md",
            "title: One",
            "alpha gamma",
            "b.md",
            "title: Two",
            "beta gamma",
            "c.md",
            "title: Three",
            "delta epsilon");

    Map<String, Float> once = scores(site, WORDS, "alpha beta");
    Map<String, Float> twice = scores(site, WORDS, "alpha beta alpha");

    assertEquals(once.get("One"), once.get("Two"), 1e-6f, once::toString);
    assertEquals(2 * twice.get("Two"), twice.get("One"), 1e-5f, twice::toString);
  }

  @Test
  void a_compound_is_one_word_and_a_code_a_phrase_as_locally() throws Exception {
    Assembly site =
        site(
            "compounds",
            "closed.md",
            "title: Inbox",
            "Send an email to the ward.",
            "part.md",
            "title: Post",
            "The mail arrives at noon.",
            "code.md",
            "title: Ward",
            "Covid-19 cases on the ward.",
            "apart.md",
            "title: Beds",
            "19 beds; covid cases elsewhere.");

    assertEquals(
        java.util.Set.of("Inbox", "Post"),
        java.util.Set.copyOf(titles(site, WORDS, "e-mail")),
        "the closed form counts as the word, and so does its one part of more than a letter");
    assertEquals(List.of("Ward"), titles(site, WORDS, "covid-19"), "a code matches as a phrase");
    assertEquals(
        List.of("Ward"),
        titles(site, WORDS, "ward -e-mail"),
        "an excluded compound takes out the compound, closed form included");
  }

  @Test
  void the_page_titled_as_typed_comes_first() throws Exception {
    Assembly site =
        site(
            "exact_title",
            "mentions.md",
            "title: Monitoring remote sites for patient safety",
            "Remote patient monitoring, remote patient monitoring and remote patient monitoring"
                + " again.",
            "exact.md",
            "title: Remote Patient Monitoring",
            "An overview of the field.",
            "billing.md",
            "title: Billing",
            "Billing for remote work.");
    String q = "REMOTE Patient-Monitoring!";

    assertEquals(
        "Remote Patient Monitoring", titles(site, words(s -> s.exactTitleBoost = 1000), q).get(0));
    assertEquals(
        "Monitoring remote sites for patient safety",
        titles(site, WORDS, q).get(0),
        "without the bonus, occurrences win");
    assertEquals(
        "Monitoring remote sites for patient safety",
        titles(site, words(s -> s.exactTitleBoost = 1000), q + " -billing").get(0),
        "not for a query that excludes something");
  }

  @Test
  void the_page_with_the_heading_as_typed_comes_first() throws Exception {
    Assembly site =
        site(
            "exact_heading",
            "mentions.md",
            "title: Tuning the server",
            "Cache invalidation rules, cache invalidation hooks and cache invalidation again, with"
                + " more cache invalidation.",
            "heading.md",
            "title: Operations guide",
            "Intro.\n\n## Backups\n\nCopy the files.\n\n## Cache Invalidation\n\n"
                + "Purge the CDN when a page changes.",
            "other.md",
            "title: Billing",
            "Billing and invoices.");

    assertEquals(
        "Operations guide",
        titles(site, words(s -> s.exactHeadingBoost = 300), "cäche invalidation").get(0));
    assertEquals("Tuning the server", titles(site, WORDS, "cäche invalidation").get(0));
  }

  @Test
  void a_page_with_all_three_words_comes_before_one_with_more_of_two() throws Exception {
    Assembly site =
        site(
            "tiers",
            "many.md",
            "title: Solar battery",
            "Solar battery, solar battery: the solar battery again.",
            "all.md",
            "title: Home energy",
            "A solar roof, a battery in the garage and an inverter on the wall, among the many"
                + " other things people fit to their houses these days.",
            "cable.md",
            "title: Gardening",
            "Nothing about energy here, only a garden hose and an extension cable.");
    String q = "solar battery inverter";

    assertEquals(
        List.of("Home energy", "Solar battery"), titles(site, words(s -> s.tierBoost = 100), q));
    assertEquals(List.of("Solar battery", "Home energy"), titles(site, WORDS, q));
    assertEquals(
        titles(site, WORDS, q + " garden"),
        titles(site, words(s -> s.tierBoost = 100), q + " garden"),
        "no tiers over four words");
  }

  @Test
  void the_page_described_with_both_words_comes_first() throws Exception {
    Assembly site =
        site(
            "summary_tier",
            "mentions.md",
            "title: Migrating from version one",
            "Slack notifications were set up by hand. Slack notifications now come from the"
                + " controller; slack notifications need a new token.",
            "about.md",
            "title: Alerts\ndescription: Send alerts to Slack, Teams and others with the"
                + " notification service",
            "Create a provider, then an alert that names it.",
            "split.md",
            "title: Slack\ndescription: A chat service",
            "Notifications can be sent there.",
            "other.md",
            "title: Billing",
            "Invoices and notifications about them.");
    String q = "slack notifications";

    assertEquals("Alerts", titles(site, words(s -> s.summaryTierBoost = 500), q).get(0));
    assertEquals(
        List.of("Slack", "Migrating from version one"), titles(site, WORDS, q).subList(0, 2));
  }

  @Test
  void the_page_titled_with_the_rare_word_comes_first() throws Exception {
    Assembly site =
        site(
            "title_words",
            "titled.md",
            "title: Exponential histograms",
            "Buckets that grow exponentially keep their scale for latencies and sizes, recorded"
                + " by any instrument of the kind; the histogram is exact.",
            "passing.md",
            "title: Client libraries compared",
            "A histogram instrument, a counter instrument: each histogram instrument takes"
                + " buckets.",
            "gauges.md",
            "title: Gauges",
            "A gauge instrument reads a value.",
            "counters.md",
            "title: Counters",
            "A counter instrument adds up.");
    String q = "histogram instrument";
    RankingSettings proximity = words(s -> s.proximity = RankingSettings.DEFAULTS.proximity());

    assertEquals(
        "Exponential histograms",
        titles(site, proximity.with(s -> s.titleWordsWeight = 0.5f), q).get(0));
    assertEquals("Client libraries compared", titles(site, proximity, q).get(0));
  }

  @Test
  void adjacent_words_beat_words_near_each_other_which_beat_scattered_ones() throws Exception {
    Assembly site =
        site(
            "proximity",
            "scattered.md",
            "title: Notes one",
            "chronic pain is hard and good care takes time while management of a ward is a craft",
            "near.md",
            "title: Notes two",
            "chronic and good care is hard while management takes time of a ward is pain a craft",
            "adjacent.md",
            "title: Notes six",
            "chronic care management takes time while pain is hard and good of a ward is a craft");
    String q = "chronic care management";

    assertEquals(
        List.of("Notes six", "Notes two", "Notes one"),
        titles(site, words(s -> s.proximity = RankingSettings.DEFAULTS.proximity()), q));
    Map<String, Float> off = scores(site, WORDS, q);
    assertEquals(off.get("Notes six"), off.get("Notes one"), "without it, order does not count");
    assertEquals(off.get("Notes two"), off.get("Notes one"));
  }

  private static final String QUESTION =
      "how do rural clinics start remote monitoring programs for chronic patients";
  private static final String NEWS =
      "Rural clinics start remote monitoring programs for chronic patients; broadband grants,"
          + " broadband towers, broadband speeds.";

  @Test
  void a_question_finds_a_page_that_shares_only_the_best_answers_words() throws Exception {
    // Two shards: the pages holding each word are counted over the whole collection.
    Assembly site =
        site(
            "feedback",
            2,
            "news1.md",
            "title: Rural report",
            NEWS,
            "news2.md",
            "title: Rural roundup",
            NEWS,
            "news3.md",
            "title: Rural digest",
            NEWS,
            "odd.md",
            "title: Remote monitoring",
            "Remote monitoring programs for chronic patients, by zeppelin, zeppelin.",
            "zeppelin.md",
            "title: Airships",
            "Zeppelin flights and zeppelin hangars.",
            "broadband.md",
            "title: Towers",
            "Broadband towers and broadband speeds, broadband grants, by satellite.",
            "other.md",
            "title: Billing",
            "Invoices and payments.");
    RankingSettings feedback = words(s -> s.feedbackWeight = 0.3f);

    List<String> on = titles(site, feedback, QUESTION);

    assertTrue(on.contains("Towers"), "the best answers talk of broadband: " + on);
    assertFalse(on.contains("Airships"), "only one of them talks of zeppelins: " + on);
    assertFalse(titles(site, WORDS, QUESTION).contains("Towers"), "without feedback");
    assertFalse(
        titles(site, feedback, QUESTION + " -satellite").contains("Towers"),
        "an excluded word keeps its pages out of the expansion too");
    assertEquals(
        titles(site, WORDS, "rural clinics remote monitoring programs"),
        titles(site, feedback, "rural clinics remote monitoring programs"),
        "five content words: left alone");
    var towers =
        hits(site, feedback, QUESTION).stream()
            .filter(h -> h.title().equals("Towers"))
            .findFirst()
            .orElseThrow();
    assertFalse(
        String.valueOf(towers.snippet()).contains("<mark>"),
        "the added words are not the visitor's: not highlighted: " + towers.snippet());
  }

  @Test
  void recency_breaks_ties_between_the_words_and_leaves_the_bonuses_whole() throws Exception {
    Assembly site =
        site(
            "recency",
            "old.md",
            "title: Old notes\ndate: 2010-01-01",
            "solar battery inverter checks",
            "new.md",
            "title: New notes\ndate: " + java.time.LocalDate.now(java.time.ZoneOffset.UTC),
            "solar battery inverter checks",
            "other.md",
            "title: Gardening",
            "a garden hose and an extension cable");
    String q = "solar battery";
    RankingSettings tiers = words(s -> s.tierBoost = 100);
    RankingSettings recent = tiers.with(s -> s.recency = RankingSettings.DEFAULTS.recency());

    Map<String, Float> without = scores(site, tiers, q);
    Map<String, Float> with = scores(site, recent, q);

    assertEquals(without.get("Old notes"), without.get("New notes"), 1e-4f, without::toString);
    assertEquals(List.of("New notes", "Old notes"), titles(site, recent, q));
    var r = RankingSettings.DEFAULTS.recency();
    double ageDays =
        java.time.Duration.between(
                java.time.Instant.parse("2010-01-01T00:00:00Z"), java.time.Instant.now())
            .toDays();
    double factor = 1 - r.weight() * (1 - Math.pow(0.5, ageDays / r.halfLifeDays()));
    assertEquals(
        factor * (without.get("Old notes") - 100),
        with.get("Old notes") - 100,
        1e-3,
        "the words' relevance times the factor, plus the whole tier bonus: " + with);
    assertEquals(
        List.of("New notes", "Old notes"),
        titles(site, RankingSettings.DEFAULTS, q),
        "with every stage (the proximity pair is a nested query beside the divided bonuses)");
  }
}
