package dev.sitesearch.search;

import dev.sitesearch.search.InvalidRequestException.Part;

/**
 * How much of each hit's text a search shows besides its {@code snippet}.
 *
 * @param snippets passages per hit, 1 to {@link #MAX_SNIPPETS}: above 1, each hit also lists its
 *     best passages, each under its nearest heading
 * @param sections sections per hit, 0 to {@link #MAX_SECTIONS} (0: none, and no cost)
 */
public record Excerpts(int snippets, int sections) {
  /** Passages per hit a request may ask for: a hit shows a few, not the whole page. */
  public static final int MAX_SNIPPETS = 5;

  /** Sections per hit: the best few, as a results list shows them. */
  public static final int MAX_SECTIONS = 3;

  /** One snippet and the best three sections. */
  public static final Excerpts DEFAULT = new Excerpts(1, MAX_SECTIONS);

  public Excerpts {
    if (snippets < 1 || snippets > MAX_SNIPPETS) {
      throw new InvalidRequestException(
          Part.SNIPPETS, "passages per hit must be from 1 to " + MAX_SNIPPETS);
    }
    if (sections < 0 || sections > MAX_SECTIONS) {
      throw new InvalidRequestException(
          Part.SECTIONS, "sections per hit must be from 0 to " + MAX_SECTIONS);
    }
  }

  /** Whether anything beyond the snippet is asked for. */
  boolean any() {
    return snippets > 1 || sections > 0;
  }
}
