/**
 * The SolrCloud engine: the same API and indexer over a SolrCloud collection. {@link SolrNodes}
 * speaks Solr's JSON HTTP API to any live node (java.net.http and Jackson: no SolrJ, so no second
 * Jetty); {@link SolrConfigset} makes the collection's configset from our schema; {@link
 * SolrIndexer} fills a new collection and moves the alias (or sends only what changed); {@link
 * SolrEngine} answers {@link dev.sitesearch.search.SearchEngine} from it.
 */
package dev.sitesearch.solr;
