package dev.sitesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.config.EngineSettings;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
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
}
