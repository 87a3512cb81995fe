package dev.sitesearch.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where each content file sits in the Hugo site, from its path alone: which content folder (mount)
 * it is read through and so its path in the content tree, its language (a {@code .fr.md} suffix,
 * else the folder's language, else the default), whether it is a page at all (a Markdown file
 * outside a leaf bundle's folder), its kind, logical path and sections. Built once per run from
 * every file the walk found, because bundles and sections are decided by their neighbours.
 */
final class SiteLayout {
  /** What Hugo reads as Markdown; it has read exactly these since 0.20 ({@code text/markdown}). */
  static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown");

  /** Hugo's other content formats: pages Hugo renders, which sitesearch does not read. */
  static final Set<String> OTHER_FORMATS =
      Set.of("html", "htm", "adoc", "asciidoc", "ad", "org", "pandoc", "pdc", "rst");

  /** Extensions some editors use for Markdown that Hugo copies as plain files. */
  static final Set<String> NOT_HUGO_MARKDOWN = Set.of("mkd", "mkdn", "mdwn", "mdtxt", "mdtext");

  private final HugoSite site;
  private final Path contentDir;
  private final Set<String> leafDirs = new HashSet<>();
  private final Set<String> branchDirs = new HashSet<>();

  /** A file's place in the tree, or why it is not a page. */
  sealed interface Where {}

  record Page(PagePlace place) implements Where {}

  record NotAPage(String reason) implements Where {}

  /** A file's path in the content tree and its language, before bundles are looked at. */
  private record Located(String dir, String name, String ext, String lang) {}

  SiteLayout(HugoSite site, Path realContentDir, Collection<String> relPaths) {
    this.site = site;
    this.contentDir = realContentDir;
    for (String rel : relPaths) {
      String fileName = rel.substring(rel.lastIndexOf('/') + 1);
      if (!fileName.startsWith("index.") && !fileName.startsWith("_index.")) continue;
      Located at = locate(rel);
      if (at == null || !MARKDOWN.contains(at.ext()) && !OTHER_FORMATS.contains(at.ext())) continue;
      (at.name().equals("index") ? leafDirs : branchDirs).add(at.dir());
    }
  }

  /** The bundle folders in the content tree (leaf ones marked), for the site's fingerprint. */
  List<String> bundles() {
    var out = new ArrayList<String>();
    leafDirs.forEach(d -> out.add("leaf:" + d));
    branchDirs.forEach(d -> out.add("branch:" + d));
    out.sort(null);
    return out;
  }

  Where where(String rel) {
    String ext = extension(rel);
    Located at = locate(rel);
    if (at == null)
      return new NotAPage(
          "outside the Hugo site's content folders (contentDir, module mounts): not published");
    String bundle = leafAbove(at);
    if (bundle != null)
      return new NotAPage(
          "a resource of the leaf bundle "
              + (bundle.isEmpty() ? "" : bundle + "/")
              + "index.md, not a page of its own: Hugo does not publish it");
    if (OTHER_FORMATS.contains(ext))
      return new NotAPage("Hugo renders ." + ext + " content, but sitesearch reads Markdown only");
    if (NOT_HUGO_MARKDOWN.contains(ext))
      return new NotAPage(
          "Hugo does not read ." + ext + " files as content (only .md, .markdown and .mdown)");
    if (!MARKDOWN.contains(ext)) return new NotAPage("not a Markdown file");
    if (site.publishing().disabledLanguages().contains(at.lang()))
      return new NotAPage("its language, " + at.lang() + ", is disabled in the Hugo config");
    return new Page(place(at));
  }

  /** The leaf bundle folder this file is a resource of, or null. */
  private String leafAbove(Located at) {
    String dir = at.name().equals("index") ? parent(at.dir()) : at.dir();
    while (dir != null) {
      if (leafDirs.contains(dir)) return dir;
      dir = parent(dir);
    }
    return null;
  }

  private PagePlace place(Located at) {
    List<String> dirSegments = segments(at.dir());
    boolean branch = at.name().equals("_index");
    boolean leaf = at.name().equals("index");
    String kind = PagePlace.PAGE;
    if (branch) kind = branchKind(dirSegments);
    List<String> sections;
    List<String> dirs;
    String baseName;
    if (branch) {
      sections = dirSegments;
      dirs = dirSegments;
      baseName = dirSegments.isEmpty() ? "" : dirSegments.get(dirSegments.size() - 1);
    } else if (leaf) {
      dirs = dirSegments.isEmpty() ? List.of() : dirSegments.subList(0, dirSegments.size() - 1);
      sections = section(dirs);
      baseName = dirSegments.isEmpty() ? "" : dirSegments.get(dirSegments.size() - 1);
    } else {
      dirs = dirSegments;
      sections = section(dirs);
      baseName = at.name();
    }
    String logical = branch || leaf ? at.dir() : join(at.dir(), at.name());
    return new PagePlace(
        at.lang(),
        kind,
        "/" + HugoPaths.normalize(logical),
        dirs,
        baseName,
        at.name(),
        leaf,
        sections);
  }

  private String branchKind(List<String> dir) {
    if (dir.isEmpty()) return PagePlace.HOME;
    boolean taxonomy = site.taxonomies().contains(HugoPaths.normalize(dir.get(0)));
    if (taxonomy && dir.size() == 1) return PagePlace.TAXONOMY;
    if (taxonomy && dir.size() == 2) return PagePlace.TERM;
    return PagePlace.SECTION;
  }

  /** The nearest section holding a page in {@code dirs}: a top folder, or one with _index. */
  private List<String> section(List<String> dirs) {
    for (int n = dirs.size(); n > 1; n--) {
      if (branchDirs.contains(String.join("/", dirs.subList(0, n)))) return dirs.subList(0, n);
    }
    return dirs.isEmpty() ? List.of() : dirs.subList(0, 1);
  }

  /**
   * Maps {@code rel} (under the content folder) through the first mount that takes it: its folder
   * and name in the content tree, its extension and its language; null when no mount takes it.
   */
  private Located locate(String rel) {
    Path abs = contentDir.resolve(rel);
    for (ContentMount m : site.mounts()) {
      if (!abs.startsWith(m.source())) continue;
      String under = m.source().relativize(abs).toString().replace('\\', '/');
      if (!m.takes(under)) continue;
      String path = m.contentPath(under);
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      String file = path.substring(slash + 1);
      String ext = extension(file);
      String name = ext.isEmpty() ? file : file.substring(0, file.length() - ext.length() - 1);
      String lang = m.lang() == null ? site.languages().defaultLang() : m.lang();
      int dot = name.lastIndexOf('.');
      if (dot > 0 && site.languages().has(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
        lang = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        name = name.substring(0, dot);
      } else if (dot > 0
          && site.publishing().disabledLanguages().contains(name.substring(dot + 1))) {
        lang = name.substring(dot + 1);
        name = name.substring(0, dot);
      }
      return new Located(dir, name, ext, lang);
    }
    return null;
  }

  static String extension(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot <= 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String parent(String dir) {
    if (dir.isEmpty()) return null;
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "" : dir.substring(0, slash);
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  private static List<String> segments(String dir) {
    return dir.isEmpty() ? List.of() : Arrays.asList(dir.split("/"));
  }
}
