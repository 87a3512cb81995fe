package dev.sitesearch.search;

/**
 * The state of the served index.
 *
 * @param status "ok"
 * @param documents pages searchable now
 * @param indexedAt when the served commit was made (ISO-8601), or null
 * @param generation the served commit's generation; it grows with every commit
 */
public record Health(String status, long documents, String indexedAt, long generation) {}
