package dev.sitesearch.search;

import dev.sitesearch.search.InvalidRequestException.Part;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One search, validated on construction so an invalid request cannot exist.
 *
 * @param q the user's text; empty means every page (browsing)
 * @param filters facet name to selected values: values of one facet are OR-ed, facets AND-ed
 * @param from earliest page date, inclusive, or null; from {@link #EARLIEST_DATE} to {@link
 *     #LATEST_DATE}
 * @param to latest page date, inclusive, or null; within the same years
 * @param sort hit order; relevance with an empty query means newest first
 * @param page 1-based page number
 * @param size hits per page, 1 to 100
 * @param facets facets to count, or null for every configured facet
 * @param facetSize values per facet, 1 to 100
 * @param lang the language to search in (one of the site's, any case), or null for all of them
 * @param excerpts what each hit shows of its text besides its snippet: passages and sections
 */
public record SearchRequest(
    String q,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    List<String> facets,
    int facetSize,
    String lang,
    Excerpts excerpts) {

  public static final int MAX_QUERY_CHARS = 1000;

  /**
   * Facet values ticked at once, over all facets: a page shows a few dozen at most; each is a
   * clause of the query.
   */
  public static final int MAX_FILTER_VALUES = 100;

  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;

  /**
   * The deepest hit a sorted list reaches (by date, by title, and browsing without words): each
   * deeper page of a sorted list costs more, about 30 ms per thousand hits on 100,000 pages (the
   * 10,000th hit by title took 250-300 ms against 8 ms for the first page), while ranked results
   * keep {@link #MAX_WINDOW} at a fraction of that (QueryCostBenchmark, docs/robustness.md).
   */
  public static final int MAX_SORTED_WINDOW = 1_000;

  public static final int MAX_FACET_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;
  public static final int DEFAULT_FACET_SIZE = 10;

  /**
   * The dates a filter may name: the years a page date can have. Beyond them a date no longer fits
   * the index's milliseconds ({@code +999999999-01-01}), and no page is dated there anyway.
   */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);

  public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

  public SearchRequest {
    q = checkQuery(q);
    var copy = new LinkedHashMap<String, List<String>>();
    if (filters != null) {
      filters.forEach(
          (k, v) -> {
            List<String> values =
                v.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (!values.isEmpty()) copy.put(k, values);
          });
    }
    filters = Collections.unmodifiableMap(copy);
    int values = copy.values().stream().mapToInt(List::size).sum();
    if (values > MAX_FILTER_VALUES) {
      throw new InvalidRequestException(
          Part.FILTER,
          copy.keySet().iterator().next(),
          values + " filter values; at most " + MAX_FILTER_VALUES + " can be ticked at once");
    }
    checkDate(Part.FROM, from);
    checkDate(Part.TO, to);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException(
          Part.FROM, "the first date (" + from + ") is after the last (" + to + ")");
    }
    if (sort == null) sort = SortOrder.RELEVANCE;
    if (page < 1) throw new InvalidRequestException(Part.PAGE, "the page number must be 1 or more");
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException(Part.SIZE, "hits per page must be from 1 to " + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new InvalidRequestException(
          Part.PAGE,
          "page number × hits per page may not exceed "
              + MAX_WINDOW
              + "; narrow the search with a query or filters instead of paging this deep");
    }
    facets = facets == null ? null : List.copyOf(facets);
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidRequestException(
          Part.FACET_SIZE, "values per facet must be from 1 to " + MAX_FACET_SIZE);
    }
    if (excerpts == null) excerpts = Excerpts.DEFAULT;
    if (lang != null) lang = lang.strip();
    if (lang != null && lang.isEmpty()) lang = null;
    if (lang != null && (lang.length() > MAX_LANG_CHARS || !LANG_CODE.matcher(lang).matches())) {
      throw new InvalidRequestException(
          Part.LANG,
          "'"
              + InvalidRequestException.shorten(lang)
              + "' is not a language code such as fr or pt-br");
    }
  }

  /**
   * Refuses a date outside {@link #EARLIEST_DATE} to {@link #LATEST_DATE}, naming {@code part}: the
   * one rule for every date a request names (searches, facet values, related pages, analytics
   * reports). Null passes.
   */
  public static LocalDate checkDate(Part part, LocalDate date) {
    if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
      throw new InvalidRequestException(
          part, "dates run from " + EARLIEST_DATE + " to " + LATEST_DATE + ", not " + date);
    }
    return date;
  }

  /** A request in every language. */
  public SearchRequest(
      String q,
      Map<String, List<String>> filters,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<String> facets,
      int facetSize) {
    this(q, filters, from, to, sort, page, size, facets, facetSize, null, Excerpts.DEFAULT);
  }

  /** A request with the default excerpts: one snippet and the best sections. */
  public SearchRequest(
      String q,
      Map<String, List<String>> filters,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<String> facets,
      int facetSize,
      String lang) {
    this(q, filters, from, to, sort, page, size, facets, facetSize, lang, Excerpts.DEFAULT);
  }

  /** Language codes are short ({@code zh-hant-tw}); a longer value is no language. */
  static final int MAX_LANG_CHARS = 35;

  /** A BCP 47 tag as Hugo and {@code <html lang>} write them: letters, then subtags. */
  private static final Pattern LANG_CODE = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*");

  /** The query text stripped, when it is within {@link #MAX_QUERY_CHARS}; else an error. */
  public static String checkQuery(String q) {
    String text = q == null ? "" : q.strip();
    if (text.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          Part.QUERY,
          "the query is " + text.length() + " characters; the limit is " + MAX_QUERY_CHARS);
    }
    return text;
  }

  /**
   * Refuses a page deeper than {@link #MAX_SORTED_WINDOW} for a sorted list (by date or title, or
   * browsed without words), which every engine must collect whole up to that page.
   */
  public void checkSortedWindow() {
    if ((long) page * size > MAX_SORTED_WINDOW) {
      throw new InvalidRequestException(
          InvalidRequestException.Part.PAGE,
          "page number × hits per page may not exceed "
              + MAX_SORTED_WINDOW
              + " when results are sorted by date or title or browsed without words ("
              + MAX_WINDOW
              + " ranked by relevance); narrow the list with filters instead of paging this deep");
    }
  }

  /** A first-page request with defaults, for the CLI and tests. */
  public static SearchRequest of(String q) {
    return new SearchRequest(
        q, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null, DEFAULT_FACET_SIZE);
  }

  public SearchRequest withFilters(Map<String, List<String>> newFilters) {
    return new SearchRequest(
        q, newFilters, from, to, sort, page, size, facets, facetSize, lang, excerpts);
  }

  /**
   * The same search for another query, asking only how many pages it finds (no facets, one hit).
   */
  SearchRequest forCount(String newQ) {
    return new SearchRequest(newQ, filters, from, to, sort, 1, 1, List.of(), 1, lang);
  }

  public SearchRequest withSize(int newSize) {
    return new SearchRequest(
        q, filters, from, to, sort, page, newSize, facets, facetSize, lang, excerpts);
  }

  /** The same search with {@code n} passages per hit. */
  public SearchRequest withSnippets(int n) {
    return withExcerpts(new Excerpts(n, excerpts.sections()));
  }

  /** The same search showing these excerpts of each hit. */
  public SearchRequest withExcerpts(Excerpts newExcerpts) {
    return new SearchRequest(
        q, filters, from, to, sort, page, size, facets, facetSize, lang, newExcerpts);
  }

  /** The same search in one language ({@code null}: all). */
  public SearchRequest withLang(String newLang) {
    return new SearchRequest(
        q, filters, from, to, sort, page, size, facets, facetSize, newLang, excerpts);
  }
}
