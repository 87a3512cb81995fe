package dev.sitesearch.solr;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.index.DocumentMapper;
import dev.sitesearch.index.FacetPath;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.MappedDocument;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.StoredSections;
import dev.sitesearch.index.TitleKey;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * A page as a Solr document. The local {@link DocumentMapper} decides what a page holds (which text
 * is searched, facet values read from the front matter, dates, extra fields, the warnings for what
 * was left out), so both engines index a page alike; this copies its stored values into Solr's
 * fields ({@link SolrFields}) and adds each page's file state for incremental runs.
 */
final class SolrPageMapper {
  /** A page's Solr document and what was left out of it. */
  record Mapped(String id, Map<String, Object> document, List<ContentProblem> warnings) {}

  private final Schema schema;
  private final SolrFields fields;
  private final DocumentMapper mapper;

  SolrPageMapper(Schema schema, SolrFields fields) {
    this.schema = schema;
    this.fields = fields;
    this.mapper = new DocumentMapper(schema);
  }

  Mapped map(ContentPage page) {
    MappedDocument mapped = mapper.map(page);
    Document d = mapped.document();
    var doc = new LinkedHashMap<String, Object>();
    String id = get(d, Fields.ID);
    doc.put(SolrFields.ID, id);
    doc.put(SolrFields.PATH, page.source().relPath());
    doc.put(SolrFields.HASH, page.contentHash());
    doc.put(SolrFields.SIZE, page.source().size());
    doc.put(SolrFields.MTIME, page.source().modifiedMillis());
    if (page.expiresAt() != null) doc.put(SolrFields.EXPIRES, page.expiresAt().toEpochMilli());
    doc.put(SolrFields.URL, get(d, Fields.URL));
    putIfPresent(doc, SolrFields.PERMALINK, get(d, Fields.PERMALINK));
    putList(doc, SolrFields.ALIASES, List.copyOf(stored(d, Fields.ALIASES)));
    String lang = value(d, Fields.LANG);
    doc.put(SolrFields.LANG, lang);
    doc.put(SolrFields.KIND, value(d, Fields.KIND));
    List<String> sections = List.copyOf(stored(d, Fields.SECTION));
    putList(doc, SolrFields.SECTIONS, sections);
    putIfPresent(doc, SolrFields.DESCRIPTION_SHOWN, get(d, Fields.DESCRIPTION_SHOWN));
    String titleKey = page.title().toLowerCase(Locale.ROOT);
    doc.put(SolrFields.TITLE_SORT, titleKey.length() > 200 ? titleKey.substring(0, 200) : titleKey);
    doc.put(SolrFields.TITLE_SUGGEST, page.title());
    if (page.searchBoost() != 1f) doc.put(SolrFields.BOOST, page.searchBoost());
    String language = Languages.key(lang);
    var words = new java.util.ArrayList<String>();
    for (var field : schema.textFields().entrySet()) {
      String text = get(d, Languages.field(field.getKey(), language));
      putIfPresent(doc, fields.text(field.getKey()), text);
      if (text != null && !text.isEmpty())
        for (int i = SolrFields.repeats(field.getValue()); i > 0; i--) words.add(text);
    }
    putList(doc, SolrFields.WORDS, words);
    putIfPresent(doc, SolrFields.TITLE_EXACT, TitleKey.of(page.title()));
    var headings = new LinkedHashSet<String>();
    for (var section : StoredSections.decode(get(d, Fields.SECTIONS))) {
      String key = TitleKey.of(section.heading());
      if (!key.isEmpty()) headings.add(key);
    }
    putList(doc, SolrFields.HEADING_EXACT, List.copyOf(headings));
    for (String facet : schema.facets()) {
      List<String> shown = List.copyOf(stored(d, Fields.STORED_FACET_PREFIX + facet));
      var counted = new LinkedHashSet<String>();
      if (schema.isSectionTree(facet)) {
        for (int i = 1; i <= sections.size(); i++)
          counted.add(String.join(FacetPath.SECTION_SEPARATOR, sections.subList(0, i)));
      } else {
        String separator = schema.separator(facet);
        for (String value : shown)
          counted.addAll(separator == null ? List.of(value) : FacetPath.ancestry(value, separator));
      }
      putList(doc, fields.facet(facet), List.copyOf(counted));
      putList(doc, fields.shownFacet(facet), shown);
    }
    for (String date : schema.dateFields()) {
      String iso = get(d, Fields.STORED_DATE_PREFIX + date);
      putIfPresent(doc, fields.date(date), iso);
      putIfPresent(doc, fields.shownDate(date), iso);
    }
    for (String stored : schema.storedFields())
      putList(
          doc, fields.stored(stored), List.copyOf(stored(d, Fields.STORED_EXTRA_PREFIX + stored)));
    return new Mapped(id, doc, mapped.warnings());
  }

  private static String value(Document d, String field) {
    List<String> v = stored(d, field);
    return v.isEmpty() ? "" : v.get(0);
  }

  /**
   * The values a field stores: the mapper's document is the one it gives the index writer, whose
   * fields of one name may be indexed only ({@code _section} holds each section stored and each
   * path indexed).
   */
  private static List<String> stored(Document d, String field) {
    var out = new java.util.ArrayList<String>();
    for (IndexableField f : d.getFields(field))
      if (f.fieldType().stored() && f.stringValue() != null) out.add(f.stringValue());
    return out;
  }

  private static String get(Document d, String field) {
    List<String> v = stored(d, field);
    return v.isEmpty() ? null : v.get(0);
  }

  private static void putIfPresent(Map<String, Object> doc, String field, String value) {
    if (value != null && !value.isEmpty()) doc.put(field, value);
  }

  private static void putList(Map<String, Object> doc, String field, List<String> values) {
    if (!values.isEmpty()) doc.put(field, values);
  }
}
