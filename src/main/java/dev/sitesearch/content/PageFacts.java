package dev.sitesearch.content;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a page's address is made of: its place in the site and the front-matter values Hugo reads
 * for URLs (after cascades).
 *
 * @param place where the file sits
 * @param title the front-matter title, or "" ({@code :title}, {@code :slug} without a slug)
 * @param slug the slug (front matter, or from a dated file name), or null
 * @param url the {@code url} front-matter value, or null
 * @param aliases the {@code aliases} as written
 * @param date the page date for {@code :year} and the other date tokens, or null
 * @param sectionSlugs each of the page's sections' slug, else title, else folder name, top first
 *     ({@code :sectionslugs})
 */
record PageFacts(
    PagePlace place,
    String title,
    String slug,
    String url,
    List<String> aliases,
    ZonedDateTime date,
    List<String> sectionSlugs) {

  PageFacts {
    aliases = List.copyOf(aliases);
    sectionSlugs = List.copyOf(sectionSlugs);
  }
}
