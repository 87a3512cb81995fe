package dev.sitesearch.bench;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.bench.RelevanceBenchmark.Collections;
import dev.sitesearch.bench.RelevanceBenchmark.Metrics;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.solr.SolrCloudHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ranking difference between the engines on the shared relevance collections: each collection
 * indexed by both indexers with the shipped defaults (the local index folder, and a collection on
 * the test cluster of {@link SolrCloudHarness}), every query through each engine's {@code search},
 * nDCG@10 / MAP / Recall@100 side by side, and how many queries each engine ranks better; the
 * SolrCloud engine with each step of its ranking added in turn, and what each costs a query.
 */
@Tag("benchmark")
class SolrRelevanceBenchmark {
  @ParameterizedTest
  @ValueSource(strings = {"med", "cisi", "cacm", "adi"})
  void rank_a_collection_on_both_engines(String name) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getProperty("bench.collections", name).contains(name), "not asked for");
    Path collection = RelevanceBenchmark.relevanceDir().resolve(name);
    Path work = Path.of("target", "relevance", name).toAbsolutePath();
    Path content = RelevanceBenchmark.converted(collection, work);
    Map<String, String> queries = Collections.queries(collection.resolve("queries.tsv"));
    Map<String, Map<String, Integer>> qrels = Collections.qrels(collection.resolve("qrels.txt"));

    var config = SitesearchConfig.defaults();
    var local = new Assembly(config, content, work.resolve("engines-index"), Clock.systemUTC(), 2);
    local.indexer(false).run(true, dev.sitesearch.index.Indexer.Progress.NONE);
    Map<String, List<String>> lucene;
    try (var search = OpenedIndex.of(work.resolve("engines-index"))) {
      lucene = RelevanceBenchmark.run(search, queries);
    }
    var engine =
        EngineSettings.solrCloud(SolrCloudHarness.shared().nodes(), "relevance_" + name, 1, 1);
    // No time limit in the way of a long query (the local run has none either): 30 s.
    var server = config.server();
    Assembly solr =
        local.withConfig(
            config
                .withEngine(engine)
                .withServer(
                    server.withLimits(
                        server.limits().withSearchTimeout(java.time.Duration.ofSeconds(30)))));
    solr.solrIndexer(false).run(true);
    // The Solr ranking's steps (SolrRanking, SolrFeedback), each measured alone: the words'
    // BM25F; with the bonuses; with feedback too (the shipped defaults). Timed after a first,
    // untimed pass, on a machine shared with the other runs: for comparison only.
    var steps = new java.util.LinkedHashMap<String, RankingSettings>();
    steps.put("BM25F words only", RankingSettings.WORDS_ONLY);
    steps.put("+ bonuses", config.ranking().with(s -> s.feedbackWeight = 0));
    steps.put("+ feedback (defaults)", config.ranking());
    RelevanceBenchmark.run(solr.solrEngine()::search, queries);
    var luceneScores = Metrics.perQuery(lucene, qrels);
    BenchCorpus.print("%s: %d queries; nDCG@10 / MAP / Recall@100", name, qrels.size());
    BenchCorpus.print("%s  local Lucene engine: %s", name, Metrics.mean(luceneScores));
    for (var step : steps.entrySet()) {
      Assembly ranked = solr.withConfig(solr.config().withRanking(step.getValue()));
      long start = System.nanoTime();
      Map<String, List<String>> solrRuns =
          RelevanceBenchmark.run(ranked.solrEngine()::search, queries);
      double msPerQuery = (System.nanoTime() - start) / 1e6 / queries.size();
      var solrScores = Metrics.perQuery(solrRuns, qrels);
      BenchCorpus.print(
          "%s  SolrCloud engine, %s: %s; %.1f ms a query",
          name, step.getKey(), Metrics.mean(solrScores), msPerQuery);
      BenchCorpus.print(
          "%s    per query vs local (nDCG@10, |diff| > 0.01): %s",
          name, Metrics.winsAndLosses(solrScores, luceneScores));
    }
  }
}
