package dev.sitesearch.search;

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
 * @param dates date field name to its ISO-8601 value
 * @param fields facet values and extra stored fields
 */
public record StoredPage(
    String id,
    String path,
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
