package dev.sitesearch.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A page as the index stores it, for {@code GET /api/documents/{id}}.
 *
 * @param path the page's file, relative to the content folder: for the indexer's tests and tools,
 *     never printed as JSON (an answer must not tell a visitor how the server's folders are laid
 *     out; the page's {@code url} is what a visitor links to)
 * @param dates date field name to its ISO-8601 value
 * @param fields facet values and extra stored fields
 */
public record StoredPage(
    String id,
    @JsonIgnore String path,
    String url,
    String title,
    String description,
    String body,
    Map<String, String> dates,
    Map<String, List<String>> fields) {}
