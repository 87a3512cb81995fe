package dev.sitesearch.search;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.search.CurationChange.Action;
import dev.sitesearch.search.CurationChange.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The curation editors change at run time: the config's rules plus the stored history of edits
 * ({@link CurationStore}), replayed into one {@link CurationRules} value that searches read. An
 * edit is checked, written to disk, and only then made current by replacing that value (one
 * volatile reference), so the next search uses it, a search already planned keeps the rules it
 * started with, and a failed write changes nothing. Edits are made one at a time; each may name the
 * version it was made against ({@code expectedVersion}), and is refused when another edit came
 * first.
 */
public final class CurationEditor {
  /** Ids of one change (as many as a query may have), words of one synonym group, their lengths. */
  public static final int MAX_IDS = RankingSettings.MAX_CURATED_IDS;

  public static final int MAX_ID_CHARS = 512;
  public static final int MAX_WORDS = 20;
  public static final int MAX_WORD_CHARS = 100;

  private final CurationRules base;
  private final CurationStore store;
  private final Clock clock;
  private final String problem;
  private final boolean writable;
  private List<CurationChange> history;
  private volatile CurationRules rules;

  private CurationEditor(
      CurationRules base,
      CurationStore store,
      Clock clock,
      List<CurationChange> history,
      String problem,
      boolean writable) {
    this.base = base;
    this.store = store;
    this.clock = clock;
    this.history = List.copyOf(history);
    this.problem = problem;
    this.writable = writable;
    this.rules = CurationReplay.replay(base, this.history);
  }

  /**
   * The config's rules with the history in {@code file} (which need not exist yet). An unreadable
   * file is logged and, when {@code keepAside}, moved aside; curation then starts from the config.
   */
  public static CurationEditor open(
      RankingSettings ranking, Path file, Clock clock, boolean keepAside) {
    var store = new CurationStore(file);
    CurationStore.Loaded loaded = store.load(keepAside, clock.instant());
    return new CurationEditor(
        CurationRules.of(ranking),
        store,
        clock,
        loaded.changes(),
        loaded.problem(),
        store.writable(loaded));
  }

  /** The config's rules, never edited: for a search without a store. */
  public static CurationEditor fixed(RankingSettings ranking) {
    return new CurationEditor(
        CurationRules.of(ranking), null, Clock.systemUTC(), List.of(), null, false);
  }

  /** The rules as they are now. */
  public CurationRules rules() {
    return rules;
  }

  /** Every change so far, oldest first. */
  public synchronized List<CurationChange> history() {
    return history;
  }

  /**
   * The history and the versions an undo that stands took back, read together.
   *
   * @param changes every change so far, oldest first
   * @param undone the versions taken back
   */
  public record History(List<CurationChange> changes, Set<Long> undone) {}

  public synchronized History historyWithUndone() {
    return new History(history, CurationReplay.undone(history));
  }

  /** Why the stored history could not be read at start, or null. */
  public String problem() {
    return problem;
  }

  /**
   * A change as an editor asks for it, before it is checked.
   *
   * @param position for pins: where the pages go among the query's pins, 1-based; null: last
   */
  public record Edit(
      String editor,
      Action action,
      Kind kind,
      String query,
      List<String> ids,
      List<String> words,
      Integer position) {}

  /**
   * Makes {@code edit} if it applies to the current rules, made against {@code expectedVersion}
   * when that is not null; answers the change as stored.
   */
  public synchronized CurationChange change(Edit edit, Long expectedVersion) throws IOException {
    checkVersion(expectedVersion);
    if (edit.action() == null || edit.action() == Action.UNDO)
      throw CurationException.invalid("action", "action must be add or remove");
    if (edit.kind() == null)
      throw CurationException.invalid("kind", "kind must be synonym, pin or hide");
    String editor = editor(edit.editor());
    boolean synonym = edit.kind() == Kind.SYNONYM;
    String query = null;
    List<String> ids = List.of();
    List<String> words = List.of();
    if (synonym) {
      if (edit.query() != null)
        throw CurationException.invalid("query", "a synonym group applies to every query");
      if (edit.ids() != null)
        throw CurationException.invalid("ids", "a synonym group has words, not ids");
      if (edit.position() != null)
        throw CurationException.invalid("position", "only pins have a position");
      words = words(edit.words());
    } else {
      if (edit.words() != null)
        throw CurationException.invalid("words", "pins and hides have ids, not words");
      if (edit.position() != null && (edit.kind() != Kind.PIN || edit.action() != Action.ADD))
        throw CurationException.invalid("position", "only pins being added have a position");
      if (edit.position() != null && edit.position() < 1)
        throw CurationException.invalid("position", "position starts at 1");
      query = query(edit.query());
      ids = ids(edit.ids());
    }
    var change =
        new CurationChange(
            nextVersion(),
            editor,
            clock.instant(),
            edit.action(),
            edit.kind(),
            query,
            ids,
            words,
            edit.position(),
            null);
    CurationReplay.check(rules, change);
    return append(change);
  }

  /**
   * Takes back the change of {@code version} (which may itself be an undo: that puts its change
   * back), as a new change by {@code editor}.
   */
  public synchronized CurationChange undo(long version, String editor, Long expectedVersion)
      throws IOException {
    checkVersion(expectedVersion);
    String name = editor(editor);
    if (version < 1 || version > history.size())
      throw CurationException.invalid(
          "version",
          history.isEmpty()
              ? "there is no change to undo yet"
              : "version must be from 1 to " + history.size());
    if (CurationReplay.undone(history).contains(version))
      throw CurationException.conflict("version " + version + " is already undone");
    CurationChange target = history.get((int) version - 1);
    return append(
        new CurationChange(
            nextVersion(),
            name,
            clock.instant(),
            Action.UNDO,
            target.kind(),
            target.query(),
            target.ids(),
            target.words(),
            target.position(),
            version));
  }

  private CurationChange append(CurationChange change) throws IOException {
    if (store == null || !writable)
      throw CurationException.conflict(
          store == null
              ? "curation is read-only here"
              : "the stored curation history could not be read at start and is still in its"
                  + " place; fix or remove it (the server log names it), then restart");
    var next = new ArrayList<>(history);
    next.add(change);
    CurationRules replayed = CurationReplay.replay(base, next);
    store.save(next); // on disk first: a failed write leaves the current rules as they are
    history = List.copyOf(next);
    rules = replayed;
    return change;
  }

  private long nextVersion() {
    return history.size() + 1L;
  }

  private void checkVersion(Long expected) {
    if (expected != null && expected != history.size())
      throw CurationException.conflict(
          "the curation changed since version "
              + expected
              + " (it is at version "
              + history.size()
              + "); reload it and try again");
  }

  private static String editor(String editor) {
    String name = editor == null ? "" : editor.strip();
    if (name.isEmpty())
      throw CurationException.invalid("editor", "editor is required: who makes the change");
    if (name.codePointCount(0, name.length()) > CurationChange.MAX_EDITOR)
      throw CurationException.invalid(
          "editor", "editor may have at most " + CurationChange.MAX_EDITOR + " characters");
    int hidden = name.codePoints().filter(CurationEditor::hidden).findFirst().orElse(-1);
    if (hidden >= 0)
      throw CurationException.invalid(
          "editor",
          String.format(
              Locale.ROOT,
              "editor may not hold control characters or invisible formatting characters such as"
                  + " direction overrides; it holds U+%04X",
              hidden));
    return name;
  }

  /**
   * Whether a name may not hold {@code c}: a control character, or an invisible one that changes
   * how the rest reads (a direction override or isolate, U+202A–U+202E and U+2066–U+2069, turns
   * {@code Ana<U+202E>exe.gnp} into "Anapng.exe" in the history; a zero-width space hides a second
   * name in one), a line break, or half of a surrogate pair. The joiners U+200C and U+200D stay:
   * Persian names and joined emoji (woman + U+200D + laptop) need them.
   */
  private static boolean hidden(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      case Character.FORMAT -> c != 0x200C && c != 0x200D;
      default -> false;
    };
  }

  private static String query(String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty())
      throw CurationException.invalid("query", "query is required for pins and hides");
    if (q.length() > SearchRequest.MAX_QUERY_CHARS)
      throw CurationException.invalid(
          "query", "query may have at most " + SearchRequest.MAX_QUERY_CHARS + " characters");
    if (Curation.key(q).isEmpty())
      throw CurationException.invalid("query", "query has no words to match searches by");
    return q;
  }

  private static List<String> ids(List<String> ids) {
    if (ids == null || ids.isEmpty())
      throw CurationException.invalid("ids", "ids is required: a list of page ids");
    if (ids.size() > MAX_IDS)
      throw CurationException.invalid("ids", "at most " + MAX_IDS + " ids in one change");
    var out = new LinkedHashSet<String>();
    for (String id : ids) {
      String s = id == null ? "" : id.strip();
      if (s.isEmpty() || s.length() > MAX_ID_CHARS || s.chars().anyMatch(Character::isISOControl))
        throw CurationException.invalid(
            "ids", "each id is 1 to " + MAX_ID_CHARS + " characters, without control characters");
      if (!out.add(s))
        throw CurationException.invalid(
            "ids", "id listed twice: " + InvalidRequestException.shorten(s));
    }
    return List.copyOf(out);
  }

  private static List<String> words(List<String> words) {
    if (words == null || words.size() < 2 || words.size() > MAX_WORDS)
      throw CurationException.invalid(
          "words", "a synonym group has 2 to " + MAX_WORDS + " words or phrases");
    var out = new ArrayList<String>();
    for (String word : words) {
      String w = word == null ? "" : word.strip().replaceAll("\\s+", " ");
      if (w.isEmpty() || w.length() > MAX_WORD_CHARS)
        throw CurationException.invalid(
            "words", "each word or phrase is 1 to " + MAX_WORD_CHARS + " characters");
      if (w.matches(".*[,=\\\\#\\p{Cntrl}].*"))
        throw CurationException.invalid(
            "words",
            "'"
                + InvalidRequestException.shorten(w)
                + "': words may not hold , = \\ # or control characters");
      if (!w.codePoints().anyMatch(Character::isLetterOrDigit))
        throw CurationException.invalid(
            "words", "'" + InvalidRequestException.shorten(w) + "' has no letter or digit");
      out.add(w);
    }
    if (CurationReplay.normalized(out).size() != out.size())
      throw CurationException.invalid("words", "a word or phrase is listed twice");
    return out;
  }
}
