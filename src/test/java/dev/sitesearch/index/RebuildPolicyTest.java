package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The one rebuild decision, from the latest commit's user data. */
class RebuildPolicyTest {
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  static final String SITE = "site fingerprint";
  static final RebuildPolicy PUBLIC = new RebuildPolicy(Seed.schema(), false);
  static final RebuildPolicy PREVIEW = new RebuildPolicy(Seed.schema(), true);

  private static Directory committed(Map<String, String> commitData) throws IOException {
    var dir = new ByteBuffersDirectory();
    try (var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
    }
    return dir;
  }

  @Test
  void a_folder_without_a_commit_is_a_new_index() throws IOException {
    try (var dir = new ByteBuffersDirectory()) {
      assertEquals("new index", PUBLIC.reason(dir));
    }
  }

  @Test
  void an_index_committed_under_the_same_policy_needs_no_rebuild() throws IOException {
    try (var dir = committed(PUBLIC.commitData(NOW, SITE))) {
      assertNull(PUBLIC.reason(dir));
    }
  }

  @Test
  void drafts_included_or_left_out_either_way_round_is_a_rebuild() throws IOException {
    try (var preview = committed(PREVIEW.commitData(NOW, SITE));
        var published = committed(PUBLIC.commitData(NOW, SITE))) {
      assertEquals(
          List.of("drafts left out now", "drafts included now"),
          List.of(PUBLIC.reason(preview), PREVIEW.reason(published)));
    }
  }

  @Test
  void another_schema_is_a_rebuild_and_is_named_before_the_drafts() {
    var schema =
        new Schema(
            Seed.schema().textFields(), List.of("audience"), Seed.schema().dateFields(), List.of());
    var other = new RebuildPolicy(schema, true);

    assertEquals("schema changed", PUBLIC.reason(other.commitData(NOW, SITE), SITE));
  }

  @Test
  void another_hugo_site_is_a_rebuild_but_serving_meanwhile_is_not_refused() throws IOException {
    try (var dir = committed(PUBLIC.commitData(NOW, SITE))) {
      assertEquals(
          "Hugo site changed: config, bundles, sections or cascades",
          PUBLIC.reason(dir, "another site"));
      assertNull(PUBLIC.reason(dir), "the run finds a changed site, as it finds edited pages");
    }
  }

  @Test
  void commit_data_of_an_older_version_without_the_drafts_flag_is_a_rebuild() {
    var data = new HashMap<>(PUBLIC.commitData(NOW, SITE));
    data.remove(Fields.COMMIT_INCLUDE_DRAFTS);

    assertEquals("drafts left out now", PUBLIC.reason(data, SITE));
    assertEquals("schema changed", PUBLIC.reason(Map.of(), SITE));
  }
}
