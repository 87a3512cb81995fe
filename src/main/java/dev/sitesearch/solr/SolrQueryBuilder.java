package dev.sitesearch.solr;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.FacetNames;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SortOrder;
import dev.sitesearch.search.UserQuery;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQueryParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a {@link SearchRequest} into Solr's {@code /select} parameters, as the local planner turns
 * it into Lucene queries: the search box's forgiving syntax parsed by the same {@link
 * UserQueryParser} and written as an edismax query with every Lucene special character escaped
 * (words, {@code "phrases"}, {@code -excluded}, {@code a OR b}, {@code prefix*}; no field syntax:
 * {@code uf=-*}), any word matching, scored as the local engine scores ({@link SolrRanking}); each
 * facet's filter tagged so its own count leaves it out ({@code {!ex=…}}: disjunctive counts),
 * dates, language, expired pages, sort and paging, highlights marked with {@code <mark>} and
 * HTML-escaped.
 */
final class SolrQueryBuilder {
  /** Characters of the snippet's passage. */
  static final int SNIPPET_CHARS = 200;

  private final Schema schema;
  private final FacetNames facetNames;
  private final SolrFields fields;
  private final SolrRanking ranking;

  SolrQueryBuilder(Schema schema, SolrFields fields, RankingSettings ranking) {
    this.schema = schema;
    this.facetNames = new FacetNames(schema);
    this.fields = fields;
    this.ranking = new SolrRanking(schema, fields, ranking);
  }

  /** The facets a request counts; unknown facet names are refused naming them. */
  List<String> checkFacets(SearchRequest request) {
    return facetNames.check(request);
  }

  void checkFacet(String facet) {
    facetNames.check(facet);
  }

  /** The tag of a facet's filter (its field's name: unique, and a word Solr's parsers take). */
  String tag(String facet) {
    return "tag_" + fields.facet(facet);
  }

  /** The key of a facet's counts alone (not the facet's name: {@code type} is a local param). */
  String aloneKey(String facet) {
    return "alone_" + fields.facet(facet);
  }

  /** The query and filters: what a search and a facet count share. */
  Map<String, Object> base(SearchRequest request, long nowMillis) {
    var p = new LinkedHashMap<String, Object>();
    String q = userQuery(request.q(), ranking::word, ranking::excludedWord);
    if (q.isEmpty()) {
      p.put("q", "*:*");
    } else {
      p.put("defType", "edismax");
      p.put("q", q);
      // As locally (WordMatcher): a page needs one matching word, so a word no page has never
      // empties the results; pages with more of the words score higher.
      p.put("q.op", "OR");
      p.put("mm", "1");
      p.put("uf", "-*");
      p.put("qf", SolrFields.WORDS); // BM25F per word (SolrRanking; its bonuses: scored())
      p.put("sow", "false"); // multi-word synonyms at query time
      p.put("boost", "def(" + SolrFields.BOOST + ",1)");
    }
    var filters = new ArrayList<String>();
    for (var e : request.filters().entrySet()) {
      String values =
          e.getValue().stream().map(SolrQueryBuilder::quoted).collect(Collectors.joining(" OR "));
      filters.add(
          "{!tag=" + tag(e.getKey()) + "}" + fields.facet(e.getKey()) + ":(" + values + ")");
    }
    String date = schema.primaryDate();
    if (date != null && (request.from() != null || request.to() != null)) {
      String from = request.from() == null ? "*" : start(request.from());
      String to = request.to() == null ? "*" : start(request.to().plusDays(1));
      filters.add(fields.date(date) + ":[" + from + " TO " + to + "}");
    }
    if (request.lang() != null) {
      String lang = request.lang().toLowerCase(Locale.ROOT);
      String primary = lang.split("-", 2)[0];
      filters.add(
          SolrFields.LANG
              + ":("
              + quoted(lang)
              + " OR "
              + quoted(primary)
              + " OR "
              + escape(primary)
              + "-*)");
    }
    filters.add("-" + SolrFields.EXPIRES + ":[* TO " + nowMillis + "]");
    p.put("fq", filters);
    return p;
  }

  private static String start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }

  /** The query, filters and ranking of a search, without what it shows. */
  Map<String, Object> scored(SearchRequest request, long nowMillis) {
    var p = base(request, nowMillis);
    if (p.containsKey("defType")) ranking.addTo(p, request.q(), nowMillis);
    return p;
  }

  /** The analysed terms of the query's loose words that are not stop words (as feedback counts). */
  java.util.Set<String> contentTerms(String text) {
    return ranking.contentTerms(text);
  }

  /** The English analysis of the text fields, as the configset's (for feedback's word counts). */
  org.apache.lucene.analysis.Analyzer analyzer() {
    return ranking.analyzer();
  }

  /** A search: hits, highlights, the counted facets (each without its own filter). */
  Map<String, Object> search(SearchRequest request, List<String> facets, long nowMillis) {
    var p = scored(request, nowMillis);
    p.put("start", (request.page() - 1) * request.size());
    p.put("rows", request.size());
    p.put("sort", sort(request));
    p.put("fl", storedFieldList() + ",score");
    var text = new ArrayList<>(fields.textFields().values());
    p.put("hl", "true");
    p.put("hl.method", "unified");
    p.put("hl.fl", String.join(",", text));
    p.put("hl.tag.pre", "<mark>");
    p.put("hl.tag.post", "</mark>");
    p.put("hl.encoder", "html");
    p.put("hl.snippets", "1");
    p.put("hl.fragsize", String.valueOf(SNIPPET_CHARS));
    p.put("hl.defaultSummary", "true");
    p.put("hl.requireFieldMatch", "false");
    String title = fields.text(dev.sitesearch.index.Fields.TITLE);
    if (title != null) p.put("f." + title + ".hl.fragsize", "0"); // the whole title
    facetParams(p, request, facets, request.facetSize());
    return p;
  }

  /**
   * Adds the counts of {@code facets}: each alone (its own filter excluded), and within the results
   * for a facet with values ticked ("results if added"). A tree, a facet with values ticked and a
   * {@code limit} of -1 are counted whole (the engine cuts them); the others to {@code limit}.
   */
  void facetParams(Map<String, Object> p, SearchRequest request, List<String> facets, int limit) {
    if (facets.isEmpty()) return;
    p.put("facet", "true");
    p.put("facet.mincount", "1");
    p.put("facet.sort", "count");
    var fieldParams = new ArrayList<String>();
    var queries = new ArrayList<String>();
    for (String facet : facets) {
      String field = fields.facet(facet);
      List<String> selected = request.filters().getOrDefault(facet, List.of());
      boolean whole = limit < 0 || !selected.isEmpty() || schema.separator(facet) != null;
      p.put("f." + field + ".facet.limit", String.valueOf(whole ? -1 : limit));
      fieldParams.add("{!ex=" + tag(facet) + " key=" + aloneKey(facet) + "}" + field);
      if (!selected.isEmpty()) {
        fieldParams.add("{!key=" + withinKey(facet) + "}" + field);
        for (int i = 0; i < selected.size(); i++)
          queries.add(
              "{!ex="
                  + tag(facet)
                  + " key="
                  + selectedKey(facet, i)
                  + "}"
                  + field
                  + ":"
                  + quoted(selected.get(i)));
      }
    }
    p.put("facet.field", fieldParams);
    if (!queries.isEmpty()) p.put("facet.query", queries);
  }

  String withinKey(String facet) {
    return "within_" + fields.facet(facet);
  }

  String selectedKey(String facet, int i) {
    return "selected_" + fields.facet(facet) + "_" + i;
  }

  private String storedFieldList() {
    var fl = new ArrayList<String>();
    fl.add(SolrFields.ID);
    fl.add(SolrFields.URL);
    fl.add(SolrFields.PERMALINK);
    fl.add(SolrFields.ALIASES);
    fl.add(SolrFields.LANG);
    fl.add(SolrFields.KIND);
    fl.add(SolrFields.SECTIONS);
    fl.add(SolrFields.DESCRIPTION_SHOWN);
    String title = fields.text(dev.sitesearch.index.Fields.TITLE);
    if (title != null) fl.add(title);
    fl.addAll(fields.shownFacetFields().values());
    fl.addAll(fields.shownDateFields().values());
    fl.addAll(fields.storedFields().values());
    return String.join(",", fl);
  }

  private String sort(SearchRequest request) {
    String date = schema.primaryDate() == null ? null : fields.date(schema.primaryDate());
    SortOrder order = request.sort();
    if (order == SortOrder.RELEVANCE && userQuery(request.q()).isEmpty()) order = SortOrder.NEWEST;
    if (order != SortOrder.RELEVANCE) request.checkSortedWindow();
    return switch (order) {
      case RELEVANCE -> "score desc" + (date == null ? "" : ", " + date + " desc") + ", id asc";
      case NEWEST -> (date == null ? "" : date + " desc, ") + "id asc";
      case OLDEST -> (date == null ? "" : date + " asc, ") + "id asc";
      case TITLE -> SolrFields.TITLE_SORT + " asc, id asc";
    };
  }

  /** Whether hits carry a score: ranked by relevance with words to rank by. */
  static boolean showsScores(SearchRequest request) {
    return request.sort() == SortOrder.RELEVANCE && !userQuery(request.q()).isEmpty();
  }

  /** The visitor's text as an edismax query: the same clauses the local engine reads. */
  static String userQuery(String text) {
    return userQuery(text, SolrQueryBuilder::plainWord, SolrQueryBuilder::plainWord);
  }

  /**
   * The visitor's text as an edismax query, each loose word written by {@code word} and each
   * excluded one by {@code excludedWord} ({@link SolrRanking}: compound words as locally).
   */
  static String userQuery(
      String text, Function<String, String> word, Function<String, String> excludedWord) {
    if (text.isBlank()) return "";
    UserQuery parsed = UserQueryParser.parse(text);
    // A word written twice counts twice, as locally (each clause scores), as one clause boosted:
    // 91 copies of one word (a 1,000-character query) made a query Solr could not answer in time.
    var times = new LinkedHashMap<String, Integer>();
    for (Clause c : parsed.include()) {
      String s = clause(c, word);
      if (!s.isEmpty()) times.merge(s, 1, Integer::sum);
    }
    var parts = new ArrayList<String>();
    times.forEach((s, n) -> parts.add(n == 1 ? s : s + "^" + n));
    var excluded = new ArrayList<String>();
    for (Clause c : parsed.exclude()) {
      String s = clause(c, excludedWord);
      if (!s.isEmpty()) excluded.add("-" + s);
    }
    if (parts.isEmpty() && excluded.isEmpty()) return "";
    if (parts.isEmpty()) parts.add("*:*"); // only exclusions: every page without those words
    parts.addAll(excluded);
    return String.join(" ", parts);
  }

  private static String plainWord(String text) {
    return escape(text.toLowerCase(Locale.ROOT));
  }

  static String clause(Clause c) {
    return clause(c, SolrQueryBuilder::plainWord);
  }

  private static String clause(Clause c, Function<String, String> word) {
    return switch (c) {
      case UserQuery.Word w -> word.apply(w.text());
      case UserQuery.Phrase ph -> quoted(ph.text());
      case UserQuery.Prefix pr -> escape(pr.text().toLowerCase(Locale.ROOT)) + "*";
      case UserQuery.TypedWords t ->
          "("
              + t.parts().stream()
                  .map(part -> clause(part, word))
                  .filter(s -> !s.isEmpty())
                  .collect(Collectors.joining(" "))
              + ")";
      case UserQuery.AnyOf any ->
          "("
              + any.options().stream()
                  .map(option -> clause(option, word))
                  .filter(s -> !s.isEmpty())
                  .collect(Collectors.joining(" OR "))
              + ")";
    };
  }

  /** Every character the Lucene and edismax parsers read as syntax, escaped. */
  static String escape(String s) {
    var out = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      if ("\\+-!():^[]\"{}~*?|&/".indexOf(ch) >= 0 || Character.isWhitespace(ch)) out.append('\\');
      out.append(ch);
    }
    return out.toString();
  }

  /** A value as one quoted term or phrase. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
