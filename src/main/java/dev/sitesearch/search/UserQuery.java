package dev.sitesearch.search;

import java.util.List;

/**
 * The user's text as understood: words, phrases, prefixes and OR-groups to match, and clauses to
 * exclude.
 *
 * @param include clauses a page should match
 * @param exclude clauses a page must not match
 */
public record UserQuery(List<Clause> include, List<Clause> exclude) {
  public UserQuery {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public boolean isEmpty() {
    return include.isEmpty() && exclude.isEmpty();
  }

  /** One unit of the query syntax. */
  public sealed interface Clause {}

  /** A word, matched through the analyzer (so "running" finds "runs"). */
  public record Word(String text) implements Clause {}

  /** {@code "exact phrase"}. */
  public record Phrase(String text) implements Clause {}

  /** {@code prefix*}. */
  public record Prefix(String text) implements Clause {}

  /**
   * The words of a run that has synonyms, as typed: in any order, each optional as a loose word is
   * (a page with more of them scores higher), so a synonym only ever adds pages to what the words
   * alone find.
   */
  public record TypedWords(List<Clause> parts) implements Clause {
    public TypedWords {
      parts = List.copyOf(parts);
    }
  }

  /** {@code a OR b}: either may match. */
  public record AnyOf(List<Clause> options) implements Clause {
    public AnyOf {
      options = List.copyOf(options);
    }
  }
}
