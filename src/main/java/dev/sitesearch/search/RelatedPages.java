package dev.sitesearch.search;

import dev.sitesearch.content.PagePlace;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The pages like one page. Three signals, blended in one query:
 *
 * <ol>
 *   <li><b>words</b>: Lucene's {@link MoreLikeThis} picks the page's most telling words (by tf-idf,
 *       the language's stop words left out) from each text field's stored text and asks for them in
 *       that field, each field weighted as a search weighs it ({@code fields.text}: title 3,
 *       description 2, body 1), scored by BM25 as searches are;
 *   <li><b>shared facet values</b> (the configured facets: topics, tags, categories, author…): each
 *       value the two pages share adds a constant, larger for a rare value than for one most pages
 *       have;
 *   <li><b>the same section</b>: the page's own section adds more, its top section less (rare
 *       sections more, again).
 * </ol>
 *
 * The constants are fractions of the score the page's own words give the page itself, so the blend
 * holds on any site and any page length: a page that shares a rare topic and little text still
 * comes before one that shares nothing. Ties go to the newer page. The editors' {@code
 * search.boost} multiplies the score as in a search.
 *
 * <p>Never listed: the page itself, pages in another language, list pages (home, taxonomy and term
 * pages: lists of links, not content) and anything not in the index (drafts, future and expired
 * pages are not indexed unless the index is a preview built with {@code --include-drafts}, whose
 * searches show them too: related pages list exactly what a search could show).
 */
final class RelatedPages {
  /** Telling words taken from each text field. */
  static final int MAX_TERMS_PER_FIELD = 25;

  /** Shared facet values that count, the rarest first: a page with hundreds of tags stays cheap. */
  static final int MAX_SHARED_VALUES = 32;

  /** What one shared facet value adds, as a share of the page's own words' score, when rare. */
  static final float SHARED_VALUE_WEIGHT = 0.25f;

  /** What the same section adds, likewise; the same top section (only) adds half of it. */
  static final float SAME_SECTION_WEIGHT = 0.3f;

  /** Kinds a related list may name: content pages and section pages. */
  private static final List<BytesRef> LISTED_KINDS =
      List.of(new BytesRef(PagePlace.PAGE), new BytesRef(PagePlace.SECTION));

  private final Schema schema;
  private final FacetsConfig facetsConfig;
  private final Languages languages;
  private final Analyzer analyzer;

  RelatedPages(Schema schema, Languages languages) {
    this.schema = schema;
    this.facetsConfig = schema.facetsConfig();
    this.languages = languages;
    this.analyzer = languages.indexAnalyzer();
  }

  /** The related pages of {@code page} (as stored), best first. */
  ScoreDoc[] find(SiteSearcher searcher, Document page, RelatedRequest request) throws IOException {
    String lang = page.get(Fields.LANG) == null ? "" : page.get(Fields.LANG);
    Query words = words(searcher.getIndexReader(), page, Languages.key(lang));
    float scale = ownScore(searcher, words, page.get(Fields.ID));

    var blend = new BooleanQuery.Builder();
    if (words != null) blend.add(words, Occur.SHOULD);
    shared(searcher.getIndexReader(), page, scale).forEach(q -> blend.add(q, Occur.SHOULD));
    blend.setMinimumNumberShouldMatch(1);
    blend.add(new TermQuery(new Term(Fields.ID, page.get(Fields.ID))), Occur.MUST_NOT);
    blend.add(new TermInSetQuery(Fields.KIND, LISTED_KINDS), Occur.FILTER);
    Query query = blend.build();
    if (searcher.hasField(Fields.BOOST)) {
      query =
          FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromFloatField(Fields.BOOST));
    }
    SearchRequest selection = request.selection();
    var filters =
        new Filters(
            facetsConfig,
            selection.filters(),
            schema.primaryDate(),
            selection.from(),
            selection.to(),
            lang);
    TopDocs top = searcher.search(filters.apply(query), request.size(), sort(), true);
    return top.scoreDocs;
  }

  /**
   * The page's telling words in each text field, weighted as a search weighs the field; null when
   * no word of the page is found on another page.
   */
  private Query words(IndexReader reader, Document page, String languageKey) throws IOException {
    var mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setStopWords(languages.language(languageKey).stopWords());
    mlt.setMinTermFreq(1); // titles and descriptions say each word once
    mlt.setMinDocFreq(2); // a word no other page has finds nothing
    mlt.setMaxDocFreq(commonAbove(reader)); // nor does one most pages have
    mlt.setMaxQueryTerms(MAX_TERMS_PER_FIELD);
    mlt.setBoost(true); // the more telling the word, the more it counts
    var words = new BooleanQuery.Builder();
    int fields = 0;
    for (Map.Entry<String, Float> field : schema.textFields().entrySet()) {
      String name = Languages.field(field.getKey(), languageKey);
      String text = page.get(name);
      if (text == null || text.isBlank()) continue;
      mlt.setFieldNames(new String[] {name});
      Query like = mlt.like(name, new StringReader(text));
      if (like instanceof BooleanQuery b && b.clauses().isEmpty()) continue;
      words.add(new BoostQuery(like, field.getValue()), Occur.SHOULD);
      fields++;
    }
    return fields == 0 ? null : words.build();
  }

  /**
   * The score the page's own words give the page itself: the scale of the other signals' weights (1
   * when its words find nothing).
   */
  private static float ownScore(SiteSearcher searcher, Query words, String id) throws IOException {
    if (words == null) return 1f;
    Query own =
        new BooleanQuery.Builder()
            .add(words, Occur.MUST)
            .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(own, 1);
    return top.scoreDocs.length == 0 || top.scoreDocs[0].score <= 0 ? 1f : top.scoreDocs[0].score;
  }

  /** A constant-score clause for each facet value and section the page has, rarest first. */
  private List<Query> shared(IndexReader reader, Document page, float scale) throws IOException {
    var values = new ArrayList<Signal>();
    for (String facet : schema.facetFields()) {
      if (schema.isSectionTree(facet)) continue;
      String field = facetsConfig.getDimConfig(facet).indexFieldName;
      for (String value : page.getValues(Fields.STORED_FACET_PREFIX + facet)) {
        values.add(signal(reader, DrillDownQuery.term(field, facet, value), SHARED_VALUE_WEIGHT));
      }
    }
    values.sort(Comparator.comparingInt(Signal::pages));
    var signals = new ArrayList<>(values.subList(0, Math.min(values.size(), MAX_SHARED_VALUES)));
    String[] section = page.getValues(Fields.SECTION);
    if (section.length > 0) {
      String path = String.join("/", section);
      signals.add(signal(reader, new Term(Fields.SECTION_PATH, path), SAME_SECTION_WEIGHT));
      // A page of a subsection shares its top section with the pages of the sibling subsections.
      if (section.length > 1)
        signals.add(signal(reader, new Term(Fields.SECTION, section[0]), SAME_SECTION_WEIGHT / 2));
    }
    int all = Math.max(1, reader.numDocs());
    var clauses = new ArrayList<Query>();
    for (Signal signal : signals) {
      // Only this page has it, or so many pages that it tells nothing (and would cost a long walk).
      if (signal.pages() < 2 || signal.pages() > commonAbove(reader)) continue;
      float weight = scale * signal.weight() * rarity(signal.pages(), all);
      clauses.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(signal.term())), weight));
    }
    return clauses;
  }

  /**
   * A word or value more pages have than this tells little about a page: half the pages, on a site
   * large enough for halves to mean something.
   */
  private static int commonAbove(IndexReader reader) {
    return Math.max(50, reader.numDocs() / 2);
  }

  /**
   * How telling a value that {@code pages} of {@code all} pages have is: 1 when two pages share it,
   * falling towards 0 as every page has it.
   */
  static float rarity(int pages, int all) {
    return (float) Math.min(1, Math.log1p((double) all / pages) / Math.log1p(all / 2.0));
  }

  private static Signal signal(IndexReader reader, Term term, float weight) throws IOException {
    return new Signal(term, weight, reader.docFreq(term));
  }

  /** One value the page has, its weight when rare, and how many pages have it. */
  private record Signal(Term term, float weight, int pages) {}

  /** Best first; equal scores: the newer page first, then by id, so the list is stable. */
  private Sort sort() {
    var byId = new SortField(Fields.ID, SortField.Type.STRING);
    String date = schema.primaryDate();
    if (date == null) return new Sort(SortField.FIELD_SCORE, byId);
    var newest = new SortedNumericSortField(date, SortField.Type.LONG, true);
    newest.setMissingValue(Long.MIN_VALUE); // undated pages after dated ones
    return new Sort(SortField.FIELD_SCORE, newest, byId);
  }
}
