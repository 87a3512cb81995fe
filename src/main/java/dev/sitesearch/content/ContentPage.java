package dev.sitesearch.content;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published page as read from disk, before it becomes a Lucene document.
 *
 * @param source the file it came from
 * @param contentHash hex SHA-256 of the file's bytes, to tell real changes from touched files
 * @param id front matter {@code id}, else the relative path
 * @param place the page's language, Hugo kind and sections
 * @param address where the site publishes it: URL, absolute permalink, aliases
 * @param title front matter title, else the first heading, else the file name
 * @param description front matter description, possibly empty
 * @param body the Markdown body rendered to plain text
 * @param frontMatter the parsed front matter (maps, lists, strings, numbers, booleans, dates), with
 *     the values its cascades give it
 * @param expiresAt front matter {@code expiryDate}, or null: the index drops the page once it
 *     passes
 * @param searchBoost what the page's score is multiplied by, front matter {@code search.boost}
 *     ({@link SearchControl}); 1 for none
 * @param warnings problems that left one field out but kept the page
 * @param sections the sections the body's headings open, in order, with where each starts in {@code
 *     body}
 */
public record ContentPage(
    SourceFile source,
    String contentHash,
    String id,
    Place place,
    PageAddress address,
    String title,
    String description,
    String body,
    Map<String, Object> frontMatter,
    Instant expiresAt,
    float searchBoost,
    List<ContentProblem> warnings,
    List<PageSection> sections) {

  /**
   * A page's place in its site, as the index keeps it.
   *
   * @param lang the language code, or "" when unknown (a bare folder of Markdown)
   * @param kind Hugo's kind: {@code page} (a leaf bundle's {@code index.md} too), {@code section}
   *     (an {@code _index.md}), {@code home}, {@code taxonomy} or {@code term}
   * @param section the sections the page is in, top first, in their logical form ({@code [docs,
   *     concepts, workloads]}); empty for a page at the top
   */
  public record Place(String lang, String kind, List<String> section) {
    public static final Place UNKNOWN = new Place("", PagePlace.PAGE, List.of());

    public Place {
      Objects.requireNonNull(lang);
      Objects.requireNonNull(kind);
      section = List.copyOf(section);
    }
  }

  public ContentPage {
    Objects.requireNonNull(source);
    Objects.requireNonNull(contentHash);
    Objects.requireNonNull(id);
    Objects.requireNonNull(place);
    Objects.requireNonNull(address);
    Objects.requireNonNull(title);
    Objects.requireNonNull(description);
    Objects.requireNonNull(body);
    // Not Map.copyOf: a key written without a value ("issue:") is null, and Hugo takes the page.
    frontMatter =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(frontMatter, Map.of())));
    warnings = List.copyOf(warnings);
    sections = List.copyOf(sections);
    for (PageSection s : sections) {
      if (s.start() > body.length())
        throw new IllegalArgumentException("a section starts after the body's end");
    }
    if (!(searchBoost >= SearchControl.MIN_BOOST && searchBoost <= SearchControl.MAX_BOOST))
      throw new IllegalArgumentException("searchBoost out of bounds: " + searchBoost);
    if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
  }

  /** A page whose place is unknown and whose address is just {@code url}. */
  public ContentPage(
      SourceFile source,
      String contentHash,
      String id,
      String url,
      String title,
      String description,
      String body,
      Map<String, Object> frontMatter,
      Instant expiresAt,
      List<ContentProblem> warnings) {
    this(
        source,
        contentHash,
        id,
        Place.UNKNOWN,
        new PageAddress(url, null, List.of()),
        title,
        description,
        body,
        frontMatter,
        expiresAt,
        1f,
        warnings,
        List.of());
  }

  /** The same page with its body's sections. */
  public ContentPage withSections(List<PageSection> newSections) {
    return new ContentPage(
        source,
        contentHash,
        id,
        place,
        address,
        title,
        description,
        body,
        frontMatter,
        expiresAt,
        searchBoost,
        warnings,
        newSections);
  }

  /** The page's URL: its relative permalink. */
  public String url() {
    return address.url();
  }

  /** The value at a dotted path ({@code link.brand}) of the front matter, or null. */
  public Object value(String dottedPath) {
    return FrontMatterPath.get(frontMatter, dottedPath);
  }
}
