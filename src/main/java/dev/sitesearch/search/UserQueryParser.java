package dev.sitesearch.search;

import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the search box's forgiving syntax: words, {@code "exact phrase"}, {@code -excluded}, {@code a OR b} and
 * {@code prefix*}. It never fails: an unbalanced quote, a stray operator or a Lucene special character is read as
 * text (and the analyzer later drops punctuation), so whatever a visitor types gets an answer.
 */
public final class UserQueryParser {
  /** Clauses beyond this are ignored: no site query needs more, and each costs a posting lookup per field. */
  static final int MAX_CLAUSES = 400;

  /**
   * Lucene-style field prefixes a visitor may copy from another search box ({@code title:broadband}): the search box
   * has no field syntax, so the prefix is dropped and the word searched everywhere.
   */
  private static final java.util.regex.Pattern FIELD_PREFIX = java.util.regex.Pattern.compile("([A-Za-z]+):(.+)");
  private static final java.util.Set<String> FIELD_NAMES = java.util.Set.of("title", "description", "body", "text",
      "content", "tags", "tag", "author", "category", "categories", "type", "source", "url", "id");

  private UserQueryParser() {}

  public static UserQuery parse(String text) {
    List<Token> tokens = tokenize(text == null ? "" : text);
    var include = new ArrayList<Clause>();
    var exclude = new ArrayList<Clause>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isOr()) continue; // a stray OR at the start, the end or doubled
      Clause clause = token.clause();
      if (token.negated()) {
        exclude.add(clause);
        continue;
      }
      // Gather "a OR b OR c" into one group.
      var options = new ArrayList<Clause>(List.of(clause));
      while (i + 2 < tokens.size() && tokens.get(i + 1).isOr() && !tokens.get(i + 2).isOr()
          && !tokens.get(i + 2).negated()) {
        options.add(tokens.get(i + 2).clause());
        i += 2;
      }
      include.add(options.size() == 1 ? clause : new AnyOf(options));
    }
    if (include.size() > MAX_CLAUSES) include.subList(MAX_CLAUSES, include.size()).clear();
    if (exclude.size() > MAX_CLAUSES) exclude.subList(MAX_CLAUSES, exclude.size()).clear();
    return new UserQuery(include, exclude);
  }

  private record Token(String text, boolean quoted, boolean negated) {
    boolean isOr() {
      return !quoted && !negated && text.equals("OR");
    }

    Clause clause() {
      if (quoted) return new Phrase(text);
      var field = FIELD_PREFIX.matcher(text);
      if (field.matches() && FIELD_NAMES.contains(field.group(1).toLowerCase(java.util.Locale.ROOT))) {
        return new Token(field.group(2), false, negated).clause();
      }
      if (text.endsWith("*") && text.length() > 1) {
        String stem = text.replaceAll("\\*+$", "");
        if (!stem.isEmpty() && !stem.contains("*")) return new Prefix(stem);
      }
      return new Word(text.replace("*", " "));
    }
  }

  private static List<Token> tokenize(String text) {
    var tokens = new ArrayList<Token>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '-') {
        negated = true;
        i++;
        c = text.charAt(i);
      }
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close > i + 1) {
          String phrase = text.substring(i + 1, close).strip();
          if (!phrase.isEmpty()) tokens.add(new Token(phrase, true, negated));
          i = close + 1;
          continue;
        }
        if (close == i + 1) { // ""
          i = close + 1;
          continue;
        }
        i++; // an unbalanced quote is just punctuation
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') i++;
      String word = text.substring(start, i);
      if (!word.isEmpty()) tokens.add(new Token(word, false, negated));
    }
    return tokens;
  }
}
