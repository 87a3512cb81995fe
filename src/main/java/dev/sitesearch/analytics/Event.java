package dev.sitesearch.analytics;

import java.time.Instant;
import java.util.List;

/** One counted thing: a search, a suggestion lookup or a click on a result. */
public sealed interface Event {
  Instant time();

  /**
   * A search as it was answered.
   *
   * @param id the id returned with the answer, which a click names
   * @param supersedes the id of the search this one replaced while the visitor was still typing, or
   *     null; reports count only the last search of such a run
   * @param query the query as typed ("" when browsing); the writer stores its normalised key
   *     ({@link dev.sitesearch.search.QueryKey}), off the request's thread
   * @param filters the ticked facet values as {@code facet=value}
   * @param sort the order asked for
   * @param page the page asked for
   * @param results how many pages matched
   * @param latencyMs the time from the request's arrival to its answer, waiting included
   * @param lang the language searched, "" for all
   */
  record Search(
      Instant time,
      String id,
      String supersedes,
      String query,
      List<String> filters,
      String sort,
      int page,
      long results,
      long latencyMs,
      String lang)
      implements Event {
    public Search {
      filters = List.copyOf(filters);
    }
  }

  /**
   * A lookup of completions for what was typed.
   *
   * @param prefix the text typed (stored normalised)
   * @param suggestions how many completions were offered
   * @param latencyMs the time the lookup took
   */
  record Suggest(Instant time, String prefix, int suggestions, long latencyMs) implements Event {}

  /**
   * A visitor followed a result.
   *
   * @param searchId the search the result was listed by
   * @param query that search's query as typed (stored normalised)
   * @param position the result's 1-based rank in the whole list (page 2's first of 10 is 11)
   * @param target the page's id or URL as the page sent it
   */
  record Click(Instant time, String searchId, String query, int position, String target)
      implements Event {}
}
