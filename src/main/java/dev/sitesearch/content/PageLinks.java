package dev.sitesearch.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Works out a page's {@link PageAddress} the way Hugo builds a page's target path for HTML (its
 * {@code page.CreateTargetPaths}): {@code url} from front matter (tokens expanded, not sanitized,
 * relative to the language unless it starts with a slash), else the first matching permalink
 * pattern, else the page's folders and its slug or file name; each part sanitized and lower-cased
 * as the site says; {@code index.html} or, with {@code uglyURLs}, {@code .html}; the language
 * prefix; the {@code baseURL} path; Go's percent-encoding. Aliases are resolved as Hugo writes its
 * redirect files.
 */
final class PageLinks {
  private static final String INDEX = "index.html";

  private final PageFacts page;
  private final HugoSite site;
  private final UrlStyle style;
  private final List<String> els = new ArrayList<>();
  private String fullSuffix = ".html";
  private int upperOffset;
  private String prefixLink = "";

  private PageLinks(PageFacts page, HugoSite site) {
    this.page = page;
    this.site = site;
    this.style = site.urls().style();
  }

  /** The address Hugo gives {@code page} on {@code site}. */
  static PageAddress address(PageFacts page, HugoSite site) {
    return new PageLinks(page, site).build();
  }

  private PageAddress build() {
    PagePlace p = page.place();
    SiteUrls urls = site.urls();
    String prefix = site.languages().prefix(p.lang());
    boolean isPage = !p.isBranch();
    boolean isHome = p.kind().equals(PagePlace.HOME);
    String url = isHome ? null : page.url();
    if (url != null && url.indexOf(':') >= 0)
      url = unescapePlus(Permalinks.expand(url, page, style));
    boolean forcePrefix = url != null && !url.startsWith("/");
    if (url != null && url.contains("..")) url = clean("/" + url);
    String expanded = urls.permalinks(p.lang()).expand(page, style);
    if (expanded != null) expanded = clean(unescapePlus(expanded));

    boolean ugly = urls.isUgly(p.firstSection());
    boolean indexIsUglyKind =
        ugly
            && (isHome
                || p.kind().equals(PagePlace.SECTION)
                || p.kind().equals(PagePlace.TAXONOMY));
    String baseName = page.slug() != null ? page.slug() : p.baseName();
    if (expanded == null && isPage && !p.leafBundle() && baseName.equals("index")) ugly = true;

    boolean needsBase = true;
    String sectionBase = "/" + String.join("/", p.dirs());
    if (!isPage && url == null && !sectionBase.equals("/")) {
      add(expanded != null ? expanded : sectionBase);
      needsBase = false;
    }
    if (!isHome && url != null) {
      add(url.split("/"));
      boolean hasDot = url.contains(".");
      if (url.endsWith("/") || !hasDot) add(INDEX);
      else fullSuffix = extension(url);
      if (last().equals(INDEX)) upperOffset = 1;
      if (forcePrefix && !prefix.isEmpty() && !url.startsWith("/" + prefix)) prefixLink = prefix;
    } else if (isPage) {
      if (expanded != null) {
        add(expanded);
      } else {
        add(sectionBase);
        add(baseName);
      }
      if (ugly) concatLast(fullSuffix);
      else add(INDEX);
      if (last().equals(INDEX)) upperOffset = 1;
      prefixLink = prefix;
    } else {
      if (needsBase || !ugly || indexIsUglyKind) add(INDEX);
      else concatLast(fullSuffix);
      if (!indexIsUglyKind && last().equals(INDEX)) upperOffset = 1;
      prefixLink = prefix;
    }
    if (url == null) els.replaceAll(style::urlize);

    String link = path(upperOffset);
    if (!prefixLink.isEmpty()) link = "/" + prefixLink + link;
    if (upperOffset > 0 && !link.endsWith("/")) link += "/";
    link = HugoPaths.escapePath(link);
    if (link.isEmpty()) link = "/";
    String rel = urls.relPermalink(link);
    return new PageAddress(rel, urls.permalink(rel), aliases(prefix, ugly));
  }

  /**
   * The page's aliases as Hugo writes their redirect files: a relative one from the folder above
   * the page's own, an absolute one from the language's prefix; {@code .html} added in an ugly
   * section; {@code /} after one without an extension, where Hugo writes {@code index.html}.
   */
  private List<String> aliases(String prefix, boolean ugly) {
    String full = path(0);
    String dir;
    if (last().startsWith("index.")) {
      int slash = full.lastIndexOf('/');
      dir = slash <= 0 ? "" : full.substring(0, slash);
    } else {
      dir =
          full.endsWith(fullSuffix) ? full.substring(0, full.length() - fullSuffix.length()) : full;
    }
    if (!prefix.isEmpty()) dir = "/" + prefix + dir;
    var out = new ArrayList<String>();
    for (String alias : page.aliases()) {
      String a = alias.strip().replace('\\', '/');
      if (a.isEmpty() || a.contains("://")) continue;
      String resolved = a.startsWith("/") ? clean("/" + prefix + "/" + a) : clean(dir + "/../" + a);
      if (resolved.equals("/")) continue; // Hugo refuses an alias of the site's root
      if (site.urls().isUgly(page.place().firstSection()) && !resolved.endsWith(".html"))
        resolved += ".html";
      if (extension(resolved).isEmpty()) resolved += "/";
      String link = site.urls().relPermalink(HugoPaths.escapePath(resolved));
      if (!out.contains(link)) out.add(link);
    }
    return out;
  }

  private void add(String... parts) {
    for (String e : parts) {
      if (!e.isEmpty() && !e.equals("/")) els.add(e);
    }
  }

  private void concatLast(String suffix) {
    if (els.isEmpty()) {
      els.add(suffix);
      return;
    }
    String old = els.get(els.size() - 1);
    if (old.endsWith("/")) old = old.substring(0, old.length() - 1);
    els.set(els.size() - 1, old + suffix);
  }

  private String last() {
    return els.isEmpty() ? "" : els.get(els.size() - 1);
  }

  /** The elements joined by single slashes, without the last {@code upper} of them. */
  private String path(int upper) {
    var b = new StringBuilder();
    boolean hadTrailingSlash = false;
    for (String el : els.subList(0, Math.max(0, els.size() - upper))) {
      if (!hadTrailingSlash && !el.startsWith("/")) b.append('/');
      hadTrailingSlash = el.endsWith("/");
      b.append(el);
    }
    return b.toString();
  }

  /**
   * Go's {@code path.Clean} of a rooted path: one slash between segments, {@code .} and {@code ..}
   * resolved ({@code ..} at the top stays at the top), no trailing slash.
   */
  static String clean(String path) {
    var out = new ArrayDeque<String>();
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) continue;
      if (seg.equals("..")) {
        if (!out.isEmpty()) out.removeLast();
      } else {
        out.addLast(seg);
      }
    }
    return "/" + String.join("/", out);
  }

  /**
   * Hugo reads an expanded pattern back with Go's query unescaping, which makes {@code +} a space.
   */
  private static String unescapePlus(String s) {
    return s.replace('+', ' ');
  }

  private static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }
}
