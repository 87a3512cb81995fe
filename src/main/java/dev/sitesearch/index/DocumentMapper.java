package dev.sitesearch.index;

import dev.sitesearch.content.ContentPage;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.DateValue;
import dev.sitesearch.content.MarkdownText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
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
 * Maps a {@link ContentPage} to a Lucene document following the {@link Schema}. Front-matter fields
 * are read by {@link FieldValues} (a scalar or a list, as text without markup); a value of the
 * wrong shape is reported and its field left out, never the page. Thread-safe.
 *
 * <p>One class of about 250 lines on purpose: it is the one place where a page's fields meet the
 * schema's, and its helpers (reading dates, spotting a description that repeats the body) serve
 * only that mapping.
 */
public final class DocumentMapper {
  /**
   * Enough of a body to learn a site's vocabulary for corrections, without analysing long pages
   * twice.
   */
  static final int SPELLING_BODY_CHARS = 2_000;

  /** Full text with positions and offsets in the postings, so highlighting needs no re-analysis. */
  private static final FieldType TEXT_STORED = textType();

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
    doc.add(new StringField(Fields.URL_TERM, page.url(), Field.Store.NO));
    SiteFields.add(doc, page, schema.isSectionTree(Schema.SECTION_FACET));
    // Only a boosted page carries one: the others score as they are.
    if (page.searchBoost() != 1f)
      doc.add(new FloatDocValuesField(Fields.BOOST, page.searchBoost()));
    String description = description(page);
    if (!description.isEmpty()) doc.add(new StoredField(Fields.DESCRIPTION_SHOWN, description));
    String titleKey = page.title().toLowerCase(Locale.ROOT);
    doc.add(
        new SortedDocValuesField(
            Fields.TITLE_SORT,
            new BytesRef(titleKey.length() > 200 ? titleKey.substring(0, 200) : titleKey)));
    String exact = TitleKey.of(page.title());
    if (!exact.isEmpty()) doc.add(new StringField(Fields.TITLE_EXACT, exact, Field.Store.NO));

    // Each language's words in its own fields, analysed as that language is (Languages).
    String language = Languages.key(page.place().lang());
    String searchedBody = RepeatedTitle.removeFrom(page.title(), page.body());
    for (String field : schema.textFields().keySet()) {
      String text =
          switch (field) {
            case Fields.TITLE -> page.title();
            case Fields.DESCRIPTION -> repeatsBodyOpening(page) ? "" : description;
            case Fields.BODY -> searchedBody;
            default -> FieldValues.joined(page, field, warnings);
          };
      if (!text.isEmpty()) doc.add(new Field(Languages.field(field, language), text, TEXT_STORED));
    }
    addSections(doc, page, page.body().length() - searchedBody.length());

    String body = page.body();
    String spelling =
        page.title()
            + "\n"
            + description
            + "\n"
            + (body.length() > SPELLING_BODY_CHARS ? body.substring(0, SPELLING_BODY_CHARS) : body);
    doc.add(new Field(Languages.field(Fields.SPELL, language), spelling, SPELLING));

    for (String facet : schema.facetFields()) {
      String separator = schema.separator(facet);
      var counted = new java.util.LinkedHashSet<String>();
      for (String value : FieldValues.text(page, facet, warnings)) {
        // A tree's value counts for each level above it too; the page shows the values as written.
        counted.addAll(separator == null ? List.of(value) : FacetPath.ancestry(value, separator));
        doc.add(new StoredField(Fields.STORED_FACET_PREFIX + facet, value));
      }
      for (String value : counted) doc.add(new SortedSetDocValuesFacetField(facet, value));
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
      for (String value : FieldValues.verbatim(page, stored, warnings)) {
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
   * The page's sections, their starts counted in the stored body (which leaves out the first {@code
   * cut} characters), and each heading's words as one term for the exact heading bonus.
   */
  private static void addSections(Document doc, ContentPage page, int cut) {
    String stored = StoredSections.encode(page.sections(), cut);
    if (stored.isEmpty()) return;
    doc.add(new StoredField(Fields.SECTIONS, stored));
    var keys = new HashSet<String>();
    for (var section : StoredSections.decode(stored)) {
      String key = TitleKey.of(section.heading());
      if (!key.isEmpty() && keys.add(key))
        doc.add(new StringField(Fields.HEADING_EXACT, key, Field.Store.NO));
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
    String shown = description(page);
    String description = words(shown);
    if (description.length() < 20) return false;
    String body = page.body();
    int window = Math.min(body.length(), shown.length() + OPENING_SLACK_CHARS);
    return words(body.substring(0, window)).contains(description);
  }

  /**
   * The description as a visitor reads it: Hugo themes render it as Markdown, so its links,
   * emphasis and HTML become their text.
   */
  private static String description(ContentPage page) {
    return MarkdownText.inline(page.description());
  }

  /** How far into the body a repeated description may start. */
  private static final int OPENING_SLACK_CHARS = 200;

  /**
   * The text lower-cased, each run of characters that are neither letters nor digits made one
   * space, without spaces at either end.
   */
  static String words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    var out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isWordChar(c)) {
        if (gap && !out.isEmpty()) out.append(' ');
        gap = false;
        out.appendCodePoint(c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /**
   * What {@code \\p{L}} and {@code \\p{N}} match: letters, and decimal, letter and other numbers.
   */
  private static boolean isWordChar(int c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (Character.isLetter(c)) return true;
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
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
