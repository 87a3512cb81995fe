package dev.sitesearch.solr;

import dev.sitesearch.index.Schema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Solr field names of one schema, in one place for the configset, the indexer and the engine.
 * The page's own fields keep the local index's names ({@code _path}, {@code url}, ...); the
 * schema's text fields, facets, dates and extra stored fields get a prefix and a name Solr's query
 * parsers take (letters, digits, underscores: {@code link.brand} is {@code f_link_brand}), kept
 * distinct when two names fold to one.
 */
public final class SolrFields {
  public static final String ID = "id";
  public static final String PATH = "_path";
  public static final String HASH = "_hash";
  public static final String SIZE = "_size";
  public static final String MTIME = "_mtime";
  public static final String EXPIRES = "_expires";
  public static final String URL = "url";
  public static final String PERMALINK = "_permalink";
  public static final String ALIASES = "_aliases";
  public static final String LANG = "_lang";
  public static final String KIND = "_kind";

  /** The page's sections, top first, stored in order (the {@code section} facet counts paths). */
  public static final String SECTIONS = "_sections";

  public static final String DESCRIPTION_SHOWN = "_description";
  public static final String TITLE_SORT = "_title_sort";

  /** The title as edge n-grams of its words, for suggestions as the visitor types. */
  public static final String TITLE_SUGGEST = "_title_suggest";

  /**
   * Every searched text field's words in one field, each field's text repeated as many times as its
   * weight ({@link #repeats}): a word's BM25 over it is BM25F over the fields, as the local {@code
   * CombinedFieldQuery} scores it (its count and the page's length each the fields' weighted sum).
   */
  public static final String WORDS = "_words";

  /** The title as one term ({@code TitleKey}), for the exact title bonus. */
  public static final String TITLE_EXACT = "_title_exact";

  /** Each heading as one term ({@code TitleKey}), for the exact heading bonus. */
  public static final String HEADING_EXACT = "_heading_exact";

  /** Front matter {@code search.boost}: the page's score is multiplied by it. */
  public static final String BOOST = "_boost";

  private final Map<String, String> text = new LinkedHashMap<>();
  private final Map<String, String> facets = new LinkedHashMap<>();
  private final Map<String, String> shownFacets = new LinkedHashMap<>();
  private final Map<String, String> dates = new LinkedHashMap<>();
  private final Map<String, String> shownDates = new LinkedHashMap<>();
  private final Map<String, String> stored = new LinkedHashMap<>();

  public SolrFields(Schema schema) {
    Set<String> taken = new HashSet<>();
    for (String f : schema.textFields().keySet()) text.put(f, name("t_", f, taken));
    for (String f : schema.facets()) {
      facets.put(f, name("f_", f, taken));
      shownFacets.put(f, name("fs_", f, taken));
    }
    for (String f : schema.dateFields()) {
      dates.put(f, name("d_", f, taken));
      shownDates.put(f, name("ds_", f, taken));
    }
    for (String f : schema.storedFields()) stored.put(f, name("s_", f, taken));
  }

  private static String name(String prefix, String field, Set<String> taken) {
    String base = prefix + field.replaceAll("[^A-Za-z0-9_]", "_");
    String name = base;
    for (int i = 2; !taken.add(name); i++) name = base + "_" + i;
    return name;
  }

  /**
   * How many times a text field's text goes into {@link #WORDS}: its schema weight, rounded (at
   * least once, at most {@value #MAX_REPEATS} times, so a weight of 1000 does not index a body a
   * thousand times). Whole weights up to that (the defaults: 3, 2, 1) are BM25F's exactly; a weight
   * of 1.5 counts as 2.
   */
  public static int repeats(float weight) {
    return Math.min(MAX_REPEATS, Math.max(1, Math.round(weight)));
  }

  /** The most times a field's text goes into {@link #WORDS}. */
  public static final int MAX_REPEATS = 10;

  /** The searched (and stored, for highlighting) text field of a schema text field. */
  public String text(String field) {
    return text.get(field);
  }

  public Map<String, String> textFields() {
    return text;
  }

  /** The field a facet counts and filters on (each level's path for a tree). */
  public String facet(String facet) {
    return facets.get(facet);
  }

  /** The stored values of a facet as the page wrote them. */
  public String shownFacet(String facet) {
    return shownFacets.get(facet);
  }

  public Map<String, String> facetFields() {
    return facets;
  }

  public Map<String, String> shownFacetFields() {
    return shownFacets;
  }

  public String date(String field) {
    return dates.get(field);
  }

  /** A date as the page wrote it (ISO-8601, to the nanosecond: Solr's dates keep milliseconds). */
  public String shownDate(String field) {
    return shownDates.get(field);
  }

  public Map<String, String> shownDateFields() {
    return shownDates;
  }

  public Map<String, String> dateFields() {
    return dates;
  }

  public String stored(String field) {
    return stored.get(field);
  }

  public Map<String, String> storedFields() {
    return stored;
  }
}
