package dev.sitesearch.content;

import java.util.List;
import java.util.Objects;

/**
 * The site's languages, as Hugo reads {@code languages}, {@code defaultContentLanguage} and {@code
 * defaultContentLanguageInSubdir}.
 *
 * @param codes the enabled language codes, by weight then code; empty for a bare content folder
 *     (the language is then unknown)
 * @param defaultLang the default content language ({@code en} unless set), or "" when unknown
 * @param defaultInSubdir whether the default language's pages also live under {@code /<lang>/}
 */
record SiteLanguages(List<String> codes, String defaultLang, boolean defaultInSubdir) {
  /** What a bare folder of Markdown has: no languages known. */
  static final SiteLanguages UNKNOWN = new SiteLanguages(List.of(), "", false);

  SiteLanguages {
    codes = List.copyOf(codes);
    Objects.requireNonNull(defaultLang);
  }

  boolean has(String code) {
    return codes.contains(code);
  }

  boolean isMultilingual() {
    return codes.size() > 1;
  }

  /**
   * The path prefix of a language's pages without the slashes ({@code fr}), or "" when its pages
   * sit at the top: Hugo prefixes every language but the default one, and the default one too with
   * {@code defaultContentLanguageInSubdir}.
   */
  String prefix(String lang) {
    if (lang.isEmpty()) return "";
    if (defaultInSubdir && lang.equals(defaultLang)) return lang;
    if (!isMultilingual() || lang.equals(defaultLang)) return "";
    return lang;
  }
}
