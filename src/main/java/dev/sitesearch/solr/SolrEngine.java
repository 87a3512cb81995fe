package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.FacetPath;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TaskStatus;
import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.AnswerShapes;
import dev.sitesearch.search.FacetValues;
import dev.sitesearch.search.Health;
import dev.sitesearch.search.RelatedRequest;
import dev.sitesearch.search.RelatedResponse;
import dev.sitesearch.search.SearchEngine;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SearchResponse.FacetValue;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.search.StoredPage;
import dev.sitesearch.search.TitleSuggester;
import dev.sitesearch.search.UnsupportedFeatureException;
import dev.sitesearch.search.ValueQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SearchEngine} over a SolrCloud collection (its alias): the same requests and answers
 * as the local engine, each search one {@code /select} request ({@link SolrQueryBuilder}; three for
 * a long question, {@link SolrFeedback}) sent to any live node ({@link SolrNodes}). What the local
 * engine has and this one lacks answers {@link UnsupportedFeatureException} (related pages) or is
 * left out of the answer (heading sections, breadcrumbs, typo tolerance, did-you-mean, the curation
 * stage); README, "Running on SolrCloud", lists them.
 */
public final class SolrEngine implements SearchEngine {
  private final Schema schema;
  private final SolrFields fields;
  private final SolrQueryBuilder queries;
  private final SolrFeedback feedback;
  private final SolrDocuments documents;
  private final SolrCluster cluster;
  private final String alias;
  private final Clock clock;
  private final Duration timeLimit;

  /**
   * @param ranking the ranking's constants, shared with the local engine ({@link SolrRanking})
   */
  public SolrEngine(
      Schema schema,
      RankingSettings ranking,
      SolrCluster cluster,
      String alias,
      Clock clock,
      Duration timeLimit) {
    this.schema = schema;
    this.fields = new SolrFields(schema);
    this.queries = new SolrQueryBuilder(schema, fields, ranking);
    this.feedback = new SolrFeedback(fields, ranking, queries.analyzer());
    this.documents = new SolrDocuments(schema, fields);
    this.cluster = cluster;
    this.alias = alias;
    this.clock = clock;
    this.timeLimit = timeLimit;
  }

  @Override
  public String name() {
    return "solrcloud";
  }

  @Override
  public Schema schema() {
    return schema;
  }

  private JsonNode select(Map<String, Object> params) throws IOException {
    params.put("wt", "json");
    params.put("timeAllowed", String.valueOf(timeLimit.toMillis()));
    return cluster.nodes().get("/" + alias + "/select", params);
  }

  /** A {@code /select} with part of its parameters as a form body (a long list of terms). */
  private JsonNode select(Map<String, Object> params, String form) throws IOException {
    if (form == null) return select(params);
    params.put("wt", "json");
    params.put("timeAllowed", String.valueOf(timeLimit.toMillis()));
    return cluster
        .nodes()
        .postBytes(
            "/" + alias + "/select",
            params,
            "application/x-www-form-urlencoded",
            form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The local feedback stage ({@link SolrFeedback}): for a long question, the words of its first
   * results are added to the query; the highlights stay those of the visitor's words.
   */
  private void addFeedback(SearchRequest request, Map<String, Object> params) throws IOException {
    if (!params.containsKey("defType")) return;
    var contentTerms = queries.contentTerms(request.q());
    if (!feedback.applies(contentTerms)) return;
    String more =
        feedback.expansion(queries.scored(request, clock.millis()), contentTerms, this::select);
    if (more.isEmpty()) return;
    if (params.containsKey("hl")) {
      params.put("hl.q", params.get("q"));
      params.put("hl.qparser", "edismax");
    }
    params.put("q", params.get("q") + " " + more);
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    List<String> facets = queries.checkFacets(request);
    var params = queries.search(request, facets, clock.millis());
    addFeedback(request, params);
    JsonNode answer = select(params);
    long total = answer.path("response").path("numFound").asLong();
    JsonNode highlighting = answer.path("highlighting");
    var hits = new ArrayList<Hit>();
    boolean scores = SolrQueryBuilder.showsScores(request);
    for (JsonNode doc : answer.path("response").path("docs"))
      hits.add(documents.hit(doc, highlighting.path(doc.path(SolrFields.ID).asText()), scores));
    var counted = new LinkedHashMap<String, List<FacetValue>>();
    JsonNode facetFields = answer.path("facet_counts").path("facet_fields");
    JsonNode facetQueries = answer.path("facet_counts").path("facet_queries");
    for (String facet : facets)
      counted.put(facet, facetValues(facet, request, total, facetFields, facetQueries));
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(
        request.q(),
        total,
        request.page(),
        request.size(),
        tookMs,
        hits,
        counted,
        null,
        List.of(),
        answer.path("responseHeader").path("partialResults").asBoolean(false));
  }

  /** A facet's counts as Solr answered them: each value alone, and within the results. */
  private record Counted(Map<String, Long> alone, Map<String, Long> within, long total) {
    long ifAdded(List<String> selected, String value, long count) {
      // Values of a facet are OR-ed: ticking one more adds the pages it has beyond the results.
      return selected.isEmpty() ? count : total + count - within.getOrDefault(value, 0L);
    }
  }

  private Counted counted(
      String facet, SearchRequest request, long total, JsonNode fieldCounts, JsonNode queryCounts) {
    Map<String, Long> alone = pairs(fieldCounts.path(queries.aloneKey(facet)));
    List<String> selected = request.filters().getOrDefault(facet, List.of());
    for (int i = 0; i < selected.size(); i++) {
      long count = queryCounts.path(queries.selectedKey(facet, i)).asLong(0);
      alone.putIfAbsent(selected.get(i), count);
    }
    return new Counted(alone, pairs(fieldCounts.path(queries.withinKey(facet))), total);
  }

  /**
   * A facet's listed values as the local engine lists them ({@link AnswerShapes}): a tree as
   * levels, a flat facet's most common values, the selected ones always among them.
   */
  private List<FacetValue> facetValues(
      String facet, SearchRequest request, long total, JsonNode fieldCounts, JsonNode queryCounts) {
    Counted counts = counted(facet, request, total, fieldCounts, queryCounts);
    List<String> selected = request.filters().getOrDefault(facet, List.of());
    String separator = schema.separator(facet);
    if (separator != null)
      return AnswerShapes.tree(
          counts.alone(),
          selected,
          request.facetSize(),
          separator,
          (value, alone) -> counts.ifAdded(selected, value, alone));
    var out = new ArrayList<FacetValue>();
    for (var e : counts.alone().entrySet()) {
      if (out.size() >= request.facetSize() && !selected.contains(e.getKey())) continue;
      out.add(
          new FacetValue(
              e.getKey(),
              e.getValue(),
              counts.ifAdded(selected, e.getKey(), e.getValue()),
              selected.contains(e.getKey()),
              null,
              null));
    }
    AnswerShapes.sortFlat(out);
    return out;
  }

  /** Solr's flat facet list {@code [value, count, value, count, …]} as a map in its order. */
  private static LinkedHashMap<String, Long> pairs(JsonNode list) {
    var out = new LinkedHashMap<String, Long>();
    for (int i = 0; i + 1 < list.size(); i += 2)
      out.put(list.get(i).asText(), list.get(i + 1).asLong());
    return out;
  }

  @Override
  public FacetValues facetValues(String facet, ValueQuery query, SearchRequest request)
      throws IOException {
    queries.checkFacet(facet);
    queries.checkFacets(request);
    var params = queries.base(request, clock.millis());
    addFeedback(request, params);
    params.put("rows", "0");
    queries.facetParams(params, request, List.of(facet), -1);
    JsonNode answer = select(params);
    long total = answer.path("response").path("numFound").asLong();
    JsonNode facetCounts = answer.path("facet_counts");
    Counted counts =
        counted(
            facet,
            request,
            total,
            facetCounts.path("facet_fields"),
            facetCounts.path("facet_queries"));
    List<String> selected = request.filters().getOrDefault(facet, List.of());
    String separator = schema.separator(facet);
    var all = new ArrayList<FacetValue>();
    for (var e : counts.alone().entrySet())
      all.add(
          new FacetValue(
              e.getKey(),
              e.getValue(),
              counts.ifAdded(selected, e.getKey(), e.getValue()),
              selected.contains(e.getKey()),
              separator == null ? null : FacetPath.label(e.getKey(), separator),
              null));
    String prefix = TextFolding.fold(query.prefix().strip());
    List<String> words =
        List.of(TextFolding.fold(query.search().strip()).split("\\s+")).stream()
            .filter(w -> !w.isEmpty())
            .toList();
    var found = new ArrayList<FacetValue>();
    for (FacetValue v : all) {
      String folded = TextFolding.fold(v.value());
      if (!prefix.isEmpty() && !wordStartsWith(folded, prefix)) continue;
      if (!words.stream().allMatch(w -> wordStartsWith(folded, w))) continue;
      found.add(v);
    }
    Comparator<FacetValue> order =
        query.order() == ValueQuery.Order.NAME
            ? Comparator.comparing((FacetValue v) -> TextFolding.fold(v.value()))
            : Comparator.comparingLong(FacetValue::count).reversed();
    found.sort(order.thenComparing(FacetValue::value));
    int end = (int) Math.min(found.size(), (long) query.offset() + query.size());
    var page = query.offset() >= end ? List.<FacetValue>of() : found.subList(query.offset(), end);
    return new FacetValues(
        facet,
        page,
        found.size(),
        query.offset(),
        answer.path("responseHeader").path("partialResults").asBoolean(false));
  }

  private static boolean wordStartsWith(String value, String prefix) {
    if (value.startsWith(prefix)) return true;
    for (int i = 1; i < value.length(); i++)
      if (!Character.isLetterOrDigit(value.charAt(i - 1)) && value.startsWith(prefix, i))
        return true;
    return false;
  }

  @Override
  public Optional<StoredPage> document(String id) throws IOException {
    var params = new LinkedHashMap<String, Object>();
    params.put("q", "{!term f=" + SolrFields.ID + " v=$id}");
    params.put("id", id);
    params.put("rows", "1");
    JsonNode docs = select(params).path("response").path("docs");
    if (docs.isEmpty()) return Optional.empty();
    return Optional.of(documents.storedPage(docs.get(0)));
  }

  @Override
  public Optional<RelatedResponse> related(RelatedRequest request) {
    throw new UnsupportedFeatureException("related pages", name());
  }

  /**
   * Titles whose words start with the typed words (each word a prefix of a title word, any case and
   * accents), those that start with the typed text first, then newest first; marked as the local
   * suggestions are.
   */
  @Override
  public List<TitleSuggester.Suggestion> suggest(String q, int size, String lang)
      throws IOException {
    var words =
        List.of(TextFolding.fold(q.strip()).split("[^\\p{L}\\p{N}]+")).stream()
            .filter(w -> !w.isEmpty())
            .map(SolrQueryBuilder::escape)
            .toList();
    if (words.isEmpty()) return List.of();
    var params = new LinkedHashMap<String, Object>();
    params.put("q", SolrFields.TITLE_SUGGEST + ":(" + String.join(" AND ", words) + ")");
    String title = fields.text(Fields.TITLE);
    params.put("fl", String.join(",", SolrFields.ID, SolrFields.URL, title == null ? "id" : title));
    params.put("rows", String.valueOf(size * 5));
    String date = schema.primaryDate();
    params.put(
        "sort",
        (date == null ? "" : fields.date(date) + " desc, ") + SolrFields.TITLE_SORT + " asc");
    var filters = new ArrayList<String>();
    filters.add("-" + SolrFields.EXPIRES + ":[* TO " + clock.millis() + "]");
    if (lang != null) filters.add(SolrFields.LANG + ":" + SolrQueryBuilder.quoted(lang));
    params.put("fq", filters);
    String typed = TextFolding.fold(q.strip());
    var found = new ArrayList<TitleSuggester.Suggestion>();
    var startsWith = new ArrayList<TitleSuggester.Suggestion>();
    for (JsonNode d : select(params).path("response").path("docs")) {
      String text = title == null ? "" : d.path(title).asText("");
      var suggestion =
          new TitleSuggester.Suggestion(
              AnswerShapes.suggestionText(text, q),
              d.path(SolrFields.ID).asText(),
              d.path(SolrFields.URL).asText());
      (TextFolding.fold(text).startsWith(typed) ? startsWith : found).add(suggestion);
    }
    startsWith.addAll(found);
    return List.copyOf(startsWith.subList(0, Math.min(size, startsWith.size())));
  }

  /**
   * The collection behind the alias: its page count, and each shard that has no active replica as a
   * failing task (searches miss its pages until one returns).
   */
  @Override
  public Health health() throws IOException {
    String collection = cluster.aliasTarget(alias).orElse(alias);
    JsonNode state =
        cluster.status(collection).path("cluster").path("collections").path(collection);
    var failing = new ArrayList<TaskStatus.Failure>();
    String now = clock.instant().toString();
    var shards = state.path("shards").properties();
    for (var shard : shards) {
      int active = 0;
      int replicas = 0;
      for (var replica : shard.getValue().path("replicas").properties()) {
        replicas++;
        if ("active".equals(replica.getValue().path("state").asText())) active++;
      }
      if (active == 0)
        failing.add(
            new TaskStatus.Failure(
                "serving shard "
                    + shard.getKey()
                    + " of "
                    + collection
                    + " (0 of "
                    + replicas
                    + " replicas active)",
                now,
                1));
    }
    var params = new LinkedHashMap<String, Object>();
    params.put("q", "*:*");
    params.put("rows", "0");
    long documents = select(params).path("response").path("numFound").asLong();
    // One replica's index: when it last committed, and its version (it grows with each commit).
    JsonNode index =
        cluster
            .nodes()
            .get("/" + collection + "/admin/luke", Map.of("numTerms", "0", "wt", "json"))
            .path("index");
    return new Health(
        failing.isEmpty() ? Health.OK : Health.FAILING,
        documents,
        index.path("lastModified").isTextual() ? index.path("lastModified").asText() : null,
        index.path("version").asLong(0),
        failing,
        Health.CURRENT,
        null);
  }
}
