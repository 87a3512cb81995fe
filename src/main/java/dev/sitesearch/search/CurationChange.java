package dev.sitesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the curation history: who changed what, when. The history is only ever appended to;
 * an undo is a change of its own ({@link Action#UNDO}) naming the version it takes back, and
 * carrying that change's kind, query, ids and words so the history reads without looking back.
 *
 * @param version 1 for the first change, then one more each time
 * @param editor who made it, as they named themselves (1 to {@value #MAX_EDITOR} characters,
 *     counted in code points)
 * @param at when the server accepted it
 * @param action add, remove, or undo of an earlier change
 * @param kind what it is about: a synonym group, a pin or a hide
 * @param query the query pinned or hidden for (null for synonyms)
 * @param ids the pages pinned or hidden (empty for synonyms)
 * @param words the synonym group's words and phrases (empty for pins and hides)
 * @param position where pinned pages go among the query's pins, 1-based (null: after them)
 * @param undoes for an undo, the version it takes back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurationChange(
    long version,
    String editor,
    Instant at,
    Action action,
    Kind kind,
    String query,
    List<String> ids,
    List<String> words,
    Integer position,
    Long undoes) {

  public static final int MAX_EDITOR = 100;

  public CurationChange {
    if (version < 1) throw new IllegalArgumentException("a change's version starts at 1");
    Objects.requireNonNull(editor);
    Objects.requireNonNull(at);
    Objects.requireNonNull(action);
    Objects.requireNonNull(kind);
    ids = List.copyOf(ids);
    words = List.copyOf(words);
    if ((action == Action.UNDO) != (undoes != null))
      throw new IllegalArgumentException("an undo, and only an undo, names the version it undoes");
    if (undoes != null && undoes >= version)
      throw new IllegalArgumentException("an undo takes back an earlier version");
  }

  /** What a change does. */
  public enum Action {
    ADD,
    REMOVE,
    UNDO;

    @JsonValue
    public String lowerCase() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action of this name (any case), or null. */
    public static Action named(String name) {
      for (Action a : values()) if (a.lowerCase().equalsIgnoreCase(name)) return a;
      return null;
    }
  }

  /** What a change is about. */
  public enum Kind {
    SYNONYM,
    PIN,
    HIDE;

    @JsonValue
    public String lowerCase() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of this name (any case), or null. */
    public static Kind named(String name) {
      for (Kind k : values()) if (k.lowerCase().equalsIgnoreCase(name)) return k;
      return null;
    }
  }
}
