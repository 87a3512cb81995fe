package dev.sitesearch.index;

/**
 * Names of the fields the index keeps beside the schema's own (one place, used by indexer and
 * searcher). Internal fields start with an underscore so they cannot clash with a front-matter
 * field.
 */
public final class Fields {
  /** The page id: indexed for lookup, stored. */
  public static final String ID = "_id";

  /** Path relative to the content root: the key that incremental runs update and delete by. */
  public static final String PATH = "_path";

  /** SHA-256 of the file bytes (doc values), to tell real edits from touched files. */
  public static final String HASH = "_hash";

  /** File size and modification time (doc values), the cheap first change check. */
  public static final String SIZE = "_size";

  public static final String MTIME = "_mtime";

  /**
   * expiryDate as epoch millis (doc values), so a page leaves the index when it expires without
   * being edited.
   */
  public static final String EXPIRES = "_expires";

  /** Lower-cased title, for the {@code title} sort. */
  public static final String TITLE_SORT = "_title_sort";

  /** The title as a {@link TitleKey}, for "the query is this page's title". */
  public static final String TITLE_EXACT = "_title_exact";

  /** The page date as epoch millis (numeric doc values), read by the recency boost. */
  public static final String RECENCY = "_recency";

  /**
   * Words as written (folded, not stemmed) from title, description and the body's opening, for "did
   * you mean".
   */
  public static final String SPELL = "_spell";

  public static final String URL = "url";

  /**
   * The page's URL as one exact term (not stored; {@link #URL} holds it), so a page can be found by
   * the address a site's template knows ({@code .RelPermalink}), as related pages are.
   */
  public static final String URL_TERM = "_url";

  /** The absolute permalink, when the site's baseURL names a host (stored). */
  public static final String PERMALINK = "_permalink";

  /** Other URLs that lead to the page, Hugo's aliases (stored, indexed as exact terms). */
  public static final String ALIASES = "_aliases";

  /** The page's language code, "" when unknown (stored, indexed as an exact term). */
  public static final String LANG = "_lang";

  /** Hugo's kind: page, section, home, taxonomy or term (stored, indexed as an exact term). */
  public static final String KIND = "_kind";

  /**
   * The page's sections, top first (stored in order); indexed as each prefix path ({@code docs},
   * {@code docs/concepts}) so a filter on a section finds everything below it.
   */
  public static final String SECTION = "_section";

  /**
   * The page's whole section path ({@code docs/concepts}) as one exact term: how a hit's
   * breadcrumbs find the section pages above it.
   */
  public static final String SECTION_PATH = "_section_path";

  /** Front matter {@code search.boost}, what the page's score is multiplied by (doc values). */
  public static final String BOOST = "_boost";

  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";

  /**
   * The description as written, shown with hits (the searched one may be left out, see
   * DocumentMapper).
   */
  public static final String DESCRIPTION_SHOWN = "_description";

  public static final String BODY = "body";

  /**
   * The page's headings and where their sections start in the stored body ({@link StoredSections}).
   */
  public static final String SECTIONS = "_sections";

  /**
   * Each heading of the page as one term of its words ({@link TitleKey}), so a query that is a
   * heading finds its page.
   */
  public static final String HEADING_EXACT = "heading_exact";

  /**
   * Prefix of the stored copy of a facet's values (facet values themselves live in the facet doc
   * values).
   */
  public static final String STORED_FACET_PREFIX = "_f.";

  /** Prefix of a stored extra field, as JSON-free plain strings. */
  public static final String STORED_EXTRA_PREFIX = "_s.";

  /**
   * Stored ISO-8601 form of a date field; the same name carries points and doc values as epoch
   * millis.
   */
  public static final String STORED_DATE_PREFIX = "_d.";

  /** Commit data keys. */
  public static final String COMMIT_SCHEMA = "sitesearch.schema";

  public static final String COMMIT_SCHEMA_VERSION = "sitesearch.schemaVersion";
  public static final String COMMIT_SCHEMA_TEXT = "sitesearch.schemaDescription";
  public static final String COMMIT_INDEXED_AT = "sitesearch.indexedAt";
  public static final String COMMIT_INCLUDE_DRAFTS = "sitesearch.includeDrafts";

  /** The fingerprint of the Hugo site the pages were read against ({@code Site.fingerprint}). */
  public static final String COMMIT_SITE = "sitesearch.site";

  private Fields() {}
}
