package dev.sitesearch.search;

import dev.sitesearch.search.SearchResponse.Hit;
import java.util.List;

/**
 * The pages related to one page, printed as-is by the HTTP API.
 *
 * @param id the page's id (also when it was asked for by URL)
 * @param url the page's URL
 * @param tookMs time spent in the search core
 * @param hits the related pages, best first, shaped as search hits without snippet or highlights;
 *     {@code score} is the blended score
 * @param partial the search ran out of time and answers the best of the pages it looked at
 */
public record RelatedResponse(String id, String url, long tookMs, List<Hit> hits, boolean partial) {
  public RelatedResponse {
    hits = List.copyOf(hits);
  }
}
