package dev.sitesearch.solr;

/**
 * Where the index lives in the cluster and how a new collection is laid out.
 *
 * @param alias the alias searches read and a full rebuild moves ({@code engine.collection})
 * @param shards shards of a new collection
 * @param replicationFactor copies of each shard
 */
public record SolrLayout(String alias, int shards, int replicationFactor) {}
