package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.CurationChange.Action;
import dev.sitesearch.search.CurationChange.Kind;
import dev.sitesearch.search.CurationRules.Curated;
import dev.sitesearch.search.CurationRules.Item;
import dev.sitesearch.search.CurationRules.SynonymGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The current rules from the config's and the history of edits: the history's changes applied in
 * order to the config's rules, skipping every change an undo took back (an undo of an undo puts the
 * change back). A change that no longer applies (removing a page no longer pinned) changes nothing,
 * so any history replays; {@link #check} is where a new change is refused when it would not apply.
 */
final class CurationReplay {
  static final int MAX_IDS = RankingSettings.MAX_CURATED_IDS;

  private CurationReplay() {}

  /** {@code base} with the changes of {@code history} that stand replayed on top. */
  static CurationRules replay(CurationRules base, List<CurationChange> history) {
    var state = new State(base);
    Set<Long> undone = undone(history);
    for (CurationChange c : history) {
      if (c.action() != Action.UNDO && !undone.contains(c.version())) state.apply(c);
    }
    long version = history.isEmpty() ? base.version() : history.getLast().version();
    return state.rules(version);
  }

  /**
   * The versions an undo that stands took back. Read newest first: an undo that was itself undone
   * takes nothing back.
   */
  static Set<Long> undone(List<CurationChange> history) {
    var undone = new HashSet<Long>();
    for (CurationChange c : history.reversed()) {
      if (!undone.contains(c.version()) && c.action() == Action.UNDO) undone.add(c.undoes());
    }
    return undone;
  }

  /**
   * Refuses {@code change} when it would not do what it says on {@code rules}: pinning a page
   * already pinned or hidden for the query, removing one that is not there, more pages than the
   * limit, a synonym group that exists or does not.
   */
  static void check(CurationRules rules, CurationChange change) {
    switch (change.kind()) {
      case PIN, HIDE -> checkIds(rules, change);
      case SYNONYM -> checkSynonyms(rules, change);
    }
  }

  private static void checkIds(CurationRules rules, CurationChange change) {
    String key = Curation.key(change.query());
    boolean pin = change.kind() == Kind.PIN;
    Curated same = pin ? rules.pinned(key) : rules.hidden(key);
    Curated other = pin ? rules.hidden(key) : rules.pinned(key);
    List<String> current = same == null ? List.of() : same.idList();
    if (change.action() == Action.ADD) {
      var there = change.ids().stream().filter(current::contains).toList();
      if (!there.isEmpty())
        throw CurationException.invalid(
            "ids", "already " + done(change.kind()) + " for this query: " + list(there));
      var clash =
          change.ids().stream().filter(id -> other != null && other.idList().contains(id)).toList();
      if (!clash.isEmpty())
        throw CurationException.invalid(
            "ids",
            (pin ? "hidden" : "pinned") + " for this query, remove that first: " + list(clash));
      if (current.size() + change.ids().size() > MAX_IDS)
        throw CurationException.invalid(
            "ids",
            "at most "
                + MAX_IDS
                + " pages "
                + done(change.kind())
                + " per query; this query has "
                + current.size());
      if (change.position() != null && change.position() > current.size() + 1)
        throw CurationException.invalid(
            "position",
            "position must be from 1 to " + (current.size() + 1) + " (after the last pin)");
    } else {
      var missing = change.ids().stream().filter(id -> !current.contains(id)).toList();
      if (!missing.isEmpty())
        throw CurationException.invalid(
            "ids", "not " + done(change.kind()) + " for this query: " + list(missing));
    }
  }

  private static void checkSynonyms(CurationRules rules, CurationChange change) {
    Set<String> words = normalized(change.words());
    SynonymGroup match = null;
    for (SynonymGroup g : rules.synonyms())
      if (g.to() == null && normalized(g.words()).equals(words)) match = g;
    if (change.action() == Action.ADD) {
      if (match != null)
        throw CurationException.invalid(
            "words",
            "this synonym group already exists"
                + (match.source().equals(CurationRules.CONFIG) ? " in the config's synonyms" : ""));
      try {
        SynonymExpander.of(RankingSettings.Synonyms.NONE, List.of(change.words()));
      } catch (RuntimeException e) {
        throw CurationException.invalid("words", "these words do not make a synonym group");
      }
    } else {
      if (match == null)
        throw CurationException.invalid(
            "words", "no synonym group has exactly these words; remove it by its words");
      if (match.source().equals(CurationRules.CONFIG))
        throw CurationException.invalid(
            "words",
            "this group comes from the config's synonyms list; change it there (sitesearch.yml,"
                + " ranking.synonyms)");
    }
  }

  /** A synonym group's words as the synonyms match them: folded, lower case, in a set. */
  static Set<String> normalized(List<String> words) {
    var out = new TreeSet<String>();
    for (String w : words)
      out.add(TextFolding.fold(w.strip()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    return out;
  }

  private static String done(Kind kind) {
    return kind == Kind.PIN ? "pinned" : "hidden";
  }

  private static String list(List<String> ids) {
    var shown = ids.stream().limit(10).map(InvalidRequestException::shorten).toList();
    return String.join(", ", shown)
        + (ids.size() > 10 ? " and " + (ids.size() - 10) + " more" : "");
  }

  /** The rules being replayed, as editable lists. */
  private static final class State {
    private final RankingSettings.Synonyms source;
    private final List<SynonymGroup> configSynonyms = new ArrayList<>();
    private final Set<Set<String>> configGroups = new HashSet<>();
    // by their words as matched: a long history replays in linear time
    private final Map<Set<String>, SynonymGroup> editedSynonyms = new LinkedHashMap<>();
    private final Map<String, Curated> pins = new LinkedHashMap<>();
    private final Map<String, Curated> hides = new LinkedHashMap<>();

    State(CurationRules base) {
      source = base.synonymSource();
      for (SynonymGroup g : base.synonyms()) {
        if (g.source().equals(CurationRules.EDIT)) {
          editedSynonyms.put(normalized(g.words()), g);
        } else {
          configSynonyms.add(g);
          if (g.to() == null) configGroups.add(normalized(g.words()));
        }
      }
      base.pins().forEach(c -> pins.put(c.key(), c));
      base.hides().forEach(c -> hides.put(c.key(), c));
    }

    void apply(CurationChange c) {
      switch (c.kind()) {
        case SYNONYM -> applySynonyms(c);
        case PIN -> applyIds(pins, c);
        case HIDE -> applyIds(hides, c);
      }
    }

    private void applySynonyms(CurationChange c) {
      Set<String> words = normalized(c.words());
      if (c.action() == Action.ADD) {
        if (!configGroups.contains(words) && !editedSynonyms.containsKey(words))
          editedSynonyms.put(
              words, new SynonymGroup(c.words(), null, CurationRules.EDIT, c.version()));
      } else if (c.action() == Action.REMOVE) {
        editedSynonyms.remove(words);
      }
    }

    private static void applyIds(Map<String, Curated> lists, CurationChange c) {
      String key = Curation.key(c.query());
      if (key.isEmpty()) return;
      Curated before = lists.get(key);
      var items = new ArrayList<>(before == null ? List.<Item>of() : before.ids());
      if (c.action() == Action.ADD) {
        var added = new ArrayList<Item>();
        for (String id : c.ids()) {
          if (items.stream().noneMatch(i -> i.id().equals(id))
              && added.stream().noneMatch(i -> i.id().equals(id)))
            added.add(new Item(id, CurationRules.EDIT, c.version()));
        }
        int at = c.position() == null ? items.size() : Math.min(c.position() - 1, items.size());
        items.addAll(Math.max(0, at), added);
        // A list past the limit (an undo brought back what later pins filled) keeps its first.
        while (items.size() > MAX_IDS) items.removeLast();
      } else {
        items.removeIf(i -> c.ids().contains(i.id()));
      }
      if (items.isEmpty()) {
        lists.remove(key);
      } else {
        lists.put(key, new Curated(before == null ? c.query() : before.query(), key, items));
      }
    }

    CurationRules rules(long version) {
      var synonyms = new ArrayList<>(configSynonyms);
      synonyms.addAll(editedSynonyms.values());
      return new CurationRules(version, source, synonyms, pins.values(), hides.values());
    }
  }
}
