package dev.sitesearch.search;

import java.util.Objects;

/**
 * A search request that cannot be answered as asked. It names the part of the request at fault in
 * the search's own terms ({@link Part}); each edge names it in its own (the HTTP API as a query
 * parameter such as {@code f.tags}, the CLI as an option such as {@code --filter}).
 */
public class InvalidRequestException extends RuntimeException {
  /** The parts of a request that can be wrong. */
  public enum Part {
    QUERY,
    FILTER,
    FROM,
    TO,
    SORT,
    PAGE,
    SIZE,
    FACETS,
    FACET_SIZE,
    FACET,
    LANG,
    SNIPPETS,
    SECTIONS
  }

  private final Part part;
  private final String facet;

  public InvalidRequestException(Part part, String message) {
    this(part, null, message);
  }

  /** A problem with one facet's filter or values; {@code facet} is the facet as asked. */
  public InvalidRequestException(Part part, String facet, String message) {
    super(message);
    this.part = Objects.requireNonNull(part);
    this.facet = facet;
  }

  public Part part() {
    return part;
  }

  /** The facet a {@link Part#FILTER} problem is about, else null. */
  public String facet() {
    return facet;
  }

  /** A value quoted in a message: one line, at most 40 characters. */
  public static String shorten(String value) {
    String oneLine = value.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
  }
}
