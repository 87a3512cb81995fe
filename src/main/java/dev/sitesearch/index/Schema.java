package dev.sitesearch.index;

import dev.sitesearch.config.FieldSettings;
import dev.sitesearch.config.SitesearchConfig;
import dev.sitesearch.config.Stemmer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.facet.FacetsConfig;

/**
 * What the index holds, derived once from the config and shared by indexer and searcher: the
 * full-text fields and their boosts, the facets (front-matter paths, plus {@code year} of the main
 * date), the date fields and the extra stored fields. Its {@link #fingerprint()} is written into
 * each commit, so a changed schema triggers a full rebuild.
 *
 * @param textFields full-text field name to boost, in order; {@code title}, {@code description} and
 *     {@code body} are the page's own, any other name is read from the front matter
 * @param facetFields front-matter paths that are facets, named by their path
 * @param dateFields date fields; the first one is the page date used for sorting, {@code from/to}
 *     and {@code year}
 * @param storedFields extra front-matter paths returned with each hit
 * @param stemmer how the text fields reduce words to a common form
 * @param labels field name to the name a visitor sees; not part of the fingerprint (it shapes no
 *     document)
 * @param hierarchies facet to the separator of its tree's levels ({@link FacetPath}); the others
 *     are flat
 */
public record Schema(
    Map<String, Float> textFields,
    List<String> facetFields,
    List<String> dateFields,
    List<String> storedFields,
    Stemmer stemmer,
    Map<String, String> labels,
    Map<String, String> hierarchies) {

  /**
   * Bumped whenever the document layout changes, which also forces a rebuild of older indexes. 7:
   * the same files give other text (no Hugo syntax or HTML; front-matter keys in any case), which
   * an incremental run would not re-read. 8: each page's place in the Hugo site (language, kind,
   * sections, permalink, aliases). 9: each page's text in its language's fields ({@link
   * Languages}); the {@code section} facet and the section path. 10: a body that repeats its title
   * is indexed from after it ({@link RepeatedTitle}). 11: the URL as an exact term ({@link
   * Fields#URL_TERM}), so a page is found by its address (related pages). 12: each page's headings
   * and sections ({@link StoredSections}, {@link Fields#HEADING_EXACT}). 13: a hierarchical facet's
   * value also counts for each level above it ({@link FacetPath}).
   */
  public static final int VERSION = 13;

  public static final String YEAR_FACET = FieldSettings.YEAR_FACET;

  /**
   * The built-in facet of Hugo's sections, a tree: its values are section paths ({@code docs},
   * {@code docs/concepts}), a page counting for each section above it.
   */
  public static final String SECTION_FACET = "section";

  public Schema {
    textFields = Collections.unmodifiableMap(new LinkedHashMap<>(textFields));
    facetFields = List.copyOf(facetFields);
    dateFields = List.copyOf(dateFields);
    storedFields = List.copyOf(storedFields);
    if (textFields.isEmpty())
      throw new IllegalArgumentException("at least one text field is needed");
    Objects.requireNonNull(stemmer);
    labels = Map.copyOf(labels);
    hierarchies = Map.copyOf(hierarchies);
  }

  /** A schema whose configured facets are all flat. */
  public Schema(
      Map<String, Float> textFields,
      List<String> facetFields,
      List<String> dateFields,
      List<String> storedFields,
      Stemmer stemmer,
      Map<String, String> labels) {
    this(textFields, facetFields, dateFields, storedFields, stemmer, labels, Map.of());
  }

  /** A schema with the default stemmer and labels. */
  public Schema(
      Map<String, Float> textFields,
      List<String> facetFields,
      List<String> dateFields,
      List<String> storedFields) {
    this(textFields, facetFields, dateFields, storedFields, Stemmer.PORTER);
  }

  /** A schema with the default labels. */
  public Schema(
      Map<String, Float> textFields,
      List<String> facetFields,
      List<String> dateFields,
      List<String> storedFields,
      Stemmer stemmer) {
    this(
        textFields,
        facetFields,
        dateFields,
        storedFields,
        stemmer,
        FieldSettings.DEFAULTS.labels());
  }

  public static Schema from(SitesearchConfig config) {
    FieldSettings f = config.fields();
    return new Schema(
        f.text(), f.facets(), f.dates(), f.stored(), f.stemmer(), f.labels(), f.hierarchies());
  }

  /**
   * The name a visitor sees for a field: its configured label, else one made from its name ({@code
   * link.brand} is "Brand", {@code communityTopics} "Community topics").
   */
  public String label(String field) {
    String label = labels.get(field);
    if (label != null) return label;
    String last = field.substring(field.lastIndexOf('.') + 1).replace('_', ' ').replace('-', ' ');
    String words = last.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ").toLowerCase(Locale.ROOT).strip();
    return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public static Schema defaults() {
    return from(SitesearchConfig.defaults());
  }

  /** The date that sorts and filters, or null when no date field is configured. */
  public String primaryDate() {
    return dateFields.isEmpty() ? null : dateFields.get(0);
  }

  /**
   * Every facet the API can count and filter on: the configured ones, {@code section} (Hugo's
   * sections; a configured facet of that name replaces it), then {@code year} when there is a date.
   */
  public List<String> facets() {
    var all = new ArrayList<>(facetFields);
    if (!facetFields.contains(SECTION_FACET)) all.add(SECTION_FACET);
    if (primaryDate() != null) all.add(YEAR_FACET);
    return List.copyOf(all);
  }

  /** Whether {@code facet} is the built-in section tree. */
  public boolean isSectionTree(String facet) {
    return facet.equals(SECTION_FACET) && !facetFields.contains(SECTION_FACET);
  }

  /**
   * The separator of {@code facet}'s levels when its values form a tree: {@code /} for the built-in
   * section facet, the configured one for a hierarchy; null for a flat facet.
   */
  public String separator(String facet) {
    if (isSectionTree(facet)) return FacetPath.SECTION_SEPARATOR;
    return facetFields.contains(facet) ? hierarchies.get(facet) : null;
  }

  public boolean isFacet(String name) {
    return facets().contains(name);
  }

  /** One shared facets config: every dimension may hold several values per page. */
  public FacetsConfig facetsConfig() {
    var config = new FacetsConfig();
    for (String facet : facets()) config.setMultiValued(facet, true);
    return config;
  }

  /** A stable digest of everything that shapes a document. */
  public String fingerprint() {
    String text =
        "v"
            + VERSION
            + "|text="
            + textFields
            + "|facets="
            + facetFields
            + "|dates="
            + dateFields
            + "|stored="
            + storedFields
            + "|stemmer="
            + stemmer.configName()
            + (hierarchies.isEmpty() ? "" : "|hierarchies=" + new java.util.TreeMap<>(hierarchies));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A readable description, kept in the commit data beside the fingerprint. */
  public String describe() {
    return "text="
        + textFields
        + "; facets="
        + facetFields
        + "; dates="
        + dateFields
        + "; stored="
        + storedFields
        + "; stemmer="
        + stemmer.configName()
        + (hierarchies.isEmpty() ? "" : "; hierarchies=" + new java.util.TreeMap<>(hierarchies));
  }
}
