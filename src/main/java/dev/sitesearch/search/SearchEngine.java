package dev.sitesearch.search;

import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What answers searches, whichever engine holds the index: the local Lucene index ({@link
 * SearchService}, the default) or a SolrCloud collection ({@code dev.sitesearch.solr.SolrEngine}).
 * The HTTP API, the CLI and curation use only this, so they do not know which engine answers. The
 * records in and out ({@link SearchRequest}, {@link SearchResponse}, {@link FacetValues}, ...) are
 * the API's, so both engines answer in the same shape.
 *
 * <p>An engine that lacks a feature throws {@link UnsupportedFeatureException} (the API answers 501
 * naming it), never a generic failure. Implementations are thread-safe.
 */
public interface SearchEngine {
  /** The schema the index was built with: fields, facets, labels, separators. */
  Schema schema();

  /**
   * The hits, counts and corrections for {@code request}; partial when its searches ran out of
   * time.
   */
  SearchResponse search(SearchRequest request) throws IOException;

  /**
   * A page of {@code facet}'s values as {@code query} finds and orders them, counted as the search
   * with the same request counts its sidebar.
   */
  FacetValues facetValues(String facet, ValueQuery query, SearchRequest request) throws IOException;

  /** The stored page with this id, if the index has it. */
  Optional<StoredPage> document(String id) throws IOException;

  /** The pages related to the page {@code request} names, if the index has that page. */
  Optional<RelatedResponse> related(RelatedRequest request) throws IOException;

  /**
   * Title completions from the pages in {@code lang} (null: every language) for what the visitor
   * has typed so far.
   */
  List<TitleSuggester.Suggestion> suggest(String q, int size, String lang) throws IOException;

  /** The state of the index served and of the background tasks. */
  Health health() throws IOException;

  /** Which engine this is, as {@code engine.type} names it ({@code lucene}, {@code solrcloud}). */
  String name();
}
