/**
 * Beside the search stage: counts searches, suggestions and result clicks (no personal data) in an
 * embedded Lucene store of events, written by one background thread so a search never waits for it,
 * and answers the reports editors read to curate: top queries, queries without results or without
 * clicks, clicked positions, facet use and latency per day. Knows nothing of HTTP.
 */
package dev.sitesearch.analytics;
