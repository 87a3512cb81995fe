package dev.sitesearch.search;

import dev.sitesearch.search.InvalidRequestException.Part;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A request for the pages related to one page, validated on construction.
 *
 * @param page the page, by id or by URL
 * @param filters facet name to values the related pages must have, as a search's {@code f.*}
 * @param from earliest page date, inclusive, or null
 * @param to latest page date, inclusive, or null
 * @param size how many pages, 1 to {@value #MAX_SIZE}
 */
public record RelatedRequest(
    PageKey page, Map<String, List<String>> filters, LocalDate from, LocalDate to, int size) {
  public static final int DEFAULT_SIZE = 5;

  /** A "related" box shows a handful; more is a search, not a recommendation. */
  public static final int MAX_SIZE = 20;

  public RelatedRequest {
    if (page == null) throw new IllegalArgumentException("a page is needed");
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException(Part.SIZE, "related pages must be from 1 to " + MAX_SIZE);
    }
    // The filters and dates are checked as a search checks them (value count, date range).
    SearchRequest checked = selection(filters, from, to);
    filters = checked.filters();
  }

  /** The related pages of {@code page}, {@link #DEFAULT_SIZE} of them, unfiltered. */
  public static RelatedRequest of(PageKey page) {
    return new RelatedRequest(page, Map.of(), null, null, DEFAULT_SIZE);
  }

  /** The filters as a search request, which the planner's checks and {@link Filters} read. */
  SearchRequest selection() {
    return selection(filters, from, to);
  }

  private static SearchRequest selection(
      Map<String, List<String>> filters, LocalDate from, LocalDate to) {
    return new SearchRequest("", filters, from, to, SortOrder.RELEVANCE, 1, 1, List.of(), 1, null);
  }

  /** Which page: by its id, or by an address a site's template knows (its URL or an alias). */
  public sealed interface PageKey {
    /** The longest id or URL looked up. */
    int MAX_CHARS = 2048;

    record Id(String id) implements PageKey {
      public Id {
        check(id, "id");
      }
    }

    record Url(String url) implements PageKey {
      public Url {
        check(url, "url");
        url = url.strip();
      }
    }

    private static void check(String value, String what) {
      if (value == null || value.isBlank()) throw new IllegalArgumentException("an empty " + what);
      if (value.length() > MAX_CHARS)
        throw new IllegalArgumentException(
            "the " + what + " is longer than " + MAX_CHARS + " characters");
    }
  }
}
