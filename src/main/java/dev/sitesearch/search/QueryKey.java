package dev.sitesearch.search;

/**
 * A query as curation matches it ({@code Curation.key}): case, accents and punctuation ignored,
 * syntax kept. Analytics counts queries by this key, so a query reported as failing is the one a
 * pin or a synonym for it will change.
 */
public final class QueryKey {
  private QueryKey() {}

  /** The key of a user's query text; "" for an empty query (browsing). */
  public static String of(String q) {
    return Curation.key(q == null ? "" : q);
  }
}
