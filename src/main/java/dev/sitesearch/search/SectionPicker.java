package dev.sitesearch.search;

import dev.sitesearch.content.PageSection;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.StoredSections;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.SearchResponse.Section;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The sections of each hit that match best, and its best passages under their headings. One pass of
 * the unified highlighter over the hits' bodies (offsets from the postings, as for the snippet)
 * scores up to {@link #PASSAGES_READ} passages per page; each passage belongs to the section its
 * offset falls in ({@link StoredSections}). A section ranks by its best passage, raised by the
 * share of the page's matched words its heading holds; a heading that is the query (ignoring case,
 * accents and punctuation) comes first.
 */
final class SectionPicker {
  /** Passages scored per page: enough to find the best few sections of a long page. */
  static final int PASSAGES_READ = 12;

  /**
   * How much of a body is looked at: ten times the snippet's (Lucene's default 10,000), so the
   * sections of long pages are found.
   */
  static final int MAX_BODY_CHARS = 100_000;

  private final Analyzer analyzer;

  SectionPicker(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A hit's sections and passages. */
  record Picked(List<Section> sections, List<Section> passages) {
    static final Picked NONE = new Picked(List.of(), List.of());
  }

  /** Collects each page's passages rather than formatting them. */
  private static final class Collect extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      var found = new ArrayList<ScoredPassage>(passages.length);
      for (Passage p : passages) {
        found.add(
            new ScoredPassage(
                p.getStartOffset(),
                p.getEndOffset(),
                p.getScore(),
                Arrays.copyOf(p.getMatchStarts(), p.getNumMatches()),
                Arrays.copyOf(p.getMatchEnds(), p.getNumMatches())));
      }
      return found;
    }
  }

  /**
   * Sections and passages per hit, in the order of {@code docIds}.
   *
   * @param query the highlight query, rewritten
   * @param typed the query as typed, for the exact heading
   * @param urls the hits' URLs
   * @param excerpts how many sections and passages to show; none, and nothing is read
   */
  Picked[] pick(
      IndexSearcher searcher,
      Query query,
      String typed,
      int[] docIds,
      Document[] loaded,
      String[] urls,
      List<String> languages,
      Excerpts excerpts)
      throws IOException {
    int snippets = excerpts.snippets();
    var picked = new Picked[docIds.length];
    Arrays.fill(picked, Picked.NONE);
    if (docIds.length == 0 || typed.isBlank() || !excerpts.any()) return picked;
    // Only pages with something to show are read: one without headings, asked for no passages,
    // costs nothing.
    var sectionsOf = new ArrayList<List<PageSection>>(docIds.length);
    var wanted = new ArrayList<Integer>();
    for (int i = 0; i < docIds.length; i++) {
      List<PageSection> sections = StoredSections.decode(loaded[i].get(Fields.SECTIONS));
      sectionsOf.add(sections);
      if (snippets > 1 || (excerpts.sections() > 0 && !sections.isEmpty())) wanted.add(i);
    }
    if (wanted.isEmpty()) return picked;
    int[] ids = wanted.stream().mapToInt(i -> docIds[i]).toArray();
    var byDoc = new HashMap<Integer, Document>();
    for (int i : wanted) byDoc.put(docIds[i], loaded[i]);
    var highlighter =
        new Snippets.FromLoaded(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new Collect())
                .withMaxLength(MAX_BODY_CHARS)
                .withBreakIterator(
                    () ->
                        LengthGoalBreakIterator.createMinLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT),
                            Snippets.TARGET_CHARS - 40,
                            0.3f))
                .withMaxNoHighlightPassages(0)
                .withScorer(new LeanPassageScorer()),
            byDoc);
    String[] fields =
        languages.stream().map(k -> Languages.field(Fields.BODY, k)).toArray(String[]::new);
    int[] counts = new int[fields.length];
    Arrays.fill(counts, Math.max(PASSAGES_READ, snippets));
    Map<String, Object[]> found = highlighter.passages(fields, query, ids, counts);
    String key = TitleKey.of(typed);
    for (int w = 0; w < ids.length; w++) {
      int i = wanted.get(w);
      Document d = loaded[i];
      String body = HitAssembler.text(d, Fields.BODY);
      List<PageSection> sections = sectionsOf.get(i);
      Object[] byField = found.get(Languages.field(Fields.BODY, Languages.key(value(d))));
      @SuppressWarnings("unchecked")
      List<ScoredPassage> passages =
          byField == null || byField[w] == null ? List.of() : (List<ScoredPassage>) byField[w];
      var page =
          new PageExcerpts(
              body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body,
              sections,
              urls[i]);
      passages = page.split(passages);
      picked[i] =
          new Picked(
              page.bestSections(passages, key, excerpts.sections()),
              snippets > 1 ? page.bestPassages(passages, snippets) : List.of());
    }
    return picked;
  }

  private static String value(Document d) {
    String v = d.get(Fields.LANG);
    return v == null ? "" : v;
  }
}
