package dev.sitesearch.content;

import java.util.Objects;

/**
 * One heading of a page and where the section it opens starts in the page's text: the section runs
 * from {@code start} (the heading's text) to the next heading's start, or the end of the text.
 *
 * @param level 1 to 6, as {@code #} to {@code ######} (a setext heading: 1 for {@code ===}, 2 for
 *     {@code ---})
 * @param heading the heading's text as a reader sees it
 * @param anchor the id Hugo gives the heading ({@link HeadingIds}); "" when it has none
 * @param start where the heading's text starts in the page's rendered text
 */
public record PageSection(int level, String heading, String anchor, int start) {
  public PageSection {
    Objects.requireNonNull(heading);
    Objects.requireNonNull(anchor);
    if (level < 1 || level > 6) throw new IllegalArgumentException("level must be 1 to 6");
    if (start < 0) throw new IllegalArgumentException("start must not be negative");
  }
}
