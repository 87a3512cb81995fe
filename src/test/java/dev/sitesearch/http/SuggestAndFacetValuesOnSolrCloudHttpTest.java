package dev.sitesearch.http;

/** {@link SuggestAndFacetValuesHttpTest} against a server whose index is a SolrCloud collection. */
class SuggestAndFacetValuesOnSolrCloudHttpTest extends SuggestAndFacetValuesHttpTest {
  @Override
  boolean onSolrCloud() {
    return true;
  }
}
