package dev.sitesearch.http;

/**
 * {@link DocumentsHealthAndErrorsHttpTest} against a server whose index is a SolrCloud collection.
 */
class DocumentsHealthAndErrorsOnSolrCloudHttpTest extends DocumentsHealthAndErrorsHttpTest {
  @Override
  boolean onSolrCloud() {
    return true;
  }
}
