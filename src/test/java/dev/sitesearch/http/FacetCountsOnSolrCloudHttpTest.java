package dev.sitesearch.http;

/** {@link FacetCountsHttpTest} against a server whose index is a SolrCloud collection. */
class FacetCountsOnSolrCloudHttpTest extends FacetCountsHttpTest {
  @Override
  boolean onSolrCloud() {
    return true;
  }
}
