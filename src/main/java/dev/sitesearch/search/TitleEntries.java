package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The titles of one commit as the suggester's input: each page's title, weighted by its date (newer
 * first among equals), with its id and URL as the payload a completion links with.
 */
final class TitleEntries implements InputIterator {
  /** One completion: a page's title, with the document it was read from in its segment. */
  record Entry(int doc, String title, String id, String url, String lang, long weight) {}

  /**
   * A completion's contexts: its page's id (by which it is replaced or removed when the page
   * changes) and its language (by which lookups are narrowed), each under its own prefix so that an
   * id can never pass for a language.
   */
  static BytesRef idContext(String id) {
    return new BytesRef("id:" + id);
  }

  static BytesRef langContext(String lang) {
    return new BytesRef("lang:" + lang);
  }

  private final Iterator<Entry> entries;
  private Entry entry;

  private TitleEntries(List<Entry> entries) {
    this.entries = entries.iterator();
  }

  /**
   * Every live page with a title; {@code dateField} (may be null) gives the weight in days since
   * 1970.
   */
  static TitleEntries of(IndexReader reader, String dateField) throws IOException {
    var entries = new ArrayList<Entry>(reader.numDocs());
    for (LeafReaderContext context : reader.leaves()) entries.addAll(of(context, dateField));
    return new TitleEntries(entries);
  }

  /** The entries of the given pages. */
  static TitleEntries of(List<Entry> entries) {
    return new TitleEntries(entries);
  }

  /** The live pages with a title in one segment, in document order. */
  static List<Entry> of(LeafReaderContext context, String dateField) throws IOException {
    var entries = new ArrayList<Entry>();
    Set<String> wanted = Set.of(Fields.ID, Fields.URL, Fields.LANG);
    Bits live = context.reader().getLiveDocs();
    StoredFields stored = context.reader().storedFields();
    SortedNumericDocValues dates =
        dateField == null ? null : context.reader().getSortedNumericDocValues(dateField);
    for (int doc = 0; doc < context.reader().maxDoc(); doc++) {
      if (live != null && !live.get(doc)) continue;
      var d =
          new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo field) {
              // the title is in the page's language's field: title, title@fr
              return wanted.contains(field.name)
                      || Languages.baseOf(field.name).equals(Fields.TITLE)
                  ? Status.YES
                  : Status.NO;
            }
          };
      stored.document(doc, d);
      String title = HitAssembler.text(d.getDocument(), Fields.TITLE);
      if (title == null || title.isBlank()) continue;
      long days =
          dates != null && dates.advanceExact(doc)
              ? Math.max(0, dates.nextValue() / 86_400_000L)
              : 0;
      entries.add(
          new Entry(
              doc,
              title,
              d.getDocument().get(Fields.ID),
              d.getDocument().get(Fields.URL),
              Objects.requireNonNullElse(d.getDocument().get(Fields.LANG), ""),
              days));
    }
    return entries;
  }

  @Override
  public BytesRef next() {
    if (!entries.hasNext()) return null;
    entry = entries.next();
    return new BytesRef(entry.title());
  }

  @Override
  public long weight() {
    return entry.weight();
  }

  /** The id and the URL, one line each. */
  @Override
  public BytesRef payload() {
    return new BytesRef(
        (entry.id() + "\n" + (entry.url() == null ? "" : entry.url()))
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean hasPayloads() {
    return true;
  }

  /** The page's id and language ({@link #idContext}, {@link #langContext}). */
  @Override
  public Set<BytesRef> contexts() {
    return Set.of(idContext(entry.id()), langContext(entry.lang()));
  }

  @Override
  public boolean hasContexts() {
    return true;
  }
}
