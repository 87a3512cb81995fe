package dev.sitesearch.search;

import java.util.List;
import java.util.Map;

/**
 * A page as the index stores it, for {@code GET /api/documents/{id}}.
 *
 * @param dates date field name to its ISO-8601 value
 * @param fields facet values and extra stored fields
 */
public record StoredPage(
    String id,
    String path,
    String url,
    String title,
    String description,
    String body,
    Map<String, String> dates,
    Map<String, List<String>> fields) {}
