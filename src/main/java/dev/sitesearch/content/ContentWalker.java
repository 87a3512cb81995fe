package dev.sitesearch.content;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the content files under a root, recursively, in a deterministic order (sorted by relative
 * path): Markdown as Hugo reads it ({@code .md}, {@code .markdown}, {@code .mdown}, any case), and
 * the files a reader might take for pages but Hugo or sitesearch does not ({@code .html}, {@code
 * .adoc}, {@code .org}, … content, {@code .mkd} and other Markdown extensions Hugo does not read),
 * so that the run can say why they are skipped. Follows symlinks that stay inside the root; one
 * that leaves it, loops, or dangles is reported and left out. Hidden files and folders (a leading
 * dot, such as {@code .git}) are ignored, as Hugo does.
 *
 * <p>The walk does not ask the OS to follow links: it reads each entry's own attributes (one {@code
 * lstat}) and resolves only the entries that are symlinks, which keeps a no-change pass over 100k
 * files well under a second.
 *
 * <p>Each file is listed by its real path with the identity the walk saw (file key, size, mtime):
 * what the walk checked (inside the root, a regular file) holds only for that file, so the reader
 * opens that path without following links and reads it only if it is still that file.
 */
public final class ContentWalker {
  /**
   * The files to read and the problems met on the way; {@code throughLinks} when some file is named
   * by a path through a symlink (a link to it, or a linked folder on its way).
   */
  public record Result(
      List<SourceFile> files, List<ContentProblem> problems, boolean throughLinks) {
    public Result {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }

    public Result(List<SourceFile> files, List<ContentProblem> problems) {
      this(files, problems, false);
    }
  }

  private final Path realRoot;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<ContentProblem> problems = new ArrayList<>();
  private boolean throughLinks;

  private ContentWalker(Path root) throws IOException {
    this.realRoot = root.toRealPath();
  }

  /** Whether the walk lists a file of this name (see the class comment). */
  public static boolean isContentFile(String fileName) {
    if (fileName.startsWith(".")) return false;
    String ext = SiteLayout.extension(fileName);
    return SiteLayout.MARKDOWN.contains(ext)
        || SiteLayout.OTHER_FORMATS.contains(ext)
        || SiteLayout.NOT_HUGO_MARKDOWN.contains(ext);
  }

  public static Result walk(Path root) throws IOException {
    var walker = new ContentWalker(root);
    // From the real folder: a root that is itself a symlink (a deploy's "current" link) would
    // otherwise be visited
    // as a link to a folder that contains it, and its every page left out as a loop.
    walker.walkTree(walker.realRoot, "", Set.of(walker.realRoot));
    walker.files.sort(Comparator.comparing(SourceFile::relPath));
    walker.problems.sort(Comparator.comparing(ContentProblem::path));
    return new Result(walker.files, walker.problems, walker.throughLinks);
  }

  /**
   * The walk {@code previous} of {@code root} brought up to date with the files at {@code changed}
   * (paths relative to the root, as a watcher reports them), looking at those files alone; or null
   * when only a new walk can tell: a changed path that is not a content file's name, is a folder, a
   * link or another kind of file now, or lies under a link, or a previous walk that listed files
   * through links (a change seen at a link's target would leave the name under the link stale).
   */
  public static Result update(Path root, Result previous, Collection<String> changed)
      throws IOException {
    Path realRoot = root.toRealPath();
    if (previous.throughLinks()) return null; // a change at a link's target leaves its other name
    var files = new ArrayList<>(previous.files()); // sorted by path: found by binary search
    var problems = new ArrayList<>(previous.problems());
    for (String path : changed) {
      Path file = realRoot.resolve(path).normalize();
      if (!file.startsWith(realRoot) || file.equals(realRoot)) return null;
      if (hidden(realRoot.relativize(file)) || !isContentFile(file.getFileName().toString()))
        return null;
      String rel = rel(realRoot, "", file);
      problems.removeIf(p -> p.path().equals(rel));
      int at = find(files, rel);
      BasicFileAttributes attrs;
      try {
        // The walk names a file by its real path: a link on the way would name it otherwise.
        if (!file.getParent().toRealPath().equals(file.getParent())) return null;
        attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        if (at >= 0) files.remove(at);
        continue;
      } catch (IOException e) {
        return null; // a new walk reports it as it reports any file it cannot read
      }
      if (!attrs.isRegularFile()) return null;
      SourceFile listed = SourceFile.listed(rel, file, attrs);
      if (at >= 0) files.set(at, listed);
      else files.add(-at - 1, listed);
    }
    return new Result(files, problems, false);
  }

  /** Where {@code rel} is in files sorted by path, or {@code -(insertion point) - 1}. */
  private static int find(List<SourceFile> files, String rel) {
    int lo = 0;
    int hi = files.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = files.get(mid).relPath().compareTo(rel);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -(lo + 1);
  }

  private static boolean hidden(Path rel) {
    for (Path name : rel) if (name.toString().startsWith(".")) return true;
    return false;
  }

  /**
   * Walks {@code start} (the root, or the real folder a symlink leads to), naming files by {@code
   * relPrefix} plus their path under {@code start}; {@code realAncestors} are the real folders
   * above, for loop detection.
   */
  private void walkTree(Path start, String relPrefix, Set<Path> realAncestors) throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(start) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) return FileVisitResult.CONTINUE;
            if (attrs.isSymbolicLink()) {
              followLink(file, rel(start, relPrefix, file), realAncestors);
            } else if (attrs.isRegularFile() && isContentFile(name)) {
              files.add(SourceFile.listed(rel(start, relPrefix, file), file, attrs));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            // Listed, then deleted before it could be looked at (an editor's save, a deploy): it is
            // simply not there.
            if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
            if (e instanceof AccessDeniedException) {
              problems.add(
                  ContentProblem.of(rel(start, relPrefix, file), "cannot read: permission denied"));
            } else if (isContentFile(name) || Files.isDirectory(file)) {
              problems.add(
                  ContentProblem.of(
                      rel(start, relPrefix, file), "cannot read: " + ContentProblem.ioReason(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void followLink(Path link, String rel, Set<Path> realAncestors) throws IOException {
    Path target;
    try {
      target = link.toRealPath();
    } catch (NoSuchFileException e) {
      if (isContentFile(link.getFileName().toString())) {
        problems.add(ContentProblem.of(rel, "broken symlink: its target does not exist"));
      }
      return;
    } catch (IOException e) {
      problems.add(
          ContentProblem.of(
              rel,
              "symlink loop or unreadable link (" + ContentProblem.ioReason(e) + "); left out"));
      return;
    }
    if (!target.startsWith(realRoot)) {
      problems.add(ContentProblem.of(rel, "symlink points outside the content folder; left out"));
      return;
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return; // the link or its target was deleted while the walk went by
    }
    if (attrs.isDirectory()) {
      Path realParent = link.getParent().toRealPath();
      if (realAncestors.contains(target) || realParent.startsWith(target)) {
        problems.add(
            ContentProblem.of(
                rel, "symlink loop: it leads back to a folder that contains it; left out"));
        return;
      }
      Set<Path> ancestors = new HashSet<>(realAncestors);
      ancestors.add(target);
      throughLinks = true;
      walkTree(target, rel + "/", ancestors);
    } else if (attrs.isRegularFile() && isContentFile(link.getFileName().toString())) {
      // Read from where the link led at the walk, so that reading follows no link (SourceText).
      throughLinks = true;
      files.add(SourceFile.listed(rel, target, attrs));
    }
  }

  private static String rel(Path start, String relPrefix, Path file) {
    return relPrefix + start.relativize(file).toString().replace(File.separatorChar, '/');
  }
}
