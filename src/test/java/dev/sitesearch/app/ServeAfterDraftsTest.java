package dev.sitesearch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.index.Indexer;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} serves is what the public may see, whatever an earlier {@code index} run let
 * in.
 */
class ServeAfterDraftsTest {
  @Test
  void serve_after_an_index_run_with_drafts_rebuilds_before_serving(@TempDir Path tmp)
      throws Exception {
    Path content = tmp.resolve("content");
    ContentFiles.page(content, "public.md", "id: public\ntitle: Walrus census", "Walruses.");
    ContentFiles.page(
        content, "draft.md", "id: draft\ntitle: Walrus plans\ndraft: true", "Walruses.");
    var assembly = TestAssembly.of(content, tmp.resolve("index"));
    assembly.indexer(true).run(false, Indexer.Progress.NONE); // sitesearch index --include-drafts

    // No catch-up pass: what is served is decided before the server answers anything.
    var options = RunningServer.Options.DEFAULTS.on("127.0.0.1", 0).withoutCatchUp();
    try (var server = assembly.serve(options)) {
      List<String> ids =
          server.search().search(SearchRequest.of("walrus")).hits().stream()
              .map(SearchResponse.Hit::id)
              .toList();
      assertEquals(List.of("public"), ids, "the draft is not served, not even for a moment");
    }
  }
}
