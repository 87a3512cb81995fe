package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PhraseHelper;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Highlighted snippets and titles for a page of hits, with Lucene's unified highlighter reading the
 * offsets stored in the postings (no re-analysis). The snippet is the best passage of the body,
 * else of the description, about 160–240 characters; a hit with no match in either (browsing) gets
 * the description or the body's opening.
 */
final class Snippets {
  static final int TARGET_CHARS = 200;
  static final int MAX_CHARS = 240;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Snippet and highlighted title per hit, in the order of {@code docIds}. */
  record Highlighted(String[] snippets, String[] titles) {}

  /**
   * A hit's stored text, for the fallbacks when nothing in it matches.
   *
   * @param language the analysis its text fields are in ({@link Languages#key})
   */
  record Text(String language, String title, String description, String body) {
    /** A page in English or of unknown language. */
    Text(String title, String description, String body) {
      this(Languages.DEFAULT_KEY, title, description, body);
    }
  }

  /**
   * Snippet and highlighted title per hit: the matches of {@code query} in each hit's own
   * language's fields, among {@code languages} (those searched). {@code loaded} are the hits'
   * stored documents, already read: the highlighter takes their text from them rather than reading
   * every hit's stored fields again (that second read was an eighth of a search's time).
   */
  Highlighted highlight(
      IndexSearcher searcher,
      Query query,
      int[] docIds,
      Text[] text,
      Document[] loaded,
      List<String> languages)
      throws IOException {
    var snippets = new String[docIds.length];
    var titles = new String[docIds.length];
    if (docIds.length == 0) return new Highlighted(snippets, titles);
    var byDoc = new HashMap<Integer, Document>();
    for (int i = 0; i < docIds.length; i++) byDoc.put(docIds[i], loaded[i]);
    var bodyAndTitle = new ArrayList<String>();
    var titleFields = new HashSet<String>();
    for (String key : languages) {
      bodyAndTitle.add(Languages.field(Fields.BODY, key));
      bodyAndTitle.add(Languages.field(Fields.TITLE, key));
      titleFields.add(Languages.field(Fields.TITLE, key));
    }
    // Titles are marked whole, the other fields cut to a passage.
    var marking =
        new FromLoaded(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter(MAX_CHARS))
                .withBreakIterator(
                    () ->
                        LengthGoalBreakIterator.createMinLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT),
                            TARGET_CHARS - 40,
                            0.3f))
                .withMaxNoHighlightPassages(0)
                .withScorer(new LeanPassageScorer()),
            byDoc) {
          private final MarkFormatter whole = new MarkFormatter(Integer.MAX_VALUE);

          @Override
          protected BreakIterator getBreakIterator(String field) {
            return titleFields.contains(field)
                ? new WholeBreakIterator()
                : super.getBreakIterator(field);
          }

          @Override
          protected PassageFormatter getFormatter(String field) {
            return titleFields.contains(field) ? whole : super.getFormatter(field);
          }
        };
    Map<String, String[]> marks =
        marking.highlightFields(
            bodyAndTitle.toArray(String[]::new), query, docIds, ones(bodyAndTitle.size()));
    String[] none = new String[docIds.length];
    var unmarked = new ArrayList<Integer>();
    for (int i = 0; i < docIds.length; i++) {
      String key = text[i].language();
      String[] titleMarks = marks.getOrDefault(Languages.field(Fields.TITLE, key), none);
      titles[i] = titleMarks[i] != null ? titleMarks[i] : MarkFormatter.escape(text[i].title());
      snippets[i] = marks.getOrDefault(Languages.field(Fields.BODY, key), none)[i];
      if (snippets[i] == null) unmarked.add(i);
    }
    // The description is marked only where the body has no match (a third of the marking work).
    if (!unmarked.isEmpty()) {
      int[] ids = unmarked.stream().mapToInt(i -> docIds[i]).toArray();
      String[] fields =
          languages.stream()
              .map(k -> Languages.field(Fields.DESCRIPTION, k))
              .toArray(String[]::new);
      Map<String, String[]> described =
          marking.highlightFields(fields, query, ids, ones(fields.length));
      for (int u = 0; u < ids.length; u++) {
        int i = unmarked.get(u);
        String[] marked =
            described.getOrDefault(Languages.field(Fields.DESCRIPTION, text[i].language()), none);
        snippets[i] = marked[u];
      }
    }
    for (int i = 0; i < docIds.length; i++)
      if (snippets[i] == null)
        snippets[i] =
            lead(text[i].description().isEmpty() ? text[i].body() : text[i].description());
    return new Highlighted(snippets, titles);
  }

  /**
   * A highlighter that reads the hits' field values from their documents as already loaded (the
   * exact stored values the postings' offsets point into), cut at its max length and empty when a
   * document lacks the field, as Lucene's own loader does.
   */
  static class FromLoaded extends UnifiedHighlighter {
    private final Map<Integer, Document> byDoc;

    FromLoaded(UnifiedHighlighter.Builder builder, Map<Integer, Document> byDoc) {
      super(builder);
      this.byDoc = byDoc;
    }

    /** Each field's passages per document as the formatter returns them (not as strings). */
    Map<String, Object[]> passages(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    /**
     * The query as its words and phrases in {@code field} alone ({@link HighlightQuery}). Words
     * alone are looked up in the postings directly: asking the query's weight for its matches, as
     * phrases need, builds that weight again for every hit.
     */
    @Override
    protected UHComponents getHighlightComponents(String field, Query query, Set<Term> terms) {
      Query flat = HighlightQuery.flatten(query, field);
      BytesRef[] words = HighlightQuery.wordsOnly(flat);
      UHComponents all = super.getHighlightComponents(field, query, terms);
      if (words != null) {
        var flags = EnumSet.copyOf(all.highlightFlags());
        flags.remove(HighlightFlag.WEIGHT_MATCHES);
        return new UHComponents(
            field,
            all.fieldMatcher(),
            flat,
            words,
            PhraseHelper.NONE,
            ZERO_LEN_AUTOMATA_ARRAY,
            false,
            flags);
      }
      return new UHComponents(
          all.field(),
          all.fieldMatcher(),
          flat,
          all.terms(),
          all.phraseHelper(),
          all.automata(),
          all.hasUnrecognizedQueryPart(),
          all.highlightFlags());
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      var values = new ArrayList<CharSequence[]>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        Document d = byDoc.get(doc);
        var row = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String v = d == null ? null : d.get(fields[f]);
          // Lucene's loader reads no more than the highlighter's max length of a field either.
          row[f] =
              v == null ? "" : v.length() > getMaxLength() ? v.substring(0, getMaxLength()) : v;
        }
        values.add(row);
      }
      return values;
    }
  }

  /** One passage per field. */
  private static int[] ones(int fields) {
    int[] one = new int[fields];
    Arrays.fill(one, 1);
    return one;
  }

  /** The opening of a text, cut at a word boundary near {@link #TARGET_CHARS}. */
  static String lead(String text) {
    String flat = MarkFormatter.SPACES.matcher(text).replaceAll(" ").strip();
    if (flat.length() <= MAX_CHARS) return MarkFormatter.escape(flat);
    int cut = flat.lastIndexOf(' ', TARGET_CHARS);
    if (cut < TARGET_CHARS / 2) cut = TARGET_CHARS;
    return MarkFormatter.escape(flat.substring(0, cut).strip()) + MarkFormatter.ELLIPSIS;
  }
}
