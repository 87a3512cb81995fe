package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.MarkdownText;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.index.DocumentMapper;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.MappedDocument;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TextAnalyzer;
import dev.sitesearch.testing.Seed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * A handful of pages written inline, indexed in memory as the indexer indexes them (the real {@link
 * DocumentMapper}, default {@link Schema} and analyzers) and searched as the service searches (its
 * BM25): the fixture of the ranking features' unit tests.
 *
 * <pre>{@code
 * try (var index = TinyIndex.of(page("a", "Solar power").body("…").date("2024-01-01").facet("tags", "energy"))) {
 *   List<String> ids = index.ids(TinyIndex.BARE, "solar");
 * }
 * }</pre>
 */
final class TinyIndex implements AutoCloseable {
  static final Schema SCHEMA = Seed.schema();
  static final Analyzer ANALYZER = new TextAnalyzer(SCHEMA.stemmer());
  static final FieldQueries FIELDS =
      new FieldQueries(ANALYZER, SCHEMA, RankingSettings.DEFAULTS.bm25f());

  /** The time of every search: fixed, never the wall clock. */
  static final long NOW = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();

  /** Every ranking feature off: a test turns on the one it is about. */
  static final RankingSettings BARE = RankingSettings.WORDS_ONLY;

  /** A page as its Markdown file would give it; front matter holds its date and facet values. */
  record Page(
      String id, String title, String description, String body, Map<String, Object> frontMatter) {
    Page body(String text) {
      return new Page(id, title, description, text, frontMatter);
    }

    /** The body as its Markdown renders it, headings and all (see {@link #content}). */
    Page markdown(String markdown) {
      return with(MARKDOWN, markdown);
    }

    Page description(String text) {
      return new Page(id, title, text, body, frontMatter);
    }

    /** The page date, as front matter writes it ({@code 2024-05-31}). */
    Page date(String date) {
      return with("date", date);
    }

    Page facet(String facet, String... values) {
      return with(facet, List.of(values));
    }

    private Page with(String key, Object value) {
      var copy = new LinkedHashMap<>(frontMatter);
      copy.put(key, value);
      return new Page(id, title, description, body, copy);
    }

    ContentPage content() {
      var frontMatter = new LinkedHashMap<>(this.frontMatter);
      Object markdown = frontMatter.remove(MARKDOWN);
      var rendered = markdown == null ? null : MarkdownText.render((String) markdown);
      String body = rendered == null ? this.body : rendered.text();
      var source = new SourceFile(id + ".md", Path.of(id + ".md"), body.length(), 0);
      var page =
          new ContentPage(
              source,
              "hash-" + id,
              id,
              "/" + id + "/",
              title,
              description,
              body,
              frontMatter,
              null,
              List.of());
      return rendered == null ? page : page.withSections(rendered.sections());
    }
  }

  /** Where {@link Page#markdown} keeps its text until the page is made. */
  private static final String MARKDOWN = "\u0000markdown";

  static Page page(String id, String title) {
    return new Page(id, title, "", "", Map.of());
  }

  private final Directory directory;
  private final DirectoryReader reader;
  private final SiteSearcher searcher;

  private TinyIndex(Directory directory, DirectoryReader reader) throws IOException {
    this.directory = directory;
    this.reader = reader;
    var factory =
        SiteSearcher.factory(
            SCHEMA.facetsConfig(), SearchService.similarity(RankingSettings.DEFAULTS));
    this.searcher = (SiteSearcher) factory.newSearcher(reader, null);
  }

  /**
   * The pages indexed in the order given (which is also the order of equal scores). In memory, so a
   * test class can make its index as a field.
   */
  static TinyIndex of(Page... pages) {
    Directory directory = new ByteBuffersDirectory();
    try {
      var mapper = new DocumentMapper(SCHEMA);
      // As the indexer analyses: the text fields with the schema's analyzer, the spelling field as
      // typed.
      var analyzers = new Languages(SCHEMA.stemmer()).indexAnalyzer();
      try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers))) {
        for (Page page : pages) {
          MappedDocument mapped = mapper.map(page.content());
          if (!mapped.warnings().isEmpty())
            throw new IllegalArgumentException(page.id() + ": " + mapped.warnings());
          writer.addDocument(mapped.document());
        }
      }
      return new TinyIndex(directory, DirectoryReader.open(directory));
    } catch (IOException | RuntimeException e) {
      try {
        directory.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof IOException io) throw new UncheckedIOException(io);
      throw (RuntimeException) e;
    }
  }

  SiteSearcher searcher() {
    return searcher;
  }

  /** The request planned with these settings at {@link #NOW}, as the service plans it. */
  SearchPlan plan(RankingSettings ranking, SearchRequest request) throws IOException {
    return new QueryPlanner(SCHEMA, ranking).plan(request, searcher, NOW);
  }

  /** The request planned and executed as the service executes it. */
  SearchExecutor.Execution execute(RankingSettings ranking, SearchRequest request)
      throws IOException {
    return new SearchExecutor(SCHEMA.facetsConfig()).execute(searcher, plan(ranking, request));
  }

  /** The hits of the request as the service shows them: snippets, sections and all. */
  List<SearchResponse.Hit> hits(RankingSettings ranking, SearchRequest request) throws IOException {
    SearchPlan plan = plan(ranking, request);
    var docs = new SearchExecutor(SCHEMA.facetsConfig()).execute(searcher, plan).docs();
    var analyzers = new Languages(SCHEMA.stemmer()).indexAnalyzer();
    return new HitAssembler(SCHEMA, analyzers).hits(searcher, plan, docs);
  }

  /** The ids of the first page of hits for {@code q}, searched with these settings. */
  List<String> ids(RankingSettings ranking, String q) throws IOException {
    return ids(execute(ranking, SearchRequest.of(q)).docs());
  }

  /** The ids of every page {@code query} matches, best first. */
  List<String> ids(Query query) throws IOException {
    return ids(searcher.search(query, 100).scoreDocs);
  }

  /** Each matching page's score, by id. */
  Map<String, Float> scores(Query query) throws IOException {
    var scores = new LinkedHashMap<String, Float>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) scores.put(id(hit), hit.score);
    return scores;
  }

  List<String> ids(ScoreDoc[] hits) throws IOException {
    var ids = new ArrayList<String>();
    for (ScoreDoc hit : hits) ids.add(id(hit));
    return ids;
  }

  private String id(ScoreDoc hit) throws IOException {
    return searcher.storedFields().document(hit.doc).get(Fields.ID);
  }

  /** {@code q}'s words as the planner matches them, without typos or synonyms. */
  MatchedWords words(String q) {
    return matcher().match(UserQueryParser.parse(q), reader);
  }

  /** The planner's word matcher with the shipped compound handling, without typos. */
  private static WordMatcher matcher() {
    var d = RankingSettings.DEFAULTS;
    return new WordMatcher(FIELDS, null, d.splitCompounds(), d.proximity().weight());
  }

  /**
   * What the planner hands its ranking stages for this request: its words (as {@link #words}), at
   * this time.
   */
  RankingStage.Context context(SearchRequest request, long nowMillis) {
    var filters =
        new Filters(
            SCHEMA.facetsConfig(),
            request.filters(),
            SCHEMA.primaryDate(),
            request.from(),
            request.to());
    Set<String> content = matcher().contentTerms(UserQueryParser.parse(request.q()));
    return new RankingStage.Context(
        request, words(request.q()), content, searcher, filters, nowMillis);
  }

  /**
   * A page needs one of the words (the planner's matching query, before bonuses), and has none
   * excluded.
   */
  static Query anyWord(MatchedWords words) {
    var any = new BooleanQuery.Builder();
    words.matching().forEach(q -> any.add(q, Occur.SHOULD));
    var query = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    words.exclude().forEach(q -> query.add(q, Occur.MUST_NOT));
    return query.build();
  }

  /**
   * {@code q} with a bonus's clauses added as the planner adds them: optional, for the score only.
   */
  Query withBonus(String q, Bonus bonus) {
    MatchedWords words = words(q);
    var query = new BooleanQuery.Builder().add(anyWord(words), Occur.MUST);
    bonus.clauses(words, UserQueryParser.parse(q)).forEach(c -> query.add(c, Occur.SHOULD));
    return query.build();
  }

  @Override
  public void close() throws IOException {
    try (directory;
        reader) {
      // reader first, then the directory
    }
  }
}
