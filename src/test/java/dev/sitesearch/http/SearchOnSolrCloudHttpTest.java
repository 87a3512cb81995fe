package dev.sitesearch.http;

/** {@link SearchHttpTest} against a server whose index is a SolrCloud collection. */
class SearchOnSolrCloudHttpTest extends SearchHttpTest {
  @Override
  boolean onSolrCloud() {
    return true;
  }
}
