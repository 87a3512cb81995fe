package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A glob as Hugo's page matchers and mount filters write it, with {@code /} as the separator:
 * {@code *} any characters but {@code /}, {@code **} any characters, {@code ?} one character but
 * {@code /}, {@code [abc]}, {@code [a-c]} and {@code [!a-c]} character classes, {@code {a,b}}
 * alternatives (nested ones too) and {@code \} to quote the next character.
 *
 * <p>Matched in time linear in the path for each alternative, never by backtracking: a glob
 * compiled to a regular expression took exponential time on a path it almost matched ({@code
 * /**a**a**a**a**a**a**b} held the indexer for minutes).
 *
 * @param glob the pattern as written
 * @param alternatives the token lists its braces expand to
 */
record PathGlob(String glob, List<List<Token>> alternatives) {
  /** More alternatives than this are refused rather than tried one by one on every page. */
  static final int MAX_ALTERNATIVES = 256;

  /** One step of a glob. */
  record Token(Kind kind, char c, String set, boolean negated) {
    boolean accepts(char ch) {
      return switch (kind) {
        case CHAR -> ch == c;
        case ONE -> ch != '/';
        case SET -> negated ? ch != '/' && !inSet(ch) : inSet(ch);
        case STAR, ANY -> throw new IllegalStateException(kind + " takes runs, not characters");
      };
    }

    private boolean inSet(char ch) {
      for (int i = 0; i < set.length(); i++) {
        boolean range = i + 2 < set.length() && set.charAt(i + 1) == '-';
        if (range ? set.charAt(i) <= ch && ch <= set.charAt(i + 2) : set.charAt(i) == ch)
          return true;
        if (range) i += 2;
      }
      return false;
    }
  }

  enum Kind {
    CHAR,
    ONE,
    SET,
    STAR,
    ANY
  }

  /** Compiles {@code glob}; throws {@link IllegalArgumentException} naming what is wrong. */
  static PathGlob of(String glob) {
    var parser = new Parser(glob);
    List<List<Token>> alternatives = parser.sequence(false);
    if (parser.pos < glob.length())
      throw new IllegalArgumentException("'" + glob + "': a } without a {");
    return new PathGlob(glob, alternatives);
  }

  boolean matches(String s) {
    for (List<Token> tokens : alternatives) if (matches(tokens, s)) return true;
    return false;
  }

  /** Every position the tokens so far can end at, token by token. */
  private static boolean matches(List<Token> tokens, String s) {
    int n = s.length();
    boolean[] at = new boolean[n + 1];
    at[0] = true;
    for (Token t : tokens) {
      boolean[] next = new boolean[n + 1];
      boolean any = false;
      for (int i = 0; i <= n; i++) {
        switch (t.kind()) {
          case ANY -> next[i] = any |= at[i];
          case STAR -> next[i] = at[i] || (i > 0 && next[i - 1] && s.charAt(i - 1) != '/');
          default -> {
            if (i > 0 && at[i - 1] && t.accepts(s.charAt(i - 1))) next[i] = true;
          }
        }
      }
      at = next;
    }
    return at[n];
  }

  /** Reads a glob into its alternatives, expanding braces as it goes. */
  private static final class Parser {
    private final String glob;
    private int pos;

    Parser(String glob) {
      this.glob = glob;
    }

    /** A run of tokens and braces, up to a {@code ,} or {@code }} when inside braces. */
    List<List<Token>> sequence(boolean inBraces) {
      List<List<Token>> alternatives = new ArrayList<>();
      alternatives.add(new ArrayList<>());
      while (pos < glob.length()) {
        char c = glob.charAt(pos);
        if (c == '}' || (c == ',' && inBraces)) {
          if (!inBraces) throw new IllegalArgumentException("'" + glob + "': a } without a {");
          break;
        }
        if (c == '{') {
          pos++;
          alternatives = cross(alternatives, braces());
        } else {
          Token token = token();
          if (token != null) for (List<Token> a : alternatives) a.add(token);
        }
      }
      return alternatives;
    }

    private List<List<Token>> braces() {
      var union = new ArrayList<List<Token>>();
      while (true) {
        union.addAll(sequence(true));
        if (pos >= glob.length())
          throw new IllegalArgumentException("'" + glob + "': a { without a }");
        if (glob.charAt(pos++) == '}') return union;
      }
    }

    private List<List<Token>> cross(List<List<Token>> before, List<List<Token>> then) {
      if ((long) before.size() * then.size() > MAX_ALTERNATIVES)
        throw new IllegalArgumentException(
            "'" + glob + "': more than " + MAX_ALTERNATIVES + " alternatives");
      var out = new ArrayList<List<Token>>();
      for (List<Token> a : before) {
        for (List<Token> b : then) {
          var joined = new ArrayList<>(a);
          joined.addAll(b);
          out.add(joined);
        }
      }
      return out;
    }

    /** The token at {@code pos}, moving past it; null for a {@code \} that ends the glob. */
    private Token token() {
      char c = glob.charAt(pos++);
      switch (c) {
        case '*' -> {
          if (pos < glob.length() && glob.charAt(pos) == '*') {
            pos++;
            return new Token(Kind.ANY, c, null, false);
          }
          return new Token(Kind.STAR, c, null, false);
        }
        case '?' -> {
          return new Token(Kind.ONE, c, null, false);
        }
        case '[' -> {
          int end = glob.indexOf(']', pos + 1);
          if (end < 0) throw new IllegalArgumentException("'" + glob + "': a [ without a ]");
          String body = glob.substring(pos, end);
          pos = end + 1;
          boolean negated = body.startsWith("!");
          return new Token(Kind.SET, c, negated ? body.substring(1) : body, negated);
        }
        case '\\' -> {
          return pos < glob.length() ? new Token(Kind.CHAR, glob.charAt(pos++), null, false) : null;
        }
        default -> {
          return new Token(Kind.CHAR, c, null, false);
        }
      }
    }
  }

  @Override
  public String toString() {
    return glob;
  }
}
