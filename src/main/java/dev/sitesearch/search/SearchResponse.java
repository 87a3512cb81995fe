package dev.sitesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, printed as-is by the HTTP API and by {@code search
 * --json}.
 *
 * @param query the query as understood (the request's q)
 * @param total number of matching pages; a lower bound when {@code partial}
 * @param page the page returned
 * @param size the page size
 * @param tookMs time spent in the search core
 * @param hits this page's hits
 * @param facets facet name to its values, in configured order; lower bounds when {@code partial}
 * @param didYouMean a corrected query when this one found little; null when none is offered
 * @param typoMatched the query's words that matched only with a typo allowed (typo tolerance
 *     changed what matched)
 * @param partial the search ran out of time ({@code server.limits.searchTimeout}) and answers what
 *     it found until then: the hits are the best of the pages looked at, {@code total} and the
 *     counts are lower bounds, and no {@code didYouMean} is offered
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    Suggestion didYouMean,
    List<String> typoMatched,
    boolean partial) {

  public SearchResponse {
    hits = List.copyOf(hits);
    typoMatched = List.copyOf(typoMatched);
  }

  public SearchResponse withDidYouMean(Suggestion correction) {
    return new SearchResponse(
        query, total, page, size, tookMs, hits, facets, correction, typoMatched, partial);
  }

  /**
   * One matching page.
   *
   * @param url the page's URL on its site (its relative permalink)
   * @param permalink the absolute URL, or null when the site's baseURL names no host
   * @param aliases other URLs that lead to the page (Hugo's aliases, served as redirects)
   * @param lang the page's language, "" when unknown
   * @param kind Hugo's kind: page, section, home, taxonomy or term
   * @param section the sections the page is in, top first
   * @param breadcrumbs those sections' names and pages, top first
   * @param score relevance score; null when sorted by something else
   * @param snippet best passage of body or description, HTML-escaped with matches in {@code <mark>}
   * @param highlights highlighted forms of short fields ({@code title}), escaped the same way
   * @param fields the page's facet values and extra stored fields
   * @param sections up to three sections of the page whose text matches best, best first (a heading
   *     that is the query first of all); empty when none matches
   * @param passages with {@code snippets} above 1: the page's best passages, in page order, each
   *     under its nearest heading; else empty
   */
  /**
   * One section above a hit.
   *
   * @param section its path, the {@code section} facet's value ({@code docs/concepts})
   * @param title its section page's title, else its folder name
   * @param url its section page's URL, or null when the site has no page for it
   */
  public record Crumb(String section, String title, String url) {}

  public record Hit(
      String id,
      String title,
      String description,
      String url,
      String permalink,
      List<String> aliases,
      String lang,
      String kind,
      List<String> section,
      List<Crumb> breadcrumbs,
      String date,
      Float score,
      String snippet,
      Map<String, String> highlights,
      Map<String, List<String>> fields,
      List<Section> sections,
      List<Section> passages) {

    public Hit {
      sections = sections == null ? List.of() : List.copyOf(sections);
      passages = passages == null ? List.of() : List.copyOf(passages);
      aliases = List.copyOf(aliases);
      section = List.copyOf(section);
      breadcrumbs = List.copyOf(breadcrumbs);
    }

    /**
     * What a reader sees of a snippet or highlight: the marks gone and the escaped characters back
     * ({@code 5 &lt; <mark>6</mark>} reads {@code 5 < 6}). The terminal prints this.
     */
    public static String visibleText(String html) {
      return html.replace("<mark>", "")
          .replace("</mark>", "")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&quot;", "\"")
          .replace("&#39;", "'")
          .replace("&amp;", "&");
    }
  }

  /**
   * A part of a hit's page under one heading, with a passage of it.
   *
   * @param heading the heading, HTML-escaped with the query's words in {@code <mark>}; null for a
   *     passage above the page's first heading
   * @param parents the headings above it, top first, as text
   * @param anchor the heading's id on the page ("" when it has none)
   * @param url the page's URL with {@code #anchor}
   * @param link {@code url} with a text fragment ({@code #anchor:~:text=…}) that makes a browser
   *     scroll to the passage's words and mark them; {@code url} when there are none
   * @param snippet the passage, escaped with matches in {@code <mark>} as a hit's snippet is
   */
  public record Section(
      String heading,
      List<String> parents,
      String anchor,
      String url,
      String link,
      String snippet) {
    public Section {
      parents = List.copyOf(parents);
    }
  }

  /**
   * One facet value with its counts; {@code selected} when it is among the request's filters.
   *
   * @param value the value as a filter names it ({@code f.<facet>=<value>}); in a tree, its whole
   *     path ({@code Medigy: Telehealth})
   * @param count the results of this value alone: only it ticked in its facet, the other facets'
   *     filters kept (the disjunctive count)
   * @param ifAdded the results after also ticking it (values of a facet are OR-ed); {@code count}
   *     when nothing in its facet is ticked yet ({@link FacetCounts})
   * @param label in a tree, the last level's name ({@code Telehealth}); absent for a flat facet
   * @param children in a tree, the values one level down (each level by count, at most the facet
   *     size of them besides the selected ones and those above them); absent for a flat facet
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FacetValue(
      String value,
      long count,
      long ifAdded,
      boolean selected,
      String label,
      List<FacetValue> children) {
    public FacetValue {
      if (children != null) children = List.copyOf(children);
    }

    /** A flat facet's value whose facet has nothing ticked: ticking it gives its count. */
    public FacetValue(String value, long count, boolean selected) {
      this(value, count, count, selected, null, null);
    }
  }

  /** A corrected query that finds results, with how many. */
  public record Suggestion(String query, long total) {}
}
