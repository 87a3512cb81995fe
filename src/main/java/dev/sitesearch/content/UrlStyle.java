package dev.sitesearch.content;

/**
 * How the site writes the paths Hugo makes from file names, slugs and titles.
 *
 * @param toLower lower case, unless the site sets {@code disablePathToLower}
 * @param removeAccents drop accents ({@code removePathAccents})
 */
record UrlStyle(boolean toLower, boolean removeAccents) {
  static final UrlStyle DEFAULT = new UrlStyle(true, false);

  /** A path or path segment as Hugo writes it in a URL ({@code "My Page!"} is {@code my-page}). */
  String urlize(String s) {
    return HugoPaths.sanitize(s, toLower, removeAccents);
  }
}
