package dev.sitesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.Cli;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitesearch index} on a real SolrCloud (two nodes, {@link SolrCloudHarness}): the same
 * report as the local indexer on the same folder, a full rebuild that moves the alias only when it
 * is complete, incremental runs that send only what changed.
 */
class SolrIndexerTest {
  private static SolrCloudHarness cluster;
  @TempDir Path tmp;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = SolrCloudHarness.shared();
  }

  private Assembly solr(Path content, String collection) {
    var config =
        TestAssembly.of(content, tmp.resolve("unused"))
            .config()
            .withEngine(EngineSettings.solrCloud(cluster.nodes(), collection, 2, 1));
    return TestAssembly.of(content, tmp.resolve("unused")).withConfig(config);
  }

  private Path fixture() throws IOException {
    Path content = tmp.resolve("content");
    ContentFiles.copyTree(Path.of("src/test/resources/fixture-content"), content);
    return content;
  }

  @Test
  void a_first_run_reports_what_the_local_indexer_reports_on_the_same_folder() throws Exception {
    Path content = fixture();
    IndexSummary local =
        TestAssembly.of(content, tmp.resolve("index"))
            .indexer(false)
            .run(false, Indexer.Progress.NONE);

    IndexSummary solr = solr(content, "report").solrIndexer(false).run(false);

    assertEquals("full", solr.mode());
    assertEquals("new index", solr.reason());
    assertEquals(local.added(), solr.added());
    assertEquals(local.skipped(), solr.skipped());
    assertEquals(local.failed(), solr.failed());
    assertEquals(local.failures(), solr.failures());
    assertEquals(local.documents(), solr.documents());
    var found = solr(content, "report").solrEngine().search(SearchRequest.of(""));
    assertEquals(local.documents(), found.total(), "every page searchable after the run");
  }

  private Path site() throws IOException {
    Path content = tmp.resolve("site");
    ContentFiles.page(content, "a.md", "title: Alpha telehealth\ndate: 2024-01-01", "Alpha body.");
    ContentFiles.page(content, "b.md", "title: Beta\ndate: 2024-02-01", "Beta body.");
    ContentFiles.page(content, "c.md", "title: Gamma\ndate: 2024-03-01", "Gamma body.");
    return content;
  }

  private static long found(Assembly solr, String q) throws IOException {
    return solr.solrEngine().search(SearchRequest.of(q)).total();
  }

  @Test
  void an_incremental_run_sends_only_the_changed_new_and_deleted_pages() throws Exception {
    Path content = site();
    Assembly solr = solr(content, "incremental");
    solr.solrIndexer(false).run(false);

    ContentFiles.editPage(content, "b.md", "title: Beta renamed\ndate: 2024-02-01", "Beta body.");
    ContentFiles.page(content, "d.md", "title: Delta\ndate: 2024-04-01", "Delta body.");
    Files.delete(content.resolve("c.md"));
    IndexSummary second = solr.solrIndexer(false).run(false);

    assertEquals("incremental", second.mode());
    assertEquals(1, second.added(), "d.md");
    assertEquals(1, second.updated(), "b.md");
    assertEquals(1, second.deleted(), "c.md");
    assertEquals(1, second.unchanged(), "a.md, not sent again");
    assertEquals(3, second.documents());
    assertEquals(1, found(solr, "renamed"));
    assertEquals(0, found(solr, "gamma"));
    IndexSummary third = solr.solrIndexer(false).run(false);
    assertEquals(3, third.unchanged(), "nothing changed: nothing sent");
    assertEquals(0, third.added() + third.updated() + third.deleted());
  }

  @Test
  void a_failed_rebuild_leaves_the_alias_on_the_old_collection_and_the_next_run_completes()
      throws Exception {
    Path content = site();
    Assembly solr = solr(content, "failed");
    solr.solrIndexer(false).run(false);
    var cluster =
        new SolrCluster(
            new SolrNodes(SolrIndexerTest.cluster.nodes(), java.time.Duration.ofSeconds(30)));
    String before = cluster.aliasTarget("failed").orElseThrow();
    ContentFiles.page(content, "d.md", "title: Delta\ndate: 2024-04-01", "Delta body.");

    var killed =
        assertThrows(
            IOException.class,
            () ->
                solr.solrIndexer(false)
                    .run(
                        true,
                        sent -> {
                          throw new IOException("killed after " + sent + " pages");
                        }));

    assertTrue(killed.getMessage().startsWith("killed"));
    assertEquals(before, cluster.aliasTarget("failed").orElseThrow(), "readers keep the old one");
    assertEquals(3, found(solr, ""), "the old collection answers, without the new page");
    IndexSummary next = solr.solrIndexer(false).run(true);
    assertEquals(4, next.documents());
    assertEquals(4, found(solr, ""));
    var left = cluster.collections().stream().filter(c -> c.startsWith("failed_")).toList();
    assertEquals(
        List.of(cluster.aliasTarget("failed").orElseThrow()),
        left,
        "the old and the half-built collections are dropped");
  }

  @Test
  void another_stemmer_is_another_configset_and_the_next_run_rebuilds() throws Exception {
    Path content = site();
    Assembly solr = solr(content, "stemmer");
    solr.solrIndexer(false).run(false);
    var fields = solr.config().fields();
    var minimal =
        new dev.sitesearch.config.FieldSettings(
            fields.text(),
            fields.facets(),
            fields.dates(),
            fields.stored(),
            dev.sitesearch.config.Stemmer.MINIMAL,
            fields.labels(),
            fields.hierarchies());
    Assembly changed = solr.withConfig(solr.config().withFields(minimal));

    IndexSummary run = changed.solrIndexer(false).run(false);

    assertEquals("full", run.mode());
    assertEquals("schema changed", run.reason());
    assertEquals(3, run.documents());
  }

  @Test
  void the_index_and_search_commands_use_the_engine_the_config_names() throws Exception {
    Path content = site();
    String urls = String.join(", ", cluster.nodes().stream().map(java.net.URI::toString).toList());
    Path config =
        Files.writeString(
            tmp.resolve("sitesearch.yml"),
            "engine:\n  type: solrcloud\n  solrUrls: [" + urls + "]\n  collection: cli\n");
    String[] folders = {
      "--content",
      content.toString(),
      "--index",
      tmp.resolve("no-index").toString(),
      "--config",
      config.toString()
    };

    var index = Cli.run(concat("index", folders));
    var search = Cli.run(concat("search", folders, "alpha"));

    assertEquals(0, index.exit(), index::toString);
    assertTrue(index.out().startsWith("full (new index): 3 added"), index::toString);
    assertFalse(Files.exists(tmp.resolve("no-index")), "no local index written");
    assertEquals(0, search.exit(), search::toString);
    assertTrue(search.out().contains("1 result for 'alpha'"), search::toString);
    assertTrue(search.out().contains("Alpha telehealth"), search::toString);
  }

  private static String[] concat(String command, String[] options, String... more) {
    var all = new java.util.ArrayList<String>();
    all.add(command);
    all.addAll(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
