package dev.sitesearch.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code fields:} section: which front-matter fields are searched, browsed, dated and returned.
 * Changing any of these but the labels changes the index schema, and the next run rebuilds.
 *
 * @param text full-text fields and their boosts, in ranking order; {@code title}, {@code
 *     description} and {@code body} are the page's own, any other name is read from the front
 *     matter
 * @param facets front-matter paths browsed by facets; a dotted path ({@code link.brand}) reaches
 *     into maps
 * @param dates date fields that sort, filter by range and facet by year (the first is "the" page
 *     date)
 * @param stored extra front-matter paths returned with each hit beside the facet values
 * @param stemmer how the text fields reduce words to a common form
 * @param labels field path to the name a visitor sees (the search page's facet headings);
 *     unlabelled fields get one made from their name
 * @param hierarchies facet to the separator that makes its values a tree ({@code communityTopics:
 *     ": "} reads {@code "Medigy: Telehealth"} as {@code Telehealth} under {@code Medigy}); facets
 *     not named here are flat
 */
public record FieldSettings(
    Map<String, Float> text,
    List<String> facets,
    List<String> dates,
    List<String> stored,
    Stemmer stemmer,
    Map<String, String> labels,
    Map<String, String> hierarchies) {

  /**
   * Hugo's own taxonomies: every Hugo site has them unless it turns them off. A site's other fields
   * to browse by are its own choice (the bundled sample site lists its in its sitesearch.yml).
   */
  public static final List<String> DEFAULT_FACETS = List.of("tags", "categories");

  public static final List<String> DEFAULT_DATES = List.of("date", "lastMod");

  /** The reserved facet of the page date's year. */
  public static final String YEAR_FACET = "year";

  public static final FieldSettings DEFAULTS =
      new FieldSettings(
          defaultText(),
          DEFAULT_FACETS,
          DEFAULT_DATES,
          List.of(),
          Stemmer.PORTER,
          defaultLabels(),
          Map.of());

  /** The longest separator a hierarchy may name. */
  public static final int MAX_SEPARATOR_CHARS = 10;

  /** Settings with every facet flat. */
  public FieldSettings(
      Map<String, Float> text,
      List<String> facets,
      List<String> dates,
      List<String> stored,
      Stemmer stemmer,
      Map<String, String> labels) {
    this(text, facets, dates, stored, stemmer, labels, Map.of());
  }

  public FieldSettings {
    text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
    facets = List.copyOf(facets);
    dates = List.copyOf(dates);
    stored = List.copyOf(stored);
    Objects.requireNonNull(stemmer);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    hierarchies = Collections.unmodifiableMap(new LinkedHashMap<>(hierarchies));
    if (text.isEmpty())
      throw new IllegalArgumentException("at least one full-text field is needed");
  }

  static FieldSettings fromConfig(ConfigSection s) {
    s.allowOnly("text", "facets", "dates", "stored", "stemmer", "labels", "hierarchies");
    Map<String, Float> text = s.has("text") ? boosts(s.section("text")) : DEFAULTS.text();
    List<String> facets = s.paths("facets", DEFAULTS.facets());
    if (facets.contains(YEAR_FACET))
      throw s.error("facets", "'year' is reserved for the year of the date");
    String stemmerName = s.string("stemmer", DEFAULTS.stemmer().configName());
    Stemmer stemmer =
        stemmerName.isEmpty()
            ? DEFAULTS.stemmer()
            : Stemmer.byName(stemmerName)
                .orElseThrow(
                    () ->
                        s.error(
                            "stemmer",
                            "unknown stemmer '"
                                + stemmerName
                                + "'; expected one of "
                                + Stemmer.names()));
    var labels = new LinkedHashMap<>(DEFAULTS.labels());
    ConfigSection l = s.section("labels");
    for (String field : l.keys()) {
      if (!ConfigSection.FIELD_PATH.matcher(field).matches())
        throw l.error(field, "is not a field name");
      String label = l.string(field, "");
      if (label.isEmpty() || label.length() > 100)
        throw l.error(field, "expected a label of 1 to 100 characters");
      labels.put(field, label);
    }
    return new FieldSettings(
        text,
        facets,
        s.paths("dates", DEFAULTS.dates()),
        s.paths("stored", DEFAULTS.stored()),
        stemmer,
        labels,
        hierarchies(s.section("hierarchies"), facets));
  }

  /**
   * {@code hierarchies: {communityTopics: ": "}}: each key one of the facets, each separator 1 to
   * {@value #MAX_SEPARATOR_CHARS} characters, kept as written (its spaces matter), not only spaces.
   */
  private static Map<String, String> hierarchies(ConfigSection h, List<String> facets) {
    var out = new LinkedHashMap<String, String>();
    for (String facet : h.keys()) {
      if (!facets.contains(facet))
        throw h.error(facet, "is not one of the facets " + facets + "; hierarchies name facets");
      String separator = h.verbatim(facet);
      if (separator == null
          || separator.isBlank()
          || separator.length() > MAX_SEPARATOR_CHARS
          || separator.chars().anyMatch(Character::isISOControl))
        throw h.error(
            facet,
            "expected a separator of 1 to "
                + MAX_SEPARATOR_CHARS
                + " characters, not only spaces, such as \": \" or \" > \"");
      out.put(facet, separator);
    }
    return out;
  }

  private static Map<String, Float> boosts(ConfigSection t) {
    var boosts = new LinkedHashMap<String, Float>();
    for (String field : t.keys()) {
      if (!ConfigSection.FIELD_PATH.matcher(field).matches())
        throw t.error(field, "is not a field name");
      double boost =
          t.number(field, 0, Double.MIN_VALUE, 1000, "a boost: a number between 0 and 1000");
      boosts.put(field, (float) boost);
    }
    if (boosts.isEmpty()) throw t.error("at least one full-text field is needed");
    return boosts;
  }

  private static Map<String, Float> defaultText() {
    var text = new LinkedHashMap<String, Float>();
    text.put("title", 3f);
    text.put("description", 2f);
    text.put("body", 1f);
    return text;
  }

  /** None: a facet's label is made from its name ("Tags", "Categories"). */
  private static Map<String, String> defaultLabels() {
    return Map.of();
  }

  public FieldSettings withFacets(List<String> newFacets) {
    return new FieldSettings(text, newFacets, dates, stored, stemmer, labels, hierarchies);
  }

  public FieldSettings withLabels(Map<String, String> newLabels) {
    return new FieldSettings(text, facets, dates, stored, stemmer, newLabels, hierarchies);
  }
}
