package dev.sitesearch.bench;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.config.RankingSettings.Proximity;
import dev.sitesearch.config.RankingSettings.Recency;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.config.Stemmer;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.OpenedIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SortOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ranking quality on the public test collections in {@code ../shared/relevance}: each collection
 * becomes Markdown content (the shared {@code collection_to_content.py}), is indexed by our indexer
 * with the shipped defaults, and every query runs through {@link
 * dev.sitesearch.search.SearchService#search}, the API's own path. Prints nDCG@10, MAP and
 * Recall@100 beside Lucene's default BM25 (EnglishAnalyzer, k1 1.2, b 0.75, one field) measured in
 * the same run, per-query wins and losses, the same queries with one typo in every word of 5+
 * letters, and cross-checks with {@code trec_eval.py}.
 */
@Tag("benchmark")
class RelevanceBenchmark {
  static Path relevanceDir() {
    Path dir = Path.of(System.getProperty("bench.relevance", "../shared/relevance"));
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "no relevance collections at " + dir.toAbsolutePath());
    return dir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"med", "cisi", "cacm", "adi"})
  void rank_a_collection(String name) throws Exception {
    Path collection = relevanceDir().resolve(name);
    Path work = Path.of("target", "relevance", name).toAbsolutePath();
    Path content = converted(collection, work);
    Map<String, String> queries = Collections.queries(collection.resolve("queries.tsv"));
    Map<String, Map<String, Integer>> qrels = Collections.qrels(collection.resolve("qrels.txt"));

    Schema schema = Schema.defaults();
    Path index = work.resolve("index");
    var clock = Clock.systemUTC();
    new Indexer(content, index, schema, new PageReader(5_000_000, false, clock), 2, clock)
        .run(true, Indexer.Progress.NONE);
    Map<String, List<String>> baseline =
        LuceneDefaultBm25.run(
            collection.resolve("docs.jsonl"), queries, work.resolve("baseline-index"));
    var baseScores = Metrics.perQuery(baseline, qrels);
    var withStops =
        Metrics.perQuery(
            LuceneDefaultBm25.runKeepingStopWords(
                collection.resolve("docs.jsonl"),
                queries,
                work.resolve("baseline-stopwords-index")),
            qrels);
    BenchCorpus.print(
        "%s  diagnostic: Lucene BM25 keeping stop words: %s", name, Metrics.mean(withStops));
    Map<String, List<String>> ours;
    Map<String, List<String>> typos;
    try (var search = OpenedIndex.of(index)) {
      ours = run(search, queries);
      typos = run(search, Typos.inject(queries, 42));
    }
    var d = RankingSettings.DEFAULTS;
    var variants = new LinkedHashMap<String, RankingSettings>();
    variants.put("without tiers", d.with(s -> s.tierBoost = 0));
    variants.put("without proximity", d.with(s -> s.proximity = Proximity.OFF));
    variants.put("without exact title", d.with(s -> s.exactTitleBoost = 0));
    variants.put("without typo tolerance", d.with(s -> s.typos = false));
    variants.put("without feedback", d.with(s -> s.feedbackWeight = 0));
    variants.put("feedback weight 0.2", d.with(s -> s.feedbackWeight = 0.2f));
    variants.put("feedback weight 0.5", d.with(s -> s.feedbackWeight = 0.5f));
    variants.put("compounds as phrases", d.with(s -> s.splitCompounds = false));
    variants.put("best-field BM25 (DisjunctionMaxQuery)", d.with(s -> s.bm25f = false));
    variants.put("BM25 k1 1.5", d.with(s -> s.bm25K1 = 1.5f));
    variants.put("BM25 k1 2.0", d.with(s -> s.bm25K1 = 2.0f));
    variants.put("BM25 k1 2.5", d.with(s -> s.bm25K1 = 2.5f));
    variants.put(
        "words only (no tiers, proximity, title, recency, feedback)",
        d.with(
            s -> {
              s.tierBoost = 0;
              s.proximity = Proximity.OFF;
              s.exactTitleBoost = 0;
              s.recency = Recency.OFF;
              s.feedbackWeight = 0;
            }));
    if (!Boolean.parseBoolean(System.getProperty("bench.variants", "true"))) variants.clear();
    for (String weights : System.getProperty("bench.weights", "").split(";")) {
      if (weights.isBlank()) continue;
      String[] w = weights.split(",");
      var fields = new LinkedHashMap<String, Float>();
      fields.put("title", Float.parseFloat(w[0]));
      fields.put("description", Float.parseFloat(w[1]));
      fields.put("body", Float.parseFloat(w[2]));
      var f = FieldSettings.DEFAULTS;
      var weighted =
          new FieldSettings(fields, f.facets(), f.dates(), f.stored(), f.stemmer(), f.labels());
      try (var search =
          OpenedIndex.of(SitesearchConfig.defaults().withFields(weighted), index, clock)) {
        BenchCorpus.print(
            "%s  field weights %-40s %s",
            name, weights + ":", Metrics.mean(Metrics.perQuery(run(search, queries), qrels)));
      }
    }
    for (String stemmerName :
        System.getProperty(
                "bench.stemmers", variants.isEmpty() ? "" : "snowball,kstem,minimal,none")
            .split(",")) {
      if (stemmerName.isBlank()) continue;
      Stemmer stemmer = Stemmer.byName(stemmerName).orElseThrow();
      var stemmed =
          new Schema(
              schema.textFields(),
              schema.facetFields(),
              schema.dateFields(),
              schema.storedFields(),
              stemmer);
      Path stemmedIndex = work.resolve("index-" + stemmer.configName());
      new Indexer(content, stemmedIndex, stemmed, new PageReader(5_000_000, false, clock), 2, clock)
          .run(true, Indexer.Progress.NONE);
      var f = FieldSettings.DEFAULTS;
      var stemmedFields =
          new FieldSettings(f.text(), f.facets(), f.dates(), f.stored(), stemmer, f.labels());
      try (var search =
          OpenedIndex.of(
              SitesearchConfig.defaults().withFields(stemmedFields), stemmedIndex, clock)) {
        BenchCorpus.print(
            "%s  stemmer %-48s %s",
            name,
            stemmer.configName() + " (shipped: porter):",
            Metrics.mean(Metrics.perQuery(run(search, queries), qrels)));
      }
    }
    for (var v : variants.entrySet()) {
      try (var search = OpenedIndex.of(index, v.getValue())) {
        BenchCorpus.print(
            "%s  variant %-48s %s",
            name, v.getKey() + ":", Metrics.mean(Metrics.perQuery(run(search, queries), qrels)));
      }
    }

    var oursScores = Metrics.perQuery(ours, qrels);
    var typoScores = Metrics.perQuery(typos, qrels);
    BenchCorpus.print("%s: %d queries; metric: nDCG@10 / MAP / Recall@100", name, qrels.size());
    BenchCorpus.print("%s  Lucene default BM25 (same run): %s", name, Metrics.mean(baseScores));
    BenchCorpus.print("%s  sitesearch defaults:            %s", name, Metrics.mean(oursScores));
    BenchCorpus.print("%s  sitesearch, one typo per word:  %s", name, Metrics.mean(typoScores));
    double gain = Metrics.mean(oursScores).ndcg10() / Metrics.mean(baseScores).ndcg10() - 1;
    double robust = Metrics.mean(typoScores).ndcg10() / Metrics.mean(oursScores).ndcg10();
    BenchCorpus.print(
        "%s  nDCG@10 vs baseline: %+.1f%%; with typos keeps %.1f%% of clean nDCG@10",
        name, gain * 100, robust * 100);
    BenchCorpus.print(
        "%s  per query vs baseline (nDCG@10, |diff| > 0.01): %s",
        name, Metrics.winsAndLosses(oursScores, baseScores));

    Path runFile = work.resolve("sitesearch.run");
    Metrics.writeRun(ours, runFile);
    Metrics.writeRun(baseline, work.resolve("baseline.run"));
    Process eval =
        new ProcessBuilder(
                "python3",
                relevanceDir().resolve("trec_eval.py").toString(),
                collection.resolve("qrels.txt").toString(),
                runFile.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(eval.getInputStream().readAllBytes()).strip().replace("\n", "; ");
    eval.waitFor();
    BenchCorpus.print("%s  trec_eval.py on our run: %s", name, out);
  }

  /**
   * The collection as Markdown content under {@code work/content}, converted once by the shared
   * {@code collection_to_content.py} with {@code --no-title-fallback}: MED has no titles, and the
   * converter would otherwise title each page with its first sentence, which the baseline (title +
   * text from docs.jsonl) never sees. Both then index the same words.
   */
  static Path converted(Path collection, Path work) throws Exception {
    Path content = work.resolve("content");
    Files.createDirectories(work);
    if (!Files.isDirectory(content)) {
      Process p =
          new ProcessBuilder(
                  "python3",
                  relevanceDir().resolve("collection_to_content.py").toString(),
                  collection.toString(),
                  content.toString(),
                  "--no-title-fallback")
              .inheritIO()
              .start();
      if (p.waitFor() != 0) throw new AssertionError("collection_to_content.py failed");
    }
    return content;
  }

  /** Whatever answers a search request: the local index, or another engine. */
  interface Searches {
    SearchResponse search(SearchRequest request) throws Exception;
  }

  static Map<String, List<String>> run(OpenedIndex search, Map<String, String> queries)
      throws Exception {
    return run((Searches) search::search, queries);
  }

  /** Each query's top 100 page ids, the query cut at the longest a visitor may send. */
  static Map<String, List<String>> run(Searches search, Map<String, String> queries)
      throws Exception {
    var runs = new LinkedHashMap<String, List<String>>();
    for (var q : queries.entrySet()) {
      String text =
          q.getValue().length() > SearchRequest.MAX_QUERY_CHARS
              ? q.getValue().substring(0, SearchRequest.MAX_QUERY_CHARS)
              : q.getValue();
      var request =
          new SearchRequest(text, Map.of(), null, null, SortOrder.RELEVANCE, 1, 100, List.of(), 1);
      SearchResponse response = search.search(request);
      runs.put(q.getKey(), response.hits().stream().map(SearchResponse.Hit::id).toList());
    }
    return runs;
  }

  /** Reads the collections' files. */
  static final class Collections {
    static Map<String, String> queries(Path tsv) throws Exception {
      var out = new LinkedHashMap<String, String>();
      for (String line : Files.readAllLines(tsv)) {
        int tab = line.indexOf('\t');
        if (tab > 0) out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
      return out;
    }

    static Map<String, Map<String, Integer>> qrels(Path file) throws Exception {
      var out = new LinkedHashMap<String, Map<String, Integer>>();
      for (String line : Files.readAllLines(file)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) continue;
        int grade = Integer.parseInt(f[3]);
        if (grade > 0) out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], grade);
      }
      return out;
    }
  }

  /**
   * One deterministic typo (swap, drop, double or replace a letter) in every word of five letters
   * or more.
   */
  static final class Typos {
    static Map<String, String> inject(Map<String, String> queries, long seed) {
      var rnd = new java.util.Random(seed);
      var out = new LinkedHashMap<String, String>();
      queries.forEach(
          (id, q) -> {
            var words = new ArrayList<String>();
            for (String w : q.split(" "))
              words.add(
                  w.length() >= 5 && w.chars().allMatch(Character::isLetter) ? typo(w, rnd) : w);
            out.put(id, String.join(" ", words));
          });
      return out;
    }

    private static String typo(String w, java.util.Random rnd) {
      int i = 1 + rnd.nextInt(w.length() - 2);
      char[] c = w.toCharArray();
      return switch (rnd.nextInt(4)) {
        case 0 -> {
          char t = c[i];
          c[i] = c[i + 1];
          c[i + 1] = t;
          yield new String(c);
        }
        case 1 -> w.substring(0, i) + w.substring(i + 1);
        case 2 -> w.substring(0, i) + c[i] + w.substring(i);
        default -> {
          c[i] = (char) ('a' + rnd.nextInt(26));
          yield new String(c);
        }
      };
    }
  }

  /** nDCG@10, MAP and Recall@100 as trec_eval computes them (binary judgments here). */
  record Metrics(double ndcg10, double map, double recall100) {
    @Override
    public String toString() {
      return "%.4f / %.4f / %.4f".formatted(ndcg10, map, recall100);
    }

    static Map<String, Metrics> perQuery(
        Map<String, List<String>> runs, Map<String, Map<String, Integer>> qrels) {
      var out = new LinkedHashMap<String, Metrics>();
      qrels.forEach(
          (qid, rel) -> {
            List<String> ranked = runs.getOrDefault(qid, List.of());
            double dcg = 0;
            double ap = 0;
            int found = 0;
            int found100 = 0;
            for (int i = 0; i < ranked.size(); i++) {
              Integer grade = rel.get(ranked.get(i));
              if (grade == null) continue;
              if (i < 10) dcg += grade / (Math.log(i + 2) / Math.log(2));
              found++;
              ap += (double) found / (i + 1);
              if (i < 100) found100++;
            }
            int[] grades = rel.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            double idcg = 0;
            for (int i = 0; i < Math.min(10, grades.length); i++) {
              idcg += grades[grades.length - 1 - i] / (Math.log(i + 2) / Math.log(2));
            }
            out.put(
                qid,
                new Metrics(
                    idcg == 0 ? 0 : dcg / idcg, ap / rel.size(), (double) found100 / rel.size()));
          });
      return out;
    }

    static Metrics mean(Map<String, Metrics> perQuery) {
      double n = Math.max(1, perQuery.size());
      return new Metrics(
          perQuery.values().stream().mapToDouble(Metrics::ndcg10).sum() / n,
          perQuery.values().stream().mapToDouble(Metrics::map).sum() / n,
          perQuery.values().stream().mapToDouble(Metrics::recall100).sum() / n);
    }

    static String winsAndLosses(Map<String, Metrics> ours, Map<String, Metrics> base) {
      int wins = 0;
      int losses = 0;
      var worst = new ArrayList<String>();
      for (String q : ours.keySet()) {
        double d = ours.get(q).ndcg10() - base.get(q).ndcg10();
        if (d > 0.01) wins++;
        if (d < -0.01) {
          losses++;
          worst.add("%s(%+.2f)".formatted(q, d));
        }
      }
      return wins
          + " wins, "
          + losses
          + " losses, "
          + (ours.size() - wins - losses)
          + " ties; losses: "
          + String.join(" ", worst.subList(0, Math.min(12, worst.size())));
    }

    static void writeRun(Map<String, List<String>> runs, Path file) throws Exception {
      var lines = new ArrayList<String>();
      runs.forEach(
          (qid, docs) -> {
            for (int i = 0; i < docs.size(); i++)
              lines.add(
                  qid + " Q0 " + docs.get(i) + " " + (i + 1) + " " + (1000 - i) + " sitesearch");
          });
      Files.write(file, lines);
    }
  }
}
