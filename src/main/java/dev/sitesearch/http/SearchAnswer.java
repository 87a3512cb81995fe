package dev.sitesearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search's JSON answer: the {@link SearchResponse} as it is, plus the {@code searchId} the click
 * beacon names when analytics is on (absent when it is off).
 *
 * @param response the search core's answer, its fields written at the top level
 * @param searchId the id this search was counted under, or null
 */
record SearchAnswer(
    @JsonUnwrapped SearchResponse response,
    @JsonInclude(JsonInclude.Include.NON_NULL) String searchId) {

  private static final Logger LOG = LoggerFactory.getLogger(SearchAnswer.class);

  /** Counts a GET search (HEAD only checks) and pairs its answer with its id. */
  static SearchAnswer of(
      SearchResponse response,
      Analytics analytics,
      SearchRequest request,
      long startNanos,
      String supersedes,
      HandlerType method) {
    String id = null;
    if (method == HandlerType.GET) {
      try {
        id = analytics.recordSearch(request, response, millisSince(startNanos), supersedes);
      } catch (RuntimeException e) {
        // Counting never fails a search: the visitor gets the answer, the log the cause.
        LOG.error("analytics: a search could not be counted", e);
      }
    }
    return new SearchAnswer(response, id);
  }

  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
