package dev.sitesearch.content;

import java.util.List;
import java.util.Objects;

/**
 * Where a content file sits in the Hugo site, before anything is read from it: its language, its
 * kind, its logical path, and the folders around it, as Hugo derives them from the file's path.
 *
 * @param lang the language code, or "" when the site's languages are unknown (a bare folder)
 * @param kind {@code home}, {@code section}, {@code taxonomy}, {@code term} (an {@code _index}
 *     file) or {@code page}
 * @param path the logical path: lower case, spaces as hyphens, no extension or language ({@code
 *     /docs/concepts/pods}; {@code /} for the home page)
 * @param dirs the folders the page's URL is made from, as written: the file's folder, or the
 *     bundle's parent for a leaf bundle, or the section's own path for a branch bundle
 * @param baseName the file name without extension and language, or the bundle folder's name for a
 *     leaf bundle ({@code index.md}); "" for the home page
 * @param fileName the file name without extension and language ({@code index}, {@code _index},
 *     {@code my page})
 * @param leafBundle whether the page is a leaf bundle ({@code index.md})
 * @param sections the sections the page belongs to, top first, as written: the page's nearest
 *     section (itself for a branch page); a top-level folder is always a section, a deeper one only
 *     with an {@code _index} file
 */
public record PagePlace(
    String lang,
    String kind,
    String path,
    List<String> dirs,
    String baseName,
    String fileName,
    boolean leafBundle,
    List<String> sections) {

  public static final String HOME = "home";
  public static final String SECTION = "section";
  public static final String TAXONOMY = "taxonomy";
  public static final String TERM = "term";
  public static final String PAGE = "page";

  public PagePlace {
    Objects.requireNonNull(lang);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(path);
    dirs = List.copyOf(dirs);
    sections = List.copyOf(sections);
  }

  /** A list page: home, section, taxonomy or term ({@code _index} files). */
  public boolean isBranch() {
    return !kind.equals(PAGE);
  }

  /** The top-level section's name, as written, or "" for a page at the top. */
  public String firstSection() {
    return sections.isEmpty() ? "" : sections.get(0);
  }

  /** The sections in their logical form ({@code [docs, concepts]}), for the index. */
  public List<String> sectionPath() {
    return sections.stream().map(HugoPaths::normalize).toList();
  }
}
