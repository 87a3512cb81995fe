package dev.sitesearch.content;

import java.util.Set;

/**
 * The site-wide settings of what Hugo publishes.
 *
 * @param buildDrafts {@code buildDrafts}: drafts are published
 * @param buildFuture {@code buildFuture}: pages with a future publish date are published
 * @param buildExpired {@code buildExpired}: expired pages are published
 * @param dates where each page's dates come from ({@code [frontmatter]})
 * @param disabledKinds page kinds Hugo renders none of ({@code disableKinds}), in lower case
 * @param disabledLanguages languages whose pages Hugo renders none of ({@code disableLanguages}, or
 *     {@code disabled} on the language)
 */
record Publishing(
    boolean buildDrafts,
    boolean buildFuture,
    boolean buildExpired,
    FrontMatterDates dates,
    Set<String> disabledKinds,
    Set<String> disabledLanguages) {

  static final Publishing DEFAULTS =
      new Publishing(false, false, false, FrontMatterDates.DEFAULTS, Set.of(), Set.of());

  Publishing {
    disabledKinds = Set.copyOf(disabledKinds);
    disabledLanguages = Set.copyOf(disabledLanguages);
  }
}
