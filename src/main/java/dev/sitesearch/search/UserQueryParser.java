package dev.sitesearch.search;

import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.TypedWords;
import dev.sitesearch.search.UserQuery.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the search box's forgiving syntax: words, {@code "exact phrase"}, {@code -excluded},
 * {@code a OR b} and {@code prefix*}. It never fails: an unbalanced quote, a stray operator or a
 * Lucene special character is read as text (and the analyzer later drops punctuation), so whatever
 * a visitor types gets an answer.
 *
 * <p>It also keeps every query cheap, whatever is typed or generated: at most {@link #MAX_CLAUSES}
 * clauses to match and as many to exclude, at most {@link #MAX_TERMS} terms in all (as the analyzer
 * will split the words: phrase words and {@code OR} options count, and {@code covid-19} is two),
 * and no word longer than {@link #MAX_WORD_CHARS} characters. What goes past a limit is dropped,
 * not refused: a search box answers. Lucene syntax is never interpreted ({@code *a*}, {@code a~2},
 * {@code /re.* /}, {@code ((a))} are text), so no query can ask for a wildcard, regex or fuzzy
 * scan.
 */
public final class UserQueryParser {
  /**
   * Clauses beyond this are ignored: no site query needs more, and each costs a posting lookup per
   * field.
   */
  /**
   * Clauses to match beyond this are ignored (and as many to exclude). Long enough for a pasted
   * question or paragraph (the CISI collection's questions average 80 words, and cutting them at 32
   * cost 0.02 nDCG@10).
   */
  static final int MAX_CLAUSES = 128;

  /**
   * Terms in all, over clauses, phrases and OR options; each becomes a term query per text field.
   */
  public static final int MAX_TERMS = 128;

  /**
   * Longer "words" are cut here: no word is this long, and typo matching costs grow with the
   * length.
   */
  public static final int MAX_WORD_CHARS = 64;

  /**
   * Lucene-style field prefixes a visitor may copy from another search box ({@code
   * title:broadband}): the search box has no field syntax, so the prefix is dropped and the word
   * searched everywhere.
   */
  private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z]+):(.+)");

  private static final Set<String> FIELD_NAMES =
      Set.of(
          "title",
          "description",
          "body",
          "text",
          "content",
          "tags",
          "tag",
          "author",
          "category",
          "categories",
          "type",
          "source",
          "url",
          "id");

  private UserQueryParser() {}

  public static UserQuery parse(String text) {
    List<Token> tokens = tokenize(text == null ? "" : text);
    var include = new ArrayList<Clause>();
    var exclude = new ArrayList<Clause>();
    int terms = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isOr()) continue; // a stray OR at the start, the end or doubled
      Clause clause = token.clause(MAX_TERMS - terms);
      if (clause == null) break; // the budget is spent
      if (token.negated()) {
        if (exclude.size() < MAX_CLAUSES) {
          exclude.add(clause);
          terms += terms(clause);
        }
        continue;
      }
      // Gather "a OR b OR c" into one group; the options past the budget are dropped.
      var options = new ArrayList<Clause>(List.of(clause));
      int groupTerms = terms(clause);
      while (i + 2 < tokens.size()
          && tokens.get(i + 1).isOr()
          && !tokens.get(i + 2).isOr()
          && !tokens.get(i + 2).negated()) {
        i += 2;
        Clause option = tokens.get(i).clause(MAX_TERMS - terms - groupTerms);
        if (option == null) continue;
        options.add(option);
        groupTerms += terms(option);
      }
      if (include.size() < MAX_CLAUSES) {
        include.add(options.size() == 1 ? clause : new AnyOf(options));
        terms += groupTerms;
      }
    }
    return new UserQuery(include, exclude);
  }

  /** How many terms a clause searches for, as the analyzer will split its text (an upper bound). */
  public static int terms(Clause clause) {
    return switch (clause) {
      case Word w -> terms(w.text());
      case Prefix p -> Math.max(1, terms(p.text()));
      case Phrase p -> terms(p.text());
      case TypedWords all -> all.parts().stream().mapToInt(UserQueryParser::terms).sum();
      case AnyOf any -> any.options().stream().mapToInt(UserQueryParser::terms).sum();
    };
  }

  /**
   * Runs of letters and digits, each Han, Hiragana or Katakana character on its own (the tokenizer
   * splits them).
   */
  static int terms(String text) {
    int n = 0;
    boolean inRun = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      var script = Character.UnicodeScript.of(cp);
      if (Character.isIdeographic(cp)
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        n++;
        inRun = false;
      } else if (Character.isLetterOrDigit(cp)) {
        if (!inRun) n++;
        inRun = true;
      } else {
        inRun = false;
      }
    }
    return n;
  }

  /**
   * The leading words of a phrase that fit in {@code budget} terms, or null when not even one does.
   */
  private static String fit(String phrase, int budget) {
    var kept = new ArrayList<String>();
    int used = 0;
    for (String word : phrase.split("\\s+")) {
      int t = terms(word);
      if (used + t > budget) break;
      kept.add(word);
      used += t;
    }
    return kept.isEmpty() ? null : String.join(" ", kept);
  }

  private static String cut(String word) {
    return word.codePointCount(0, word.length()) <= MAX_WORD_CHARS
        ? word
        : word.substring(0, word.offsetByCodePoints(0, MAX_WORD_CHARS));
  }

  private record Token(String text, boolean quoted, boolean negated) {
    boolean isOr() {
      return !quoted && !negated && text.equals("OR");
    }

    /** The clause, within {@code budget} terms; null when it does not fit. */
    Clause clause(int budget) {
      if (budget <= 0) return null;
      if (quoted) {
        String fitted = fit(text, budget);
        return fitted == null ? null : new Phrase(fitted);
      }
      var field = FIELD_PREFIX.matcher(text);
      if (field.matches() && FIELD_NAMES.contains(field.group(1).toLowerCase(Locale.ROOT))) {
        return new Token(field.group(2), false, negated).clause(budget);
      }
      String text = cut(this.text);
      Clause clause = new Word(text.replace("*", " "));
      if (text.endsWith("*") && text.length() > 1) {
        String stem = text.replaceAll("\\*+$", "");
        if (!stem.isEmpty() && !stem.contains("*")) clause = new Prefix(stem);
      }
      return terms(clause) > budget ? null : clause;
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
      if (c == '-'
          && i + 1 < n
          && !Character.isWhitespace(text.charAt(i + 1))
          && text.charAt(i + 1) != '-') {
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
