package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ContentWalkerTest {
  @TempDir Path tmp;

  private Path write(Path root, String rel) throws IOException {
    return ContentFiles.page(root, rel, "title: " + rel, "Body");
  }

  private Path content() throws IOException {
    return Files.createDirectories(tmp.resolve("content"));
  }

  private static List<String> paths(ContentWalker.Result r) {
    return r.files().stream().map(SourceFile::relPath).toList();
  }

  /**
   * Walks {@code root}: finds exactly {@code found}, and reports one problem, at {@code path},
   * whose reason says {@code reason}.
   */
  private static void assertWalk(Path root, List<String> found, String path, String reason)
      throws IOException {
    ContentWalker.Result r = ContentWalker.walk(root);

    assertEquals(found, paths(r));
    assertEquals(1, r.problems().size(), r.problems().toString());
    ContentProblem p = r.problems().get(0);
    assertEquals(path, p.path());
    assertTrue(p.reason().contains(reason), p.reason());
  }

  @Test
  void finds_markdown_files_recursively_in_path_order_and_ignores_hidden_and_other_files()
      throws Exception {
    Path root = content();
    write(root, "z.md");
    write(root, "b/nested/page.markdown");
    write(root, "a.MD");
    write(root, ".hidden.md");
    write(root, ".git/readme.md");
    write(root, "drafts/.obsidian/x.md");
    Files.writeString(root.resolve("notes.txt"), "not content");

    ContentWalker.Result r = ContentWalker.walk(root);

    assertEquals(List.of("a.MD", "b/nested/page.markdown", "z.md"), paths(r));
    assertEquals(List.of(), r.problems());
  }

  @Test
  void symlinks_that_stay_inside_the_root_are_followed() throws Exception {
    Path root = content();
    write(root, "real/page.md");
    Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("real/page.md"));
    Files.createSymbolicLink(root.resolve("linked-dir"), root.resolve("real"));

    ContentWalker.Result r = ContentWalker.walk(root);

    assertEquals(List.of("alias.md", "linked-dir/page.md", "real/page.md"), paths(r));
    assertEquals(List.of(), r.problems());
  }

  @Test
  void a_content_folder_that_is_itself_a_symlink_is_walked_like_the_folder_it_leads_to()
      throws Exception {
    Path real = content();
    write(real, "news/page.md");
    Files.createSymbolicLink(real.resolve("alias.md"), real.resolve("news/page.md"));
    Path current =
        Files.createSymbolicLink(
            tmp.resolve("current"), real); // as a deploy's "current" release link

    ContentWalker.Result r = ContentWalker.walk(current);

    assertEquals(List.of("alias.md", "news/page.md"), paths(r));
    assertEquals(List.of(), r.problems());
  }

  @Test
  @Timeout(30) // a guard against a hung walk, not a speed check
  void files_deleted_while_the_walk_goes_by_are_left_out_and_never_reported() throws Exception {
    Path root = content();
    for (int i = 0; i < 200; i++) write(root, "stable/s" + i + ".md");
    var stop = new AtomicBoolean();
    Thread churn =
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                try {
                  Path p = write(root, "stable/churn" + (i % 50) + ".md");
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a folder listing raced this; go on
                }
              }
            });
    churn.start();
    var problems = new ArrayList<ContentProblem>();
    int walks = 0;
    try {
      // Bounded race: on 2 cores about 1 walk in 15 meets a file listed and then gone, so a second
      // sees dozens.
      for (long end = System.currentTimeMillis() + 1_000;
          System.currentTimeMillis() < end;
          walks++) {
        ContentWalker.Result r = ContentWalker.walk(root);
        problems.addAll(r.problems());
        assertTrue(r.files().size() >= 200, r.files().size() + " files");
      }
    } finally {
      stop.set(true);
      churn.join();
    }
    assertEquals(List.of(), problems.stream().limit(3).toList(), "over " + walks + " walks");
  }

  @Test
  void a_file_symlink_leaving_the_content_root_is_reported_and_left_out() throws Exception {
    Path root = content();
    write(root, "ok.md");
    Path secret = write(tmp, "outside/secret.md");
    Files.createSymbolicLink(root.resolve("leak.md"), secret);

    assertWalk(root, List.of("ok.md"), "leak.md", "outside the content folder");
  }

  @Test
  void a_folder_symlink_leaving_the_content_root_is_reported_and_left_out() throws Exception {
    Path root = content();
    write(root, "ok.md");
    write(tmp, "outside/secret.md");
    Files.createSymbolicLink(root.resolve("elsewhere"), tmp.resolve("outside"));

    assertWalk(root, List.of("ok.md"), "elsewhere", "outside the content folder");
  }

  @Test
  void a_symlink_loop_is_reported_and_the_walk_ends() throws Exception {
    Path root = content();
    write(root, "a/page.md");
    Files.createSymbolicLink(root.resolve("a/back-to-root"), root);

    assertWalk(root, List.of("a/page.md"), "a/back-to-root", "symlink loop");
  }

  @Test
  void a_broken_symlink_named_md_is_reported() throws Exception {
    Path root = content();
    write(root, "ok.md");
    Files.createSymbolicLink(root.resolve("dangling.md"), root.resolve("deleted-long-ago.md"));

    assertWalk(root, List.of("ok.md"), "dangling.md", "broken symlink");
  }

  @Test
  void an_unreadable_file_is_reported_not_thrown() throws Exception {
    Path root = content();
    write(root, "ok.md");
    ContentFiles.makeUnreadable(write(root, "locked.md"));

    assertWalk(root, List.of("ok.md"), "locked.md", "permission denied");
  }
}
