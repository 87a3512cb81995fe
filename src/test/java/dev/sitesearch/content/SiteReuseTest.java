package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over the same files takes the last run's site as it is (a watched save must not lay out a
 * large site again), and any change that can move or unpublish pages makes a new one.
 */
class SiteReuseTest {
  @TempDir Path dir;

  private final PageReader reader =
      new PageReader(
          5_000_000, false, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private Site site(Path content) throws Exception {
    return reader.site(content, ContentWalker.walk(content).files());
  }

  private Path content() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Files.createDirectories(content.resolve("docs"));
    Files.writeString(content.resolve("docs/_index.md"), "---\ntitle: Docs\n---\n");
    Files.writeString(content.resolve("docs/a.md"), "---\ntitle: A\n---\nBody.\n");
    return content;
  }

  @Test
  void an_edited_page_keeps_the_site_and_a_new_page_makes_a_new_one() throws Exception {
    Path content = content();
    Site first = site(content);
    Files.writeString(content.resolve("docs/a.md"), "---\ntitle: A, edited\n---\nMore.\n");
    assertSame(first, site(content), "one page's text changed: nothing the site is made of");

    Files.writeString(content.resolve("docs/b.md"), "---\ntitle: B\n---\nBody.\n");
    Site withB = site(content);
    assertNotSame(first, withB);
    assertEquals(first.fingerprint(), withB.fingerprint(), "a page more moves no other page");
  }

  @Test
  void an_edited_index_page_or_site_config_makes_a_new_site() throws Exception {
    Path content = content();
    Site first = site(content);
    Path index = content.resolve("docs/_index.md");
    Files.writeString(index, "---\ntitle: Docs\ncascade:\n  params:\n    audience: ops\n---\n");
    Files.setLastModifiedTime(index, FileTime.fromMillis(1_000_000)); // same time as no other
    Site cascaded = site(content);
    assertNotSame(first, cascaded);
    assertNotEquals(first.fingerprint(), cascaded.fingerprint(), "the cascade reaches docs/a.md");

    Files.writeString(dir.resolve("hugo.toml"), "baseURL = 'https://example.org/'\n");
    Site configured = site(content);
    assertNotSame(cascaded, configured);
    assertNotEquals(cascaded.fingerprint(), configured.fingerprint());
    assertSame(configured, site(content));
  }
}
