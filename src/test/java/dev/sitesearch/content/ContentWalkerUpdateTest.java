package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sitesearch.testing.ContentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk brought up to date from the files a watcher saw change must equal a new walk of the
 * folder, file for file (size, mtime and identity included); where it cannot be sure of that, it
 * declines and the folder is walked.
 */
class ContentWalkerUpdateTest {
  @TempDir Path tmp;

  private static final List<String> PATHS =
      List.of("a.md", "b.md", "docs/c.md", "docs/d.markdown", "docs/deep/e.md", "blog/f.md");

  /** What a test compares: each file as the walk lists it, and each problem. */
  private static List<String> listing(ContentWalker.Result r) {
    var out = new ArrayList<String>();
    for (SourceFile f : r.files())
      out.add(f.relPath() + " " + f.size() + " " + f.modifiedMillis() + " " + f.fileKey());
    for (ContentProblem p : r.problems()) out.add("problem " + p.path() + ": " + p.reason());
    return out;
  }

  @Test
  void random_saves_and_deletes_brought_up_to_date_equal_a_new_walk() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("content"));
    Files.createDirectories(root.resolve("docs/deep"));
    Files.createDirectories(root.resolve("blog"));
    var random = new Random(42);
    ContentWalker.Result walk = ContentWalker.walk(root);
    for (int step = 0; step < 60; step++) {
      Set<String> changed = new HashSet<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        String rel = PATHS.get(random.nextInt(PATHS.size()));
        if (random.nextInt(4) == 0) Files.deleteIfExists(root.resolve(rel));
        else ContentFiles.edit(root, rel, "---\ntitle: x\n---\n" + "y".repeat(random.nextInt(50)));
        changed.add(rel);
      }
      ContentWalker.Result updated = ContentWalker.update(root, walk, changed);
      assertNotNull(updated, "step " + step + ": plain files in plain folders need no walk");
      assertEquals(listing(ContentWalker.walk(root)), listing(updated), "step " + step);
      walk = updated;
    }
  }

  @Test
  void a_file_that_stops_being_a_problem_is_no_longer_reported() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("content"));
    Files.createSymbolicLink(root.resolve("gone.md"), tmp.resolve("nowhere.md"));
    ContentWalker.Result walk = ContentWalker.walk(root);
    assertEquals(1, walk.problems().size());

    Files.delete(root.resolve("gone.md"));
    ContentFiles.page(root, "gone.md", "title: Back", "Body");
    ContentWalker.Result updated = ContentWalker.update(root, walk, List.of("gone.md"));

    assertEquals(listing(ContentWalker.walk(root)), listing(updated));
  }

  @Test
  void what_only_a_walk_can_tell_is_left_to_a_walk() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("content"));
    ContentFiles.page(root, "a.md", "title: A", "Body");
    Files.createDirectories(root.resolve("docs"));
    ContentWalker.Result walk = ContentWalker.walk(root);

    assertNull(ContentWalker.update(root, walk, List.of("docs")), "a folder");
    assertNull(ContentWalker.update(root, walk, List.of("notes.txt")), "not a content file");
    assertNull(ContentWalker.update(root, walk, List.of("../outside.md")), "outside the folder");
    assertNull(ContentWalker.update(root, walk, List.of(".drafts/x.md")), "a hidden folder");

    Files.createSymbolicLink(root.resolve("link.md"), root.resolve("a.md"));
    assertNull(ContentWalker.update(root, walk, List.of("link.md")), "a link");

    Files.createSymbolicLink(root.resolve("mirror"), root.resolve("docs"));
    ContentFiles.page(root, "docs/b.md", "title: B", "Body");
    assertNull(ContentWalker.update(root, walk, List.of("mirror/b.md")), "a link on the way");

    ContentWalker.Result throughLinks = ContentWalker.walk(root);
    assertNull(
        ContentWalker.update(root, throughLinks, List.of("a.md")),
        "a walk that listed files through links: a change at the target leaves its other name");
  }
}
