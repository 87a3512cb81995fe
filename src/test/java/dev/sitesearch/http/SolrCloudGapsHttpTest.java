package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * What a SolrCloud server lacks says so plainly: related pages, curation and the reindex API answer
 * 501 problems naming the feature (documented in openapi.yaml), never a 500; its health answer
 * reports the collection.
 */
class SolrCloudGapsHttpTest extends FixtureServerTest {
  @Override
  boolean onSolrCloud() {
    return true;
  }

  private static final String ADMIN = "Bearer " + TestServer.TOKEN;

  @Test
  void related_pages_answer_501_naming_the_feature() {
    for (String path : new String[] {"/api/documents/4001/related", "/api/related?id=4001"}) {
      TestServer.Response r = server.get(path);
      TestServer.assertProblem(r, 501, null);
      assertTrue(
          r.body().contains("related pages is not available on the solrcloud engine"), r::body);
    }
  }

  @Test
  void curation_answers_501() {
    TestServer.Response rules = server.get("/api/admin/curation", "Authorization", ADMIN);
    TestServer.assertProblem(rules, 501, null);
    assertTrue(rules.body().contains("curation is not available"), rules::body);
    TestServer.assertProblem(
        server.post("/api/admin/curation/undo", "Authorization", ADMIN), 501, null);
  }

  @Test
  void the_reindex_api_answers_501_and_points_to_the_index_command() {
    TestServer.Response r = server.post("/api/admin/reindex", "Authorization", ADMIN);
    TestServer.assertProblem(r, 501, null);
    assertTrue(r.body().contains("run `sitesearch index`"), r::body);
    TestServer.assertProblem(server.post("/api/admin/reindex"), 401, null);
  }

  @Test
  void health_reports_the_collections_pages_when_every_shard_is_served() {
    JsonNode health = server.getJson("/api/health");
    assertEquals("ok", health.get("status").asText());
    assertEquals(fixture.all().size(), health.get("documents").asLong());
  }
}
