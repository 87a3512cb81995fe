package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.content.PageReader;
import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.Seed;
import dev.sitesearch.testing.SiteFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run told which files changed looks at those alone, and walks the folder whenever its last walk
 * cannot be trusted: no run of its own yet, another process committed since, a change only a walk
 * can read.
 */
class RunChangedTest {
  @TempDir java.nio.file.Path tmp;
  private SiteFolders site;
  private Indexer indexer;

  @BeforeEach
  void site() throws IOException {
    site = SiteFolders.in(tmp);
    ContentFiles.page(site.content(), "a.md", "id: a\ntitle: Walrus census", "Walruses.");
    ContentFiles.page(site.content(), "b.md", "id: b\ntitle: Walrus diet", "Clams.");
    indexer = indexer();
  }

  private Indexer indexer() {
    Clock clock = Clock.systemUTC();
    return new Indexer(
        site.content(),
        site.index(),
        Seed.schema(),
        new PageReader(1_000_000, false, clock),
        2,
        clock);
  }

  private void edit(String rel, String title) throws IOException {
    ContentFiles.editPage(site.content(), rel, "id: " + rel + "\ntitle: " + title, "Body.");
  }

  @Test
  void only_the_files_named_are_looked_at_and_a_walk_then_finds_the_rest() throws IOException {
    indexer.runChanged(null, Indexer.Progress.NONE); // the watcher's first run walks
    edit("a.md", "Walrus headcount");
    edit("b.md", "Walrus food"); // saved, but not reported

    IndexSummary told = indexer.runChanged(Set.of("a.md"), Indexer.Progress.NONE);
    assertEquals(1, told.updated(), told::line);
    assertEquals(1, told.unchanged(), "b.md was not looked at");

    IndexSummary walked = indexer.runChanged(null, Indexer.Progress.NONE);
    assertEquals(1, walked.updated(), "the walk finds b.md: " + walked.line());
  }

  @Test
  void new_and_deleted_files_named_are_added_and_removed() throws IOException {
    indexer.runChanged(null, Indexer.Progress.NONE);
    ContentFiles.page(site.content(), "docs/c.md", "id: c\ntitle: Walrus tusks", "Ivory.");
    Files.delete(site.content().resolve("b.md"));

    IndexSummary s = indexer.runChanged(List.of("docs/c.md", "b.md"), Indexer.Progress.NONE);

    assertEquals(1, s.added(), s::line);
    assertEquals(1, s.deleted(), s::line);
    assertEquals(2, s.documents());
  }

  @Test
  void before_its_own_first_run_or_after_another_process_committed_it_walks() throws IOException {
    edit("b.md", "Walrus food");
    IndexSummary first = indexer.runChanged(Set.of(), Indexer.Progress.NONE);
    assertEquals(2, first.added(), "no walk of its own yet: " + first.line());

    edit("a.md", "Walrus headcount");
    indexer().run(false, Indexer.Progress.NONE); // another indexer, as another process would
    edit("b.md", "Walrus menu");
    IndexSummary s = indexer.runChanged(Set.of(), Indexer.Progress.NONE);
    assertEquals(1, s.updated(), "the other commit makes the last walk stale: " + s.line());
  }
}
