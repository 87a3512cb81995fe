package dev.sitesearch.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a Hugo site's configuration says about publishing pages and their addresses, read once per
 * indexing run by {@link HugoSiteReader}. A bare folder of Markdown (no Hugo project around it)
 * gets {@link #bare}: Hugo's defaults, with the language unknown.
 *
 * @param root the project folder, or null for a bare content folder
 * @param urls {@code baseURL}, {@code permalinks}, {@code uglyURLs} and path case
 * @param languages the languages and which one is the default
 * @param mounts the folders Hugo reads content from, in the order a file is looked up: module
 *     mounts as written, else the languages' own folders before the site's
 * @param cascades the config's own {@code cascade} entries
 * @param publishing drafts, future and expired pages, date sources, disabled kinds
 * @param taxonomies the taxonomies' plural names ({@code tags}, {@code categories})
 * @param headingIds how the site's Markdown gives headings their ids ({@code
 *     markup.goldmark.parser})
 * @param fingerprint a digest of everything above, kept with the index: when it changes, pages
 *     already indexed may have another address or no longer be published
 */
public record HugoSite(
    Path root,
    SiteUrls urls,
    SiteLanguages languages,
    List<ContentMount> mounts,
    List<Cascade> cascades,
    Publishing publishing,
    Set<String> taxonomies,
    HeadingIds headingIds,
    String fingerprint) {

  static final Set<String> DEFAULT_TAXONOMIES = Set.of("tags", "categories");

  public HugoSite {
    Objects.requireNonNull(urls);
    Objects.requireNonNull(languages);
    mounts = List.copyOf(mounts);
    cascades = List.copyOf(cascades);
    Objects.requireNonNull(publishing);
    taxonomies = Set.copyOf(taxonomies);
    Objects.requireNonNull(headingIds);
    Objects.requireNonNull(fingerprint);
  }

  /** A content folder outside any Hugo project: Hugo's defaults, the language unknown. */
  public static HugoSite bare(Path contentDir) {
    return new HugoSite(
        null,
        SiteUrls.DEFAULTS,
        SiteLanguages.UNKNOWN,
        List.of(ContentMount.of(contentDir.toAbsolutePath().normalize(), "", null)),
        List.of(),
        Publishing.DEFAULTS,
        DEFAULT_TAXONOMIES,
        HeadingIds.HUGO_DEFAULT,
        "bare");
  }

  /** The site of the Hugo project in {@code root}. */
  public static HugoSite read(Path root) throws HugoConfigException {
    return HugoSiteReader.read(root, HugoProject.read(root));
  }

  /**
   * Whether the (real, absolute) folder {@code contentDir} holds this site's content: it is one of
   * its content folders, lies inside one, or holds one (the {@code content} folder of a site whose
   * languages each have a folder in it).
   */
  public boolean claims(Path contentDir) {
    for (ContentMount m : mounts) {
      if (contentDir.startsWith(m.source()) || m.source().startsWith(contentDir)) return true;
    }
    return false;
  }

  /** Whether this is a Hugo project's site rather than a bare folder. */
  public boolean isProject() {
    return root != null;
  }
}
