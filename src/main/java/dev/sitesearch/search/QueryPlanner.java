package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The only code that turns a {@link SearchRequest} into Lucene queries: it parses the text, expands
 * synonyms, matches words (typos included), adds the ranking bonuses and stages, and applies the
 * filters, for every endpoint that ranks or counts. The steps, in order:
 *
 * <ol>
 *   <li>decide the languages searched: the request's {@code lang}, else every language of the site;
 *   <li>parse the forgiving syntax ({@link UserQueryParser});
 *   <li>per language ({@link LanguagePlanner}): expand synonyms ({@link SynonymExpander}), match
 *       the clauses ({@link WordMatcher}, {@link TypoMatcher}): a page needs one of them; add the
 *       {@link Bonus}es: tiers, proximity, exact title; apply recency and feedback;
 *   <li>combine the languages (each language's pages scored by its own query) and apply the
 *       curation;
 *   <li>attach the filters and the sort.
 * </ol>
 *
 * Thread-safe: it keeps no per-request state.
 */
final class QueryPlanner {
  private final Schema schema;
  private final FacetNames facetNames;
  private final FacetsConfig facetsConfig;
  private final Languages languages;
  private final RankingSettings ranking;
  private final Map<String, LanguagePlanner> byLanguage = new ConcurrentHashMap<>();
  private final List<RankingStage> stages;
  private final Supplier<CurationRules> curation;

  /**
   * The config's synonyms, built here, as the server starts: a list of 100,000 lines takes seconds,
   * and built by the first search it spent that search's time limit.
   */
  private final SynonymExpander synonyms;

  QueryPlanner(Schema schema, Languages languages, RankingSettings ranking) {
    this(schema, languages, ranking, CurationEditor.fixed(ranking)::rules);
  }

  /**
   * A planner whose synonyms, pins and hides are {@code curation}'s current rules, read once per
   * plan, so an edit shows in the next search.
   */
  QueryPlanner(
      Schema schema,
      Languages languages,
      RankingSettings ranking,
      Supplier<CurationRules> curation) {
    this.schema = schema;
    this.facetNames = new FacetNames(schema);
    this.facetsConfig = schema.facetsConfig();
    this.languages = languages;
    this.ranking = ranking;
    this.stages = List.of(new PageBoost());
    this.curation = curation;
    this.synonyms = SynonymExpander.of(ranking.synonyms());
  }

  /** A planner for a site in English (or of unknown language): the schema's stemmer. */
  QueryPlanner(Schema schema, RankingSettings ranking) {
    this(schema, new Languages(schema.stemmer()), ranking);
  }

  /**
   * Plans {@code request} against the commit {@code searcher} reads (word statistics and feedback
   * need it).
   */
  SearchPlan plan(SearchRequest request, SiteSearcher searcher, long nowMillis) throws IOException {
    List<String> facets = checkFacets(request);
    Scope scope = scope(request, searcher);
    var filters =
        new Filters(
            facetsConfig,
            request.filters(),
            schema.primaryDate(),
            request.from(),
            request.to(),
            scope.lang());
    UserQuery typed = UserQueryParser.parse(request.q());
    if (typed.isEmpty()) {
      return new SearchPlan(
          request,
          new MatchAllDocsQuery(),
          new MatchAllDocsQuery(),
          List.of(),
          filters,
          sort(request, true),
          facets,
          true,
          scope.languages());
    }
    // Lucene refuses a query of more leaf clauses than its limit; each language gets its share.
    int budget =
        (IndexSearcher.getMaxClauseCount() - filters.clauseCount() - STAGE_CLAUSES)
            / scope.languages().size();
    CurationRules rules = curation.get(); // one value for the whole plan
    var parts = new ArrayList<LanguagePlanner.Part>();
    for (String key : scope.languages()) {
      parts.add(planner(key).plan(typed, request, searcher, filters, nowMillis, budget, rules));
    }
    boolean browsing = parts.stream().allMatch(LanguagePlanner.Part::browsing);
    Query query = combine(parts, scope, searcher);
    Query highlight = highlight(parts);
    var words = MatchedWords.union(parts.stream().map(LanguagePlanner.Part::words).toList());
    var typoMatched = new LinkedHashSet<String>();
    parts.forEach(p -> typoMatched.addAll(p.typoMatched()));
    var context = new RankingStage.Context(request, words, Set.of(), searcher, filters, nowMillis);
    for (RankingStage stage : stages) query = stage.apply(query, context);
    query = rules.curation().apply(query, context);
    return new SearchPlan(
        request,
        query,
        highlight,
        List.copyOf(typoMatched),
        filters,
        sort(request, browsing),
        facets,
        browsing,
        scope.languages());
  }

  private LanguagePlanner planner(String key) {
    return byLanguage.computeIfAbsent(
        key, k -> new LanguagePlanner(languages.language(k), schema, ranking, synonyms));
  }

  /**
   * The languages a request searches (analysis keys, {@link Languages#key}), and the language code
   * its pages must have (null: any).
   */
  record Scope(List<String> languages, String lang) {}

  /**
   * The request's language as the site writes its code: the same code in any case ({@code zh-CN}
   * for {@code zh-cn}), else the site's language of the same primary subtag ({@code en-US}, as a
   * page's {@code <html lang>} often says, for {@code en}); else every language the site has. A
   * site whose pages have no language (a content folder outside a Hugo site) has nothing to narrow:
   * {@code lang} is ignored there, so a page or widget sending its {@code <html lang>} still works.
   * A language the site does not have is an error naming the site's languages.
   */
  Scope scope(SearchRequest request, SiteSearcher searcher) {
    Map<String, String> site = searcher.languages();
    var codes = site.keySet().stream().filter(code -> !code.isEmpty()).toList();
    if (request.lang() == null || codes.isEmpty()) {
      var keys = new TreeSet<>(site.values());
      return new Scope(keys.isEmpty() ? List.of(Languages.DEFAULT_KEY) : List.copyOf(keys), null);
    }
    String asked = request.lang().replace('_', '-');
    String match =
        codes.stream()
            .filter(code -> code.equalsIgnoreCase(asked))
            .findFirst()
            .orElseGet(() -> samePrimary(codes, asked));
    if (match != null) return new Scope(List.of(site.get(match)), match);
    throw new InvalidRequestException(
        InvalidRequestException.Part.LANG,
        "unknown language '"
            + InvalidRequestException.shorten(request.lang())
            + "'; the site's languages are: "
            + String.join(", ", codes));
  }

  /** The one site language whose primary subtag is {@code asked}'s, or null (none, or several). */
  private static String samePrimary(List<String> codes, String asked) {
    String primary = primary(asked);
    var same = codes.stream().filter(code -> primary(code).equals(primary)).toList();
    return same.size() == 1 ? same.get(0) : null;
  }

  private static String primary(String code) {
    return code.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
  }

  /** The fields of the words as written in the languages {@code request} searches. */
  List<String> spellFields(SearchRequest request, SiteSearcher searcher) {
    return scope(request, searcher).languages().stream()
        .map(key -> Languages.field(Fields.SPELL, key))
        .toList();
  }

  /**
   * One query of the languages' parts: the part itself when one language is searched; else any of
   * them, each part within its own language's pages (its bonuses and exclusions are its own).
   */
  private static Query combine(
      List<LanguagePlanner.Part> parts, Scope scope, SiteSearcher searcher) {
    if (parts.size() == 1) return parts.get(0).query();
    var any = new BooleanQuery.Builder();
    for (int i = 0; i < parts.size(); i++) {
      Query q = parts.get(i).query();
      if (q instanceof MatchNoDocsQuery) continue;
      String key = scope.languages().get(i);
      var codes = new ArrayList<BytesRef>();
      searcher
          .languages()
          .forEach(
              (code, k) -> {
                if (k.equals(key)) codes.add(new BytesRef(code));
              });
      any.add(
          new BooleanQuery.Builder()
              .add(q, Occur.MUST)
              .add(new TermInSetQuery(Fields.LANG, codes), Occur.FILTER)
              .build(),
          Occur.SHOULD);
    }
    BooleanQuery built = any.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery("no page has these words") : built;
  }

  /** The words of every language, for the highlighter: each in its own language's fields. */
  private static Query highlight(List<LanguagePlanner.Part> parts) {
    if (parts.size() == 1) return parts.get(0).highlight();
    var any = new BooleanQuery.Builder();
    parts.forEach(p -> any.add(p.highlight(), Occur.SHOULD));
    return any.build();
  }

  /** Room left for the stages: the feedback words and an editor's pins and hides. */
  private static final int STAGE_CLAUSES =
      FeedbackExpansion.EXPANSION_TERMS + Curation.MAX_IDS_PER_QUERY * 2;

  /**
   * Leaf clauses as Lucene counts them against its limit (each term, term set, phrase or leaf query
   * once).
   */
  static int leafClauses(Query query) {
    var counter =
        new QueryVisitor() {
          int leaves;

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }

          @Override
          public void visitLeaf(Query q) {
            leaves++;
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            leaves++;
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            leaves++;
          }
        };
    query.visit(counter);
    return counter.leaves;
  }

  /** The facets a request counts; unknown facet names are refused naming them. */
  List<String> checkFacets(SearchRequest request) {
    return facetNames.check(request);
  }

  void checkFacet(String facet) {
    facetNames.check(facet);
  }

  /**
   * Null means by score; browsing has no scores, so relevance then means newest first. A sorted
   * list goes no deeper than {@link SearchRequest#MAX_SORTED_WINDOW}.
   */
  private Sort sort(SearchRequest request, boolean browsing) {
    Sort sort = sortOrder(request, browsing);
    if (sort != null) request.checkSortedWindow();
    return sort;
  }

  private Sort sortOrder(SearchRequest request, boolean browsing) {
    String date = schema.primaryDate();
    SortOrder order = request.sort();
    if (order == SortOrder.RELEVANCE && browsing) order = SortOrder.NEWEST;
    if (date == null && (order == SortOrder.NEWEST || order == SortOrder.OLDEST))
      order = SortOrder.TITLE;
    var byTitle = LazyTextSort.on(Fields.TITLE_SORT);
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST -> new Sort(dateSort(date, true), byTitle);
      case OLDEST -> new Sort(dateSort(date, false), byTitle);
      case TITLE -> new Sort(byTitle, dateSort(date, true));
    };
  }

  private static SortField dateSort(String field, boolean newestFirst) {
    var sort =
        new SortedNumericSortField(
            field == null ? "_none" : field, SortField.Type.LONG, newestFirst);
    sort.setMissingValue(
        newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated pages last either way
    return sort;
  }
}
