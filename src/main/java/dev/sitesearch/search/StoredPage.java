package dev.sitesearch.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A page as the index stores it, for {@code GET /api/documents/{id}}.
 *
 * @param url the page's URL on its site (its relative permalink)
 * @param permalink the absolute URL, or null when the site's baseURL names no host
 * @param aliases other URLs that lead to the page (Hugo's aliases, served as redirects)
 * @param lang the page's language, "" when unknown
 * @param kind Hugo's kind: page, section, home, taxonomy or term
 * @param section the sections the page is in, top first
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
    String permalink,
    List<String> aliases,
    String lang,
    String kind,
    List<String> section,
    String title,
    String description,
    String body,
    Map<String, String> dates,
    Map<String, List<String>> fields) {}
