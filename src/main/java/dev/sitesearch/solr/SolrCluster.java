package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Collections and Configsets APIs as the indexer and the health answer need them: configsets
 * uploaded once by name, collections created and dropped, the alias read and moved (CREATEALIAS
 * replaces an alias atomically: a search resolves it to the old collection or the new one, never
 * neither), and the cluster's state.
 */
public final class SolrCluster {
  private final SolrNodes nodes;

  public SolrCluster(SolrNodes nodes) {
    this.nodes = nodes;
  }

  public SolrNodes nodes() {
    return nodes;
  }

  /** Uploads {@code configset} unless the cluster has one of its name (the name is its hash). */
  public void ensureConfigset(SolrConfigset configset) throws IOException {
    JsonNode list = nodes.get("/admin/configs", Map.of("action", "LIST", "wt", "json"));
    for (JsonNode name : list.path("configSets"))
      if (name.asText().equals(configset.name())) return;
    nodes.postBytes(
        "/admin/configs",
        Map.of("action", "UPLOAD", "name", configset.name(), "wt", "json"),
        "application/octet-stream",
        configset.zip());
  }

  /** Creates a collection and waits until each of its replicas is active. */
  public void createCollection(String name, String configset, int shards, int replicas)
      throws IOException {
    var params = new LinkedHashMap<String, Object>();
    params.put("action", "CREATE");
    params.put("name", name);
    params.put("collection.configName", configset);
    params.put("numShards", shards);
    params.put("replicationFactor", replicas);
    params.put("waitForFinalState", "true");
    params.put("wt", "json");
    nodes.get("/admin/collections", params);
  }

  public void deleteCollection(String name) throws IOException {
    nodes.get("/admin/collections", Map.of("action", "DELETE", "name", name, "wt", "json"));
  }

  /** Points {@code alias} at {@code collection}, in one step for readers. */
  public void moveAlias(String alias, String collection) throws IOException {
    nodes.get(
        "/admin/collections",
        Map.of("action", "CREATEALIAS", "name", alias, "collections", collection, "wt", "json"));
  }

  /** The collection {@code alias} names, if there is such an alias. */
  public Optional<String> aliasTarget(String alias) throws IOException {
    JsonNode aliases =
        nodes.get("/admin/collections", Map.of("action", "LISTALIASES", "wt", "json"));
    JsonNode target = aliases.path("aliases").path(alias);
    return target.isTextual() ? Optional.of(target.asText()) : Optional.empty();
  }

  /** Every collection's name. */
  public List<String> collections() throws IOException {
    JsonNode list = nodes.get("/admin/collections", Map.of("action", "LIST", "wt", "json"));
    var out = new ArrayList<String>();
    for (JsonNode name : list.path("collections")) out.add(name.asText());
    return out;
  }

  /** CLUSTERSTATUS of one collection: its configset, shards and replicas, and the live nodes. */
  public JsonNode status(String collection) throws IOException {
    return nodes.get(
        "/admin/collections",
        Map.of("action", "CLUSTERSTATUS", "collection", collection, "wt", "json"));
  }

  /** The configset a collection was created with. */
  public String configsetOf(String collection) throws IOException {
    return status(collection)
        .path("cluster")
        .path("collections")
        .path(collection)
        .path("configName")
        .asText("");
  }

  /** The nodes the cluster counts as live ({@code host:port_solr}). */
  public List<String> liveNodes() throws IOException {
    JsonNode status =
        nodes.get("/admin/collections", Map.of("action", "CLUSTERSTATUS", "wt", "json"));
    var out = new ArrayList<String>();
    for (JsonNode node : status.path("cluster").path("live_nodes")) out.add(node.asText());
    return out;
  }
}
