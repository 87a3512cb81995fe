package dev.sitesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSettingsTest {
  @TempDir Path tmp;

  private SitesearchConfig load(String yaml, Map<String, String> env) throws Exception {
    return ConfigLoader.load(Files.writeString(tmp.resolve("sitesearch.yml"), yaml), env);
  }

  private String error(String yaml) throws Exception {
    Path file = Files.writeString(tmp.resolve("sitesearch.yml"), yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()))
        .getMessage();
  }

  @Test
  void the_local_lucene_engine_is_the_default() throws Exception {
    EngineSettings engine = load("", Map.of()).engine();

    assertEquals(EngineSettings.DEFAULTS, engine);
    assertFalse(engine.isSolrCloud());
  }

  @Test
  void a_solrcloud_engine_reads_its_nodes_collection_and_layout() throws Exception {
    EngineSettings engine =
        load(
                """
                engine:
                  type: solrcloud
                  solrUrls: [http://solr1:8983/solr/, http://solr2:8983/solr]
                  collection: docs
                  shards: 2
                  replicationFactor: 2
                """,
                Map.of())
            .engine();

    assertTrue(engine.isSolrCloud());
    assertEquals(
        List.of(URI.create("http://solr1:8983/solr"), URI.create("http://solr2:8983/solr")),
        engine.solrUrls(),
        "a trailing slash dropped");
    assertEquals("docs", engine.collection());
    assertEquals(2, engine.shards());
    assertEquals(2, engine.replicationFactor());
  }

  @Test
  void the_environment_chooses_the_engine_too() throws Exception {
    EngineSettings engine =
        load(
                "",
                Map.of(
                    "SITESEARCH_ENGINE_TYPE", "solrcloud",
                    "SITESEARCH_ENGINE_SOLR_URLS", "[http://127.0.0.1:8983/solr]"))
            .engine();

    assertTrue(engine.isSolrCloud());
    assertEquals(List.of(URI.create("http://127.0.0.1:8983/solr")), engine.solrUrls());
  }

  @Test
  void bad_engine_settings_name_their_key() throws Exception {
    assertTrue(
        error("engine: {type: elastic}").contains("engine.type: must be lucene or solrcloud"));
    assertTrue(error("engine: {type: solrcloud}").contains("engine.solrUrls: is needed"));
    assertTrue(
        error("engine: {type: solrcloud, solrUrls: [solr1:8983]}")
            .contains("engine.solrUrls: must be http(s) URLs"));
    assertTrue(
        error("engine: {type: solrcloud, zkHost: 'zk1:2181'}")
            .contains("engine.zkHost: is not supported: list the Solr nodes in engine.solrUrls"));
    assertTrue(
        error("engine: {type: solrcloud, solrUrls: [http://a/solr], collection: 'a b'}")
            .contains("engine.collection: must be letters"));
    assertTrue(error("engine: {shards: 0}").contains("engine.shards"));
  }
}
