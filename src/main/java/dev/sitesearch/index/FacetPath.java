package dev.sitesearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The levels of a hierarchical facet's value: {@code "Medigy: Patient Acquisition"} with the
 * separator {@code ": "} is {@code Patient Acquisition} under {@code Medigy}. Each value is indexed
 * as every path from the top down to it ({@code Medigy}, {@code Medigy: Patient Acquisition}), so a
 * page counts once under each level above its value (a parent's count is its children's union) and
 * a filter on a parent finds every page below it. The section tree is kept the same way, with
 * {@code /}.
 */
public final class FacetPath {
  /** The separator of the built-in section facet's paths ({@code docs/concepts}). */
  public static final String SECTION_SEPARATOR = "/";

  private FacetPath() {}

  /**
   * Every path from the top down to {@code value}, split where the separator appears exactly as
   * configured, each level trimmed and empty levels dropped ({@code "A: B: "} is {@code A}, {@code
   * A: B}); a value without the separator is one top-level path; empty for a value with no level
   * left.
   */
  public static List<String> ancestry(String value, String separator) {
    var paths = new ArrayList<String>();
    var path = new StringBuilder();
    for (String level : value.split(Pattern.quote(separator), -1)) {
      String name = level.strip();
      if (name.isEmpty()) continue;
      if (!path.isEmpty()) path.append(separator);
      path.append(name);
      paths.add(path.toString());
    }
    return paths;
  }

  /** The path one level up ({@code Medigy} for {@code Medigy: Telehealth}), "" for a top level. */
  public static String parent(String path, String separator) {
    int at = path.lastIndexOf(separator);
    return at < 0 ? "" : path.substring(0, at);
  }

  /** The last level's name ({@code Telehealth} for {@code Medigy: Telehealth}). */
  public static String label(String path, String separator) {
    int at = path.lastIndexOf(separator);
    return at < 0 ? path : path.substring(at + separator.length());
  }
}
