package dev.sitesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sitesearch.config.RankingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curation a search applies, as one immutable value: the synonym groups, and per query the
 * pages pinned first and the pages hidden, each with where it comes from (the config file, or the
 * edit that added it). It is the config's rules with the stored edits replayed on top ({@link
 * CurationReplay}); an edit makes a new value that replaces this one whole, so a search planned
 * with one value never sees half of another.
 */
public final class CurationRules {
  /** Where an entry comes from: {@code sitesearch.yml} (and its synonyms file), or an edit. */
  public static final String CONFIG = "config";

  public static final String EDIT = "edit";

  /**
   * A page pinned or hidden for a query.
   *
   * @param source {@value #CONFIG} or {@value #EDIT}
   * @param version the edit's version, null for the config's
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(String id, String source, Long version) {}

  /**
   * The pages pinned (in order) or hidden for one query.
   *
   * @param query the query as first written (the config's key, or the first edit's)
   * @param key the query as curation matches it ({@link Curation#key})
   */
  public record Curated(String query, String key, List<Item> ids) {
    public Curated {
      ids = List.copyOf(ids);
    }

    public List<String> idList() {
      return ids.stream().map(Item::id).toList();
    }
  }

  /**
   * A synonym group: any of its words or phrases finds the others. The config's one-way rules
   * ({@code a => b}) are listed with the words they also find in {@code to}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SynonymGroup(List<String> words, List<String> to, String source, Long version) {
    public SynonymGroup {
      words = List.copyOf(words);
      to = to == null ? null : List.copyOf(to);
    }
  }

  private final long version;
  private final RankingSettings.Synonyms synonymSource;
  private final List<SynonymGroup> synonyms;
  private final Map<String, Curated> pins;
  private final Map<String, Curated> hides;
  private final Curation curation;
  private final List<List<String>> editedSynonyms;

  CurationRules(
      long version,
      RankingSettings.Synonyms synonymSource,
      List<SynonymGroup> synonyms,
      Collection<Curated> pins,
      Collection<Curated> hides) {
    this.version = version;
    this.synonymSource = synonymSource;
    this.synonyms = List.copyOf(synonyms);
    this.pins = byKey(pins);
    this.hides = byKey(hides);
    var pinIds = new LinkedHashMap<String, List<String>>();
    this.pins.forEach((k, c) -> pinIds.put(k, c.idList()));
    var hideIds = new LinkedHashMap<String, List<String>>();
    this.hides.forEach((k, c) -> hideIds.put(k, c.idList()));
    this.curation = Curation.keyed(pinIds, hideIds);
    this.editedSynonyms =
        this.synonyms.stream()
            .filter(g -> g.source().equals(EDIT))
            .map(SynonymGroup::words)
            .toList();
  }

  /** The config's rules alone: its pins, hides and synonyms. */
  public static CurationRules of(RankingSettings ranking) {
    return new CurationRules(
        0,
        ranking.synonyms(),
        configSynonyms(ranking.synonyms()),
        config(ranking.pins()),
        config(ranking.hides()));
  }

  private static Map<String, Curated> byKey(Collection<Curated> all) {
    var out = new LinkedHashMap<String, Curated>();
    all.forEach(c -> out.put(c.key(), c));
    return Collections.unmodifiableMap(out);
  }

  private static List<Curated> config(Map<String, List<String>> byQuery) {
    var merged = new LinkedHashMap<String, List<Item>>();
    var queries = new LinkedHashMap<String, String>();
    byQuery.forEach(
        (query, ids) -> {
          String key = Curation.key(query);
          queries.putIfAbsent(key, query);
          var items = merged.computeIfAbsent(key, k -> new ArrayList<>());
          for (String id : ids) {
            if (items.stream().noneMatch(i -> i.id().equals(id)))
              items.add(new Item(id, CONFIG, null));
          }
        });
    var out = new ArrayList<Curated>();
    merged.forEach((key, items) -> out.add(new Curated(queries.get(key), key, items)));
    return out;
  }

  /**
   * The config's synonyms as a person reads them, one entry per rule of the Solr-format list (the
   * list itself is applied by {@link SynonymExpander}, which reads it exactly).
   */
  private static List<SynonymGroup> configSynonyms(RankingSettings.Synonyms source) {
    if (!source.on()) return List.of();
    String text;
    try {
      text = Files.readString(source.file());
    } catch (IOException | RuntimeException e) {
      return List.of(); // the expander reports a list it cannot read; this is only its listing
    }
    var out = new ArrayList<SynonymGroup>();
    for (String line : text.split("\\R")) {
      String rule = line.strip();
      if (rule.isEmpty() || rule.startsWith("#")) continue;
      int arrow = rule.indexOf("=>");
      if (arrow < 0) {
        out.add(new SynonymGroup(split(rule), null, CONFIG, null));
      } else {
        out.add(
            new SynonymGroup(
                split(rule.substring(0, arrow)), split(rule.substring(arrow + 2)), CONFIG, null));
      }
    }
    return out;
  }

  private static List<String> split(String words) {
    var out = new ArrayList<String>();
    for (String w : words.split(",")) if (!w.isBlank()) out.add(w.strip());
    return out;
  }

  /**
   * A query as pins and hides match it: its words ignoring case, accents and punctuation, keeping
   * its syntax ({@code -word}, {@code "phrase"}, {@code prefix*}).
   */
  public static String key(String query) {
    return Curation.key(query);
  }

  /** The version of the last change replayed; 0 when there is none. */
  public long version() {
    return version;
  }

  /** The config's synonyms, then the edits' groups, in the order they were added. */
  public List<SynonymGroup> synonyms() {
    return synonyms;
  }

  public List<Curated> pins() {
    return List.copyOf(pins.values());
  }

  public List<Curated> hides() {
    return List.copyOf(hides.values());
  }

  /** The pins for a query as curation matches it ({@link Curation#key}), or null. */
  Curated pinned(String key) {
    return pins.get(key);
  }

  Curated hidden(String key) {
    return hides.get(key);
  }

  RankingSettings.Synonyms synonymSource() {
    return synonymSource;
  }

  /** The edits' synonym groups, which every language's queries expand with. */
  List<List<String>> editedSynonyms() {
    return editedSynonyms;
  }

  /** The ranking stage that pins and hides by these rules. */
  Curation curation() {
    return curation;
  }
}
