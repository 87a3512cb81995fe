package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.SearchResponse.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Turns the hits of one page of results into what the visitor sees: the stored fields, the
 * highlighted title and snippet, the facet values. Also reads a whole stored page for the documents
 * endpoint.
 */
final class HitAssembler {
  private final Schema schema;
  private final Snippets snippets;
  private final SectionPicker sections;

  HitAssembler(Schema schema, Analyzer analyzer) {
    this.schema = schema;
    this.snippets = new Snippets(analyzer);
    this.sections = new SectionPicker(analyzer);
  }

  /** The hits of the requested page, among {@code docs} (the hits up to that page's last). */
  List<Hit> hits(SiteSearcher searcher, SearchPlan plan, ScoreDoc[] docs) throws IOException {
    SearchRequest request = plan.request();
    int from = (request.page() - 1) * request.size();
    if (from >= docs.length) return List.of();
    int n = docs.length - from;
    int[] docIds = new int[n];
    var documents = new Document[n];
    var text = new Snippets.Text[n];
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < n; i++) {
      docIds[i] = docs[from + i].doc;
      documents[i] = stored.document(docIds[i]);
      String language = Languages.key(value(documents[i], Fields.LANG));
      text[i] =
          new Snippets.Text(
              language,
              text(documents[i], Fields.TITLE),
              value(documents[i], Fields.DESCRIPTION_SHOWN),
              text(documents[i], Fields.BODY));
    }
    // Typo expansions rewritten once into their terms, so the highlighter reads offsets from the
    // postings.
    Query highlight = searcher.rewrite(plan.highlight());
    Snippets.Highlighted marks =
        snippets.highlight(searcher, highlight, docIds, text, documents, plan.languages());
    var urls = new String[n];
    for (int i = 0; i < n; i++) urls[i] = value(documents[i], Fields.URL);
    SectionPicker.Picked[] picked =
        sections.pick(
            searcher,
            highlight,
            request.q(),
            docIds,
            documents,
            urls,
            plan.languages(),
            request.excerpts());
    String dateField = schema.primaryDate();
    var breadcrumbs = new Breadcrumbs(searcher);
    var out = new ArrayList<Hit>(n);
    for (int i = 0; i < n; i++) {
      Document d = documents[i];
      Float score = plan.showsScores() ? docs[from + i].score : null;
      String date = dateField == null ? null : d.get(Fields.STORED_DATE_PREFIX + dateField);
      out.add(
          new Hit(
              d.get(Fields.ID),
              text[i].title(),
              text[i].description(),
              d.get(Fields.URL),
              d.get(Fields.PERMALINK),
              List.of(d.getValues(Fields.ALIASES)),
              value(d, Fields.LANG),
              value(d, Fields.KIND),
              List.of(d.getValues(Fields.SECTION)),
              breadcrumbs.of(List.of(d.getValues(Fields.SECTION)), value(d, Fields.LANG)),
              date,
              score,
              marks.snippets()[i],
              Map.of("title", marks.titles()[i]),
              fields(d),
              picked[i].sections(),
              picked[i].passages()));
    }
    return out;
  }

  /**
   * {@code docs} as hits without snippet or highlights (related pages: there is no query to mark),
   * each with its score.
   */
  List<Hit> plainHits(SiteSearcher searcher, ScoreDoc[] docs) throws IOException {
    StoredFields stored = searcher.storedFields();
    String dateField = schema.primaryDate();
    var breadcrumbs = new Breadcrumbs(searcher);
    var out = new ArrayList<Hit>(docs.length);
    for (ScoreDoc doc : docs) {
      Document d = stored.document(doc.doc);
      List<String> section = List.of(d.getValues(Fields.SECTION));
      out.add(
          new Hit(
              d.get(Fields.ID),
              text(d, Fields.TITLE),
              value(d, Fields.DESCRIPTION_SHOWN),
              d.get(Fields.URL),
              d.get(Fields.PERMALINK),
              List.of(d.getValues(Fields.ALIASES)),
              value(d, Fields.LANG),
              value(d, Fields.KIND),
              section,
              breadcrumbs.of(section, value(d, Fields.LANG)),
              dateField == null ? null : d.get(Fields.STORED_DATE_PREFIX + dateField),
              Float.isNaN(doc.score) ? null : doc.score,
              null,
              Map.of(),
              fields(d),
              List.of(),
              List.of()));
    }
    return out;
  }

  /** A stored page as the documents endpoint shows it. */
  StoredPage storedPage(Document d) {
    var dates = new LinkedHashMap<String, String>();
    for (String date : schema.dateFields()) {
      String v = d.get(Fields.STORED_DATE_PREFIX + date);
      if (v != null) dates.put(date, v);
    }
    return new StoredPage(
        d.get(Fields.ID),
        d.get(Fields.PATH),
        d.get(Fields.URL),
        d.get(Fields.PERMALINK),
        List.of(d.getValues(Fields.ALIASES)),
        value(d, Fields.LANG),
        value(d, Fields.KIND),
        List.of(d.getValues(Fields.SECTION)),
        text(d, Fields.TITLE),
        value(d, Fields.DESCRIPTION_SHOWN),
        text(d, Fields.BODY),
        dates,
        fields(d));
  }

  /** The page's facet values and extra stored fields, in schema order. */
  private Map<String, List<String>> fields(Document d) {
    var fields = new LinkedHashMap<String, List<String>>();
    for (String facet : schema.facets()) {
      String[] values = d.getValues(Fields.STORED_FACET_PREFIX + facet);
      if (values.length > 0) fields.put(facet, List.of(values));
    }
    for (String stored : schema.storedFields()) {
      String[] values = d.getValues(Fields.STORED_EXTRA_PREFIX + stored);
      if (values.length > 0) fields.put(stored, List.of(values));
    }
    return fields;
  }

  private static String value(Document d, String field) {
    String v = d.get(field);
    return v == null ? "" : v;
  }

  /** A text field ({@code title}, {@code body}) in the page's own language's field. */
  static String text(Document d, String field) {
    return value(d, Languages.field(field, Languages.key(value(d, Fields.LANG))));
  }
}
