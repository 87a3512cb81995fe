package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/**
 * What a page's place in its Hugo site becomes in its document: its permalink and aliases (stored,
 * returned with hits and documents), its language and kind (exact terms), and its sections (stored
 * in order; indexed as each prefix path, so a filter on {@code docs} finds {@code docs/concepts}
 * too). The terms are the seam for filtering by language or section and for leaving kinds out of
 * search; nothing queries them yet.
 */
final class SiteFields {
  private SiteFields() {}

  static void add(Document doc, ContentPage page) {
    ContentPage.Place place = page.place();
    doc.add(new StringField(Fields.LANG, place.lang(), Field.Store.YES));
    doc.add(new StringField(Fields.KIND, place.kind(), Field.Store.YES));
    List<String> section = place.section();
    for (int i = 0; i < section.size(); i++) {
      doc.add(new StoredField(Fields.SECTION, section.get(i)));
      doc.add(
          new StringField(
              Fields.SECTION, String.join("/", section.subList(0, i + 1)), Field.Store.NO));
    }
    if (page.address().permalink() != null)
      doc.add(new StoredField(Fields.PERMALINK, page.address().permalink()));
    for (String alias : page.address().aliases()) {
      doc.add(new StringField(Fields.ALIASES, alias, Field.Store.YES));
    }
  }
}
