package dev.sitesearch.content;

import dev.sitesearch.testing.HugoBuild;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What sitesearch publishes of a content folder, read as an indexing run reads it (walk, site, each
 * file against the site) at the Hugo oracle's clock: each page by its path, and each skipped file
 * with why.
 */
record ProductPages(
    Map<String, ContentPage> pages, Map<String, String> skipped, Map<String, String> failures) {
  static final Clock CLOCK = Clock.fixed(Instant.parse(HugoBuild.CLOCK), ZoneOffset.UTC);

  static ProductPages read(Path contentDir) throws IOException {
    return read(contentDir, PageReader.SiteOptions.FIND);
  }

  static ProductPages read(Path contentDir, PageReader.SiteOptions options) throws IOException {
    return read(contentDir, options, CLOCK);
  }

  static ProductPages read(Path contentDir, PageReader.SiteOptions options, Clock clock)
      throws IOException {
    var reader = new PageReader(5_000_000, false, clock, options);
    List<SourceFile> files = ContentWalker.walk(contentDir).files();
    Site site = reader.site(contentDir, files);
    var pages = new TreeMap<String, ContentPage>();
    var skipped = new TreeMap<String, String>();
    var failures = new TreeMap<String, String>();
    for (SourceFile f : files) {
      switch (reader.read(f, site)) {
        case ReadOutcome.Parsed p -> pages.put(f.relPath(), p.page());
        case ReadOutcome.Skipped s -> skipped.put(s.path(), s.reason());
        case ReadOutcome.Failed failed -> failures.put(f.relPath(), failed.problem().reason());
        case ReadOutcome.Gone g -> throw new AssertionError("gone: " + g.path());
        case ReadOutcome.Changed c -> throw new AssertionError("changed: " + c.problem().path());
        case ReadOutcome.Unreadable u -> failures.put(f.relPath(), u.problem().reason());
      }
    }
    return new ProductPages(pages, skipped, failures);
  }

  /** Each page's URL, by path: what is compared with Hugo's. */
  Map<String, String> urls() {
    var out = new TreeMap<String, String>();
    pages.forEach((path, page) -> out.put(path, page.url()));
    return out;
  }
}
