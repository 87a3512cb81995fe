package dev.sitesearch.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The {@code engine:} section: which engine holds the index and answers searches. {@code lucene}
 * (the default) is the local index folder; {@code solrcloud} is a SolrCloud collection reached over
 * HTTP through any of {@code solrUrls} (each node routes a request to the replicas that hold the
 * collection, so one live node is enough).
 *
 * <pre>
 * engine:
 *   type: solrcloud
 *   solrUrls: [http://solr1:8983/solr, http://solr2:8983/solr]
 *   collection: site        # an alias: each full rebuild makes site_&lt;time&gt; and moves it
 *   shards: 2
 *   replicationFactor: 2
 * </pre>
 *
 * @param type {@code lucene} or {@code solrcloud}
 * @param solrUrls the Solr nodes' base URLs ({@code http://host:8983/solr}); only for solrcloud
 * @param collection the alias that searches read and a full rebuild moves
 * @param shards how many shards a new collection gets
 * @param replicationFactor how many copies of each shard a new collection gets
 */
public record EngineSettings(
    Type type, List<URI> solrUrls, String collection, int shards, int replicationFactor) {

  /** The engines there are. */
  public enum Type {
    LUCENE,
    SOLRCLOUD
  }

  public static final String DEFAULT_COLLECTION = "site";
  public static final int DEFAULT_SHARDS = 1;
  public static final int DEFAULT_REPLICATION_FACTOR = 1;

  public static final EngineSettings DEFAULTS =
      new EngineSettings(
          Type.LUCENE, List.of(), DEFAULT_COLLECTION, DEFAULT_SHARDS, DEFAULT_REPLICATION_FACTOR);

  public EngineSettings {
    Objects.requireNonNull(type);
    solrUrls = List.copyOf(solrUrls);
    if (!collection.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,80}"))
      throw new IllegalArgumentException("collection name");
    if (shards < 1 || replicationFactor < 1) throw new IllegalArgumentException("shards");
    if (type == Type.SOLRCLOUD && solrUrls.isEmpty())
      throw new IllegalArgumentException("solrUrls");
  }

  /** A SolrCloud engine over these nodes, with the other settings as they are. */
  public static EngineSettings solrCloud(
      List<URI> solrUrls, String collection, int shards, int replicationFactor) {
    return new EngineSettings(Type.SOLRCLOUD, solrUrls, collection, shards, replicationFactor);
  }

  public boolean isSolrCloud() {
    return type == Type.SOLRCLOUD;
  }

  static EngineSettings fromConfig(ConfigSection s) {
    s.allowOnly("type", "solrUrls", "zkHost", "collection", "shards", "replicationFactor");
    String typeName = s.string("type", "lucene");
    Type type =
        switch (typeName) {
          case "lucene" -> Type.LUCENE;
          case "solrcloud" -> Type.SOLRCLOUD;
          default -> throw s.error("type", "must be lucene or solrcloud, not " + typeName);
        };
    if (s.has("zkHost"))
      // The client speaks HTTP to the nodes (no ZooKeeper client in the product): say so plainly.
      throw s.error(
          "zkHost",
          "is not supported: list the Solr nodes in engine.solrUrls (any live node routes)");
    List<URI> urls = s.strings("solrUrls", List.of()).stream().map(u -> nodeUrl(s, u)).toList();
    if (type == Type.SOLRCLOUD && urls.isEmpty())
      throw s.error("solrUrls", "is needed for engine.type solrcloud (http://host:8983/solr)");
    String collection = s.string("collection", DEFAULT_COLLECTION);
    if (!collection.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,80}"))
      throw s.error(
          "collection", "must be letters, digits, _ and - (at most 81), not " + collection);
    return new EngineSettings(
        type,
        urls,
        collection,
        s.integer("shards", DEFAULT_SHARDS, 1, 1024),
        s.integer("replicationFactor", DEFAULT_REPLICATION_FACTOR, 1, 64));
  }

  private static URI nodeUrl(ConfigSection s, String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null)
        throw s.error("solrUrls", "must be http(s) URLs like http://host:8983/solr, not " + url);
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw s.error("solrUrls", "must be http(s) URLs like http://host:8983/solr, not " + url);
    }
  }
}
