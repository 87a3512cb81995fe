package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/**
 * What a page's place in its Hugo site becomes in its document: its permalink and aliases (stored,
 * returned with hits and documents), its language and kind (exact terms), and its sections (stored
 * in order; indexed as each prefix path, so a filter on {@code docs} finds {@code docs/concepts}
 * too), its section path as one term (for breadcrumbs) and as the built-in {@code section} facet:
 * each section above the page a value ({@code docs}, {@code docs/concepts}), so the facet counts
 * and filters a tree.
 */
final class SiteFields {
  private SiteFields() {}

  /**
   * {@code sectionTree}: whether the built-in section facet is on (no configured facet of its
   * name).
   */
  static void add(Document doc, ContentPage page, boolean sectionTree) {
    ContentPage.Place place = page.place();
    doc.add(new StringField(Fields.LANG, place.lang(), Field.Store.YES));
    doc.add(new StringField(Fields.KIND, place.kind(), Field.Store.YES));
    List<String> section = place.section();
    for (int i = 0; i < section.size(); i++) {
      String path = String.join("/", section.subList(0, i + 1));
      doc.add(new StoredField(Fields.SECTION, section.get(i)));
      doc.add(new StringField(Fields.SECTION, path, Field.Store.NO));
      // The section facet is a tree kept as flat paths: a page counts for every section above it.
      if (sectionTree) doc.add(new SortedSetDocValuesFacetField(Schema.SECTION_FACET, path));
    }
    if (!section.isEmpty())
      doc.add(new StringField(Fields.SECTION_PATH, String.join("/", section), Field.Store.NO));
    if (page.address().permalink() != null)
      doc.add(new StoredField(Fields.PERMALINK, page.address().permalink()));
    for (String alias : page.address().aliases()) {
      doc.add(new StringField(Fields.ALIASES, alias, Field.Store.YES));
    }
  }
}
