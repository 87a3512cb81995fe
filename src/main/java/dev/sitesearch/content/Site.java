package dev.sitesearch.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Hugo site around a content folder, as one indexing run sees it: the site's configuration
 * ({@link HugoSite}), where every file sits ({@link SiteLayout}), and what each section's {@code
 * _index} page passes down ({@code cascade}) or lends its pages' URLs ({@code :sectionslug}). Pages
 * are read one by one against it. Its {@link #fingerprint()} changes whenever any of that changes,
 * which can move or unpublish pages whose own files did not change; the index then reads every page
 * again.
 */
public final class Site {
  /** What a section's {@code _index} page gives the pages below it. */
  private record Branch(List<Cascade> cascades, Object rawCascade, String slugOrTitle) {}

  /**
   * What a site was loaded from, so the next run over the same files can take it as it is: the
   * folder, the options, every walked path in order, and the {@code _index} files as the walk saw
   * them (size, time, identity), whose front matter it read.
   */
  private record Inputs(
      Path realDir,
      PageReader.SiteOptions options,
      List<String> paths,
      Map<Integer, SourceFile> indexPages) {
    boolean match(Path dir, PageReader.SiteOptions opts, List<SourceFile> files) {
      if (!realDir.equals(dir) || !options.equals(opts) || files.size() != paths.size())
        return false;
      for (var page : indexPages.entrySet())
        if (!page.getValue().equals(files.get(page.getKey()))) return false;
      for (int i = 0; i < paths.size(); i++)
        if (!paths.get(i).equals(files.get(i).relPath())) return false;
      return true;
    }
  }

  private final HugoSite hugo;
  private final SiteLayout layout;
  private final Map<String, Branch> branches;
  private final UrlTemplate urlTemplate;
  private final String searchable;
  private final String fingerprint;
  private final Inputs inputs; // null for a bare single-file site, never taken again

  private Site(
      HugoSite hugo,
      SiteLayout layout,
      Map<String, Branch> branches,
      UrlTemplate urlTemplate,
      String searchable,
      Inputs inputs) {
    this.hugo = hugo;
    this.inputs = inputs;
    this.layout = layout;
    this.branches = branches;
    this.urlTemplate = urlTemplate;
    this.searchable = searchable;
    var cascades = new TreeMap<String, Object>();
    branches.forEach(
        (k, b) ->
            cascades.put(
                k, List.of(b.rawCascade() == null ? "" : b.rawCascade(), b.slugOrTitle())));
    this.fingerprint =
        Digest.of(
            List.of(
                hugo.fingerprint(),
                layout.bundles(),
                cascades,
                urlTemplate == null ? "" : urlTemplate.template(),
                searchable == null ? "" : searchable));
  }

  /**
   * The site of {@code contentDir}: the Hugo project named by {@code options.root()}, else the one
   * found above the folder, else a bare folder. {@code files} are what the walk found; {@code
   * frontMatter} reads a file's front matter (null when it cannot), for the {@code _index} pages.
   */
  public static Site load(
      Path contentDir,
      PageReader.SiteOptions options,
      List<SourceFile> files,
      Function<SourceFile, Map<String, Object>> frontMatter)
      throws IOException {
    return load(contentDir, options, files, frontMatter, null);
  }

  /**
   * As {@link #load(Path, PageReader.SiteOptions, List, Function)}, taking {@code previous} (a site
   * this loaded before, or null) as it is when nothing it was made of changed: the same Hugo
   * configuration, the same paths, the same {@code _index} files. A watched save changes one page,
   * and laying out every path again was a fifth of its run on a large site.
   */
  public static Site load(
      Path contentDir,
      PageReader.SiteOptions options,
      List<SourceFile> files,
      Function<SourceFile, Map<String, Object>> frontMatter,
      Site previous)
      throws IOException {
    Path real = contentDir.toRealPath();
    HugoSite hugo = hugoSite(real, options.root());
    if (previous != null
        && previous.inputs != null
        && previous.hugo.equals(hugo)
        && previous.inputs.match(real, options, files)) return previous;
    var paths = files.stream().map(SourceFile::relPath).toList();
    var layout = new SiteLayout(hugo, real, paths);
    var branches = new HashMap<String, Branch>();
    var indexPages = new HashMap<Integer, SourceFile>();
    for (int i = 0; i < files.size(); i++) {
      SourceFile f = files.get(i);
      String path = f.relPath();
      if (!path.startsWith("_index.", path.lastIndexOf('/') + 1)) continue;
      indexPages.put(i, f);
      if (!(layout.where(f.relPath()) instanceof SiteLayout.Page page)) continue;
      Map<String, Object> fm = frontMatter.apply(f);
      if (fm == null) continue;
      Map<String, Object> lower = lowerKeys(fm);
      List<Cascade> cascades;
      try {
        cascades = Cascade.read(lower.get("cascade"), "cascade");
      } catch (IllegalArgumentException e) {
        cascades = List.of(); // reported when the page itself is read
      }
      String slug = text(lower.get("slug"));
      String title = text(lower.get("title"));
      branches.put(
          key(page.place().lang(), page.place().path()),
          new Branch(
              cascades, lower.get("cascade"), slug != null ? slug : title != null ? title : ""));
    }
    return new Site(
        hugo,
        layout,
        branches,
        options.urlTemplate(),
        options.searchable(),
        new Inputs(real, options, paths, Map.copyOf(indexPages)));
  }

  private static HugoSite hugoSite(Path realContentDir, Path siteRoot) throws HugoConfigException {
    if (siteRoot != null) {
      if (!Files.isDirectory(siteRoot) || !HugoProject.isProject(siteRoot))
        throw new HugoConfigException(
            siteRoot + " is not a Hugo project: no hugo.toml, config.toml or config/_default/");
      HugoSite site = HugoSite.read(siteRoot);
      if (!site.claims(realContentDir))
        throw new HugoConfigException(
            realContentDir + " is none of the content folders of the Hugo site in " + siteRoot);
      return site;
    }
    Optional<Path> found = HugoProject.find(realContentDir);
    return found.isPresent() ? HugoSite.read(found.get()) : HugoSite.bare(realContentDir);
  }

  /** A bare folder's site, knowing only {@code files}: for reading single files outside a run. */
  static Site bare(Path contentDir, List<SourceFile> files) {
    Path root = contentDir.toAbsolutePath().normalize();
    try {
      root = contentDir.toRealPath();
    } catch (IOException e) {
      // the walk would have found nothing; the file's read reports what is wrong
    }
    HugoSite hugo = HugoSite.bare(root);
    var layout = new SiteLayout(hugo, root, files.stream().map(SourceFile::relPath).toList());
    return new Site(hugo, layout, Map.of(), null, null, null);
  }

  /**
   * The front matter a page ends with: its own ({@code data}), plus what {@code cascades} give it,
   * strongest first, for keys it does not set (any case) and inside its {@code params}.
   */
  static Map<String, Object> withCascades(Map<String, Object> data, List<Cascade> cascades) {
    if (cascades.isEmpty()) return data;
    var out = new LinkedHashMap<>(data);
    var present = new HashSet<String>();
    data.keySet().forEach(k -> present.add(k.toLowerCase(Locale.ROOT)));
    String paramsKey =
        data.keySet().stream()
            .filter(k -> k.equalsIgnoreCase("params"))
            .findFirst()
            .orElse("params");
    var params = new LinkedHashMap<String, Object>();
    if (out.get(paramsKey) instanceof Map<?, ?> own)
      own.forEach((k, v) -> params.put(String.valueOf(k), v));
    var presentParams = new HashSet<String>();
    params.keySet().forEach(k -> presentParams.add(k.toLowerCase(Locale.ROOT)));
    for (Cascade c : cascades) {
      c.fields()
          .forEach(
              (k, v) -> {
                if (present.add(k)) out.put(k, v);
              });
      c.params()
          .forEach(
              (k, v) -> {
                if (presentParams.add(k) && !present.contains(k)) params.put(k, v);
              });
    }
    if (!params.isEmpty()) out.put(paramsKey, params);
    return out;
  }

  public HugoSite hugo() {
    return hugo;
  }

  /** The site's own front-matter path whose {@code false} keeps a page out of search, or null. */
  String searchable() {
    return searchable;
  }

  UrlTemplate urlTemplate() {
    return urlTemplate;
  }

  /**
   * A digest of everything besides a page's own file that decides whether and where it is
   * published.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** The site in a line, for the log: where its config is, its baseURL and languages. */
  public String describe() {
    String rule = urlTemplate == null ? "" : "; URLs from " + urlTemplate.template();
    if (!hugo.isProject()) return "a bare content folder (no Hugo project above it)" + rule;
    SiteUrls urls = hugo.urls();
    return "Hugo site "
        + hugo.root()
        + " (baseURL "
        + (urls.host() == null ? "" : urls.host())
        + urls.basePath()
        + ", languages "
        + String.join(", ", hugo.languages().codes())
        + ")"
        + rule;
  }

  SiteLayout.Where where(String relPath) {
    return layout.where(relPath);
  }

  /**
   * The cascades that apply to a page, strongest first: its own, then its sections' from the
   * nearest up, then the site config's. Each gives a page only the values it does not set itself.
   */
  List<Cascade> cascades(PagePlace place, List<Cascade> own) {
    var out = new ArrayList<>(own);
    String path = place.path();
    while (!path.equals("/")) {
      int slash = path.lastIndexOf('/');
      path = slash <= 0 ? "/" : path.substring(0, slash);
      Branch b = branches.get(key(place.lang(), path));
      if (b != null) out.addAll(b.cascades());
    }
    out.addAll(hugo.cascades());
    return out.stream()
        .filter(c -> c.target().matches(place.kind(), place.path(), place.lang()))
        .toList();
  }

  /** Each of the page's sections' slug, else title, else folder name, top first. */
  List<String> sectionSlugs(PagePlace place) {
    var out = new ArrayList<String>();
    List<String> sections = place.sections();
    for (int n = 1; n <= sections.size(); n++) {
      String path = "/" + HugoPaths.normalize(String.join("/", sections.subList(0, n)));
      Branch b = branches.get(key(place.lang(), path));
      out.add(b != null && !b.slugOrTitle().isBlank() ? b.slugOrTitle() : sections.get(n - 1));
    }
    return out;
  }

  private static String key(String lang, String logicalPath) {
    return lang + "|" + logicalPath;
  }

  /** The front matter's top-level keys in lower case, as Hugo reads them. */
  static Map<String, Object> lowerKeys(Map<String, Object> fm) {
    var out = new HashMap<String, Object>(fm.size() * 2);
    fm.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  private static String text(Object v) {
    if (v == null || v instanceof Map || v instanceof List) return null;
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }
}
