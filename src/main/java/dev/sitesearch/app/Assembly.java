package dev.sitesearch.app;

import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.config.ContentSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.UrlTemplate;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.CurationEditor;
import dev.sitesearch.search.LiveIndex;
import dev.sitesearch.search.SearchService;
import dev.sitesearch.solr.SolrCluster;
import dev.sitesearch.solr.SolrConfigset;
import dev.sitesearch.solr.SolrEngine;
import dev.sitesearch.solr.SolrFields;
import dev.sitesearch.solr.SolrIndexer;
import dev.sitesearch.solr.SolrLayout;
import dev.sitesearch.solr.SolrNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the parts of sitesearch from a config and the two folders, by hand, in one place (no
 * container): the page reader, the indexer, the live index, the search service and, for {@code
 * serve}, the running server. Cheap to make; it opens nothing until asked.
 *
 * @param config the effective configuration
 * @param content the content folder
 * @param index the index folder
 * @param clock the time that publishing rules, expiry and recency use
 * @param threads how many files the indexer reads at once
 */
public record Assembly(
    SitesearchConfig config, Path content, Path index, Clock clock, int threads) {

  public static Assembly of(SitesearchConfig config, Path content, Path index) {
    return new Assembly(
        config, content, index, Clock.systemUTC(), Runtime.getRuntime().availableProcessors());
  }

  public Assembly withClock(Clock newClock) {
    return new Assembly(config, content, index, newClock, threads);
  }

  public Assembly withConfig(SitesearchConfig newConfig) {
    return new Assembly(newConfig, content, index, clock, threads);
  }

  public Schema schema() {
    return Schema.from(config);
  }

  /**
   * The indexer {@code index} and {@code serve} run; {@code includeDrafts} lets drafts, future and
   * expired in.
   */
  public Indexer indexer(boolean includeDrafts) {
    return new Indexer(content, index, schema(), reader(includeDrafts), threads, clock);
  }

  /**
   * The same rules as {@link #indexer}, building into memory and writing nothing ({@code check}).
   */
  public Indexer dryRun(boolean includeDrafts) {
    return Indexer.dryRun(content, schema(), reader(includeDrafts), threads, clock);
  }

  private PageReader reader(boolean includeDrafts) {
    ContentSettings settings = config.content();
    var site =
        new PageReader.SiteOptions(
            settings.site(),
            settings.urlTemplate() == null ? null : new UrlTemplate(settings.urlTemplate()),
            settings.searchable());
    return new PageReader(settings.maxFileBytes(), includeDrafts, clock, site);
  }

  /** Opens the index as queries see it; the caller closes it. */
  public LiveIndex openIndex() throws IOException {
    return LiveIndex.open(index, schema(), SearchService.similarity(config.ranking()));
  }

  /**
   * The search core over an open index, each request's searches limited to the server's time, with
   * the editors' curation as stored (read only: an unreadable history is logged and left in place).
   */
  public SearchService searchService(LiveIndex live) {
    return searchService(live, curation(false));
  }

  /** The search core with the curation {@code curation} keeps. */
  public SearchService searchService(LiveIndex live, CurationEditor curation) {
    return new SearchService(
        schema(),
        live,
        config.ranking(),
        curation,
        clock,
        config.server().limits().searchTimeout());
  }

  /**
   * Where the editors' curation history is kept: beside the index folder, named after it ({@code
   * index.curation.json} beside {@code index/}). Not inside it: the index folder is the index
   * writer's, and a fresh index is made by deleting it.
   */
  public Path curationFile() {
    Path folder = index.toAbsolutePath().normalize();
    if (folder.getFileName() == null) return folder.resolve("sitesearch.curation.json"); // "/"
    return folder.resolveSibling(folder.getFileName() + ".curation.json");
  }

  /**
   * The config's curation with the stored edits; {@code keepAside} moves an unreadable history
   * aside (the server does, so edits can start again) instead of leaving it in place.
   */
  public CurationEditor curation(boolean keepAside) {
    return CurationEditor.open(config.ranking(), curationFile(), clock, keepAside);
  }

  /**
   * Opens the analytics store beside the index (or where {@code analytics.path} says) and starts
   * recording; off when the config turns it off or the store cannot be had (logged). The caller
   * closes it.
   */
  public Analytics openAnalytics() {
    return Analytics.open(config.analytics(), index, clock);
  }

  /**
   * Brings the index up to date (building it first when it is missing or outdated, else catching up
   * in the background) and starts the HTTP server, as {@code serve} does.
   */
  public RunningServer serve(RunningServer.Options options) throws IOException {
    return RunningServer.start(this, options);
  }

  /** Whether the config puts the index on SolrCloud ({@code engine.type: solrcloud}). */
  public boolean onSolrCloud() {
    return config.engine().isSolrCloud();
  }

  /** The SolrCloud nodes of the config, each request to one node limited to {@code timeout}. */
  private SolrCluster solrCluster(Duration timeout) {
    return new SolrCluster(new SolrNodes(config.engine().solrUrls(), timeout));
  }

  private SolrLayout solrLayout() {
    var engine = config.engine();
    return new SolrLayout(engine.collection(), engine.shards(), engine.replicationFactor());
  }

  /**
   * The configset the schema and the synonym file make; the synonyms go into it (query time), so a
   * changed file is a new configset and the next {@code index} rebuilds.
   */
  public SolrConfigset solrConfigset() {
    Schema schema = schema();
    var synonyms = config.ranking().synonyms();
    String text = "";
    if (synonyms.on()) {
      try {
        text = Files.readString(synonyms.file());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SolrConfigset(schema, new SolrFields(schema), text);
  }

  /** The indexer of {@code index} on SolrCloud ({@link #onSolrCloud()}). */
  public SolrIndexer solrIndexer(boolean includeDrafts) {
    return new SolrIndexer(
        content,
        schema(),
        solrConfigset(),
        reader(includeDrafts),
        solrCluster(Duration.ofSeconds(30)), // an update batch, a collection created
        solrLayout(),
        threads,
        clock);
  }

  /**
   * The search engine over the SolrCloud alias ({@link #onSolrCloud()}), each request's searches
   * limited to the server's time as locally.
   */
  public SolrEngine solrEngine() {
    // A node that hangs is given up on soon after the search's own time limit, and the next asked.
    Duration limit = config.server().limits().searchTimeout();
    return new SolrEngine(
        schema(),
        config.ranking(),
        solrCluster(limit.plusSeconds(2)),
        config.engine().collection(),
        clock,
        config.server().limits().searchTimeout());
  }
}
