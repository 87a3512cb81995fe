package dev.sitesearch.content;

import java.nio.file.Path;
import java.util.List;

/**
 * One folder whose files Hugo reads as content: the site's {@code contentDir}, a language's own
 * {@code contentDir}, or a {@code module.mounts} entry whose target is under {@code content}.
 *
 * @param source the folder on disk, absolute and normalized
 * @param target where its files sit in the site's content tree ({@code ""} for the top, else a path
 *     such as {@code docs/specs})
 * @param lang the language its files are in, or null when the file name or the default decides
 * @param includes globs a file's path under {@code source} must match one of (none: every file)
 * @param excludes globs that leave a file out ({@code files: ['! **}{@code /README.md']})
 */
record ContentMount(
    Path source, String target, String lang, List<PathGlob> includes, List<PathGlob> excludes) {

  ContentMount {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  static ContentMount of(Path source, String target, String lang) {
    return new ContentMount(source, target, lang, List.of(), List.of());
  }

  /** Whether the file at {@code rel} (under {@code source}, '/' separated) is mounted. */
  boolean takes(String rel) {
    if (!includes.isEmpty() && includes.stream().noneMatch(g -> g.matches(rel))) return false;
    return excludes.stream().noneMatch(g -> g.matches(rel));
  }

  /** The path in the content tree of the file at {@code rel} under {@code source}. */
  String contentPath(String rel) {
    return target.isEmpty() ? rel : rel.isEmpty() ? target : target + "/" + rel;
  }
}
