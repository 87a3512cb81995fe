package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.DateValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Maps a {@link ContentPage} to a Lucene document following the {@link Schema}. Facet values are
 * normalised (a scalar or a list; trimmed; empty ones dropped; numbers and booleans as text); a
 * value of the wrong shape is reported and its field left out, never the page. Thread-safe.
 *
 * <p>One class of about 250 lines on purpose: it is the one place where a page's fields meet the
 * schema's, and its helpers (cleaning values, spotting a description that repeats the body) serve
 * only that mapping.
 */
public final class DocumentMapper {
  /**
   * Longer facet values are cut: a facet label is for reading, and Lucene terms have a hard size
   * limit.
   */
  static final int MAX_FACET_VALUE_CHARS = 200;

  static final int MAX_FACET_VALUES = 100;

  /**
   * Enough of a body to learn a site's vocabulary for corrections, without analysing long pages
   * twice.
   */
  static final int SPELLING_BODY_CHARS = 2_000;

  /** Full text with positions and offsets in the postings, so highlighting needs no re-analysis. */
  private static final FieldType TEXT_STORED = textType();

  private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

  private final Schema schema;
  private final FacetsConfig facetsConfig;

  public DocumentMapper(Schema schema) {
    this.schema = schema;
    this.facetsConfig = schema.facetsConfig();
  }

  public MappedDocument map(ContentPage page) {
    var warnings = new ArrayList<ContentProblem>(page.warnings());
    String path = page.source().relPath();
    var doc = new Document();
    doc.add(new StringField(Fields.ID, page.id(), Field.Store.YES));
    doc.add(new StringField(Fields.PATH, path, Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(path)));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(page.id())));
    doc.add(new BinaryDocValuesField(Fields.HASH, new BytesRef(page.contentHash())));
    doc.add(new NumericDocValuesField(Fields.SIZE, page.source().size()));
    doc.add(new NumericDocValuesField(Fields.MTIME, page.source().modifiedMillis()));
    if (page.expiresAt() != null)
      doc.add(new NumericDocValuesField(Fields.EXPIRES, page.expiresAt().toEpochMilli()));
    doc.add(new StoredField(Fields.URL, page.url()));
    if (!page.description().isEmpty())
      doc.add(new StoredField(Fields.DESCRIPTION_SHOWN, page.description()));
    String titleKey = page.title().toLowerCase(Locale.ROOT);
    doc.add(
        new SortedDocValuesField(
            Fields.TITLE_SORT,
            new BytesRef(titleKey.length() > 200 ? titleKey.substring(0, 200) : titleKey)));
    String exact = TitleKey.of(page.title());
    if (!exact.isEmpty()) doc.add(new StringField(Fields.TITLE_EXACT, exact, Field.Store.NO));

    for (String field : schema.textFields().keySet()) {
      String text =
          switch (field) {
            case Fields.TITLE -> page.title();
            case Fields.DESCRIPTION -> repeatsBodyOpening(page) ? "" : page.description();
            case Fields.BODY -> RepeatedTitle.removeFrom(page.title(), page.body());
            default -> extraText(page, field, warnings);
          };
      if (!text.isEmpty()) doc.add(new Field(field, text, TEXT_STORED));
    }

    String body = page.body();
    String spelling =
        page.title()
            + "\n"
            + page.description()
            + "\n"
            + (body.length() > SPELLING_BODY_CHARS ? body.substring(0, SPELLING_BODY_CHARS) : body);
    doc.add(new Field(Fields.SPELL, spelling, SPELLING));

    for (String facet : schema.facetFields()) {
      for (String value : facetValues(page, facet, warnings)) {
        doc.add(new SortedSetDocValuesFacetField(facet, value));
        doc.add(new StoredField(Fields.STORED_FACET_PREFIX + facet, value));
      }
    }

    for (String dateField : schema.dateFields()) {
      Optional<Instant> date = date(page, dateField, warnings);
      if (date.isEmpty()) continue;
      long millis = date.get().toEpochMilli();
      doc.add(new LongField(dateField, millis, Field.Store.NO));
      doc.add(new StoredField(Fields.STORED_DATE_PREFIX + dateField, date.get().toString()));
      if (dateField.equals(schema.primaryDate())) {
        doc.add(new NumericDocValuesField(Fields.RECENCY, millis));
        String year = String.valueOf(date.get().atZone(ZoneOffset.UTC).getYear());
        doc.add(new SortedSetDocValuesFacetField(Schema.YEAR_FACET, year));
        doc.add(new StoredField(Fields.STORED_FACET_PREFIX + Schema.YEAR_FACET, year));
      }
    }

    for (String stored : schema.storedFields()) {
      for (String value : facetValues(page, stored, warnings)) {
        doc.add(new StoredField(Fields.STORED_EXTRA_PREFIX + stored, value));
      }
    }
    try {
      return new MappedDocument(facetsConfig.build(doc), warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Many sites fill the description with the body's first sentences (the seed page does). Indexed
   * again it would count those words twice over; such a description is stored and shown, but only
   * the body is searched. Words are compared, not characters, and the description may start a
   * little way in (after a heading, an image's alt text or a list number) or be cut short with an
   * ellipsis.
   */
  static boolean repeatsBodyOpening(ContentPage page) {
    String description = words(page.description());
    if (description.length() < 20) return false;
    String body = page.body();
    int window = Math.min(body.length(), page.description().length() + OPENING_SLACK_CHARS);
    return words(body.substring(0, window)).contains(description);
  }

  /** How far into the body a repeated description may start. */
  private static final int OPENING_SLACK_CHARS = 200;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static String words(String text) {
    return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static String extraText(ContentPage page, String field, List<ContentProblem> warnings) {
    return String.join("\n", facetValues(page, field, warnings));
  }

  private static Optional<Instant> date(
      ContentPage page, String field, List<ContentProblem> warnings) {
    try {
      return DateValue.parse(page.value(field));
    } catch (IllegalArgumentException e) {
      warnings.add(
          ContentProblem.of(
              page.source().relPath(), field + ": " + e.getMessage() + "; the field is left out"));
      return Optional.empty();
    }
  }

  /** The values of a field as clean strings, or none (with a warning) when its shape is wrong. */
  static List<String> facetValues(ContentPage page, String field, List<ContentProblem> warnings) {
    Object raw = page.value(field);
    if (raw == null) return List.of();
    Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
    var values = new LinkedHashSet<String>();
    for (Object item : items) {
      if (item == null) continue;
      if (item instanceof Map || item instanceof Collection) {
        warnings.add(
            ContentProblem.of(
                page.source().relPath(),
                field
                    + ": expected a value or a list of values, found "
                    + (raw instanceof Map
                        ? "a map"
                        : "a nested " + (item instanceof Map ? "map" : "list"))
                    + "; the field is left out"));
        return List.of();
      }
      String value = scalar(item);
      if (value.length() > MAX_FACET_VALUE_CHARS) {
        warnings.add(
            ContentProblem.of(
                page.source().relPath(),
                field + ": a value over " + MAX_FACET_VALUE_CHARS + " characters was shortened"));
        value = value.substring(0, MAX_FACET_VALUE_CHARS).strip();
      }
      if (!value.isEmpty()) values.add(value);
      if (values.size() == MAX_FACET_VALUES) {
        warnings.add(
            ContentProblem.of(
                page.source().relPath(),
                field + ": only the first " + MAX_FACET_VALUES + " values are kept"));
        break;
      }
    }
    return List.copyOf(values);
  }

  private static String scalar(Object item) {
    String s = item instanceof Date d ? d.toInstant().toString() : String.valueOf(item);
    // Control characters have no place in a label and would break facet paths.
    return WHITESPACE_OR_CONTROL.matcher(s).replaceAll(" ").strip();
  }

  /**
   * The words as written, for typo candidates: only which pages hold a word is read (its document
   * frequency), so no frequencies, positions or norms are written, which keeps this second pass
   * over the text cheap.
   */
  private static final FieldType SPELLING = spellingType();

  private static FieldType spellingType() {
    var type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType textType() {
    var type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
