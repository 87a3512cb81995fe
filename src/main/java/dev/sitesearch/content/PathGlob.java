package dev.sitesearch.content;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob as Hugo's page matchers and mount filters write it, with {@code /} as the separator:
 * {@code *} any characters but {@code /}, {@code **} any characters, {@code ?} one character but
 * {@code /}, {@code [abc]}, {@code [a-c]} and {@code [!a-c]} character classes, {@code {a,b}}
 * alternatives (nested ones too) and {@code \} to quote the next character.
 *
 * @param glob the pattern as written
 * @param regex what it compiles to
 */
record PathGlob(String glob, Pattern regex) {

  /** Compiles {@code glob}; throws {@link IllegalArgumentException} naming what is wrong. */
  static PathGlob of(String glob) {
    var re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = characterClass(glob, i, re);
        case '{' -> {
          depth++;
          re.append("(?:");
        }
        case '}' -> {
          if (depth == 0) throw new IllegalArgumentException("'" + glob + "': a } without a {");
          depth--;
          re.append(')');
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth != 0) throw new IllegalArgumentException("'" + glob + "': a { without a }");
    try {
      return new PathGlob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("'" + glob + "' is not a glob pattern");
    }
  }

  /**
   * Appends the class starting at {@code start} ({@code [}); returns the index of its {@code ]}.
   */
  private static int characterClass(String glob, int start, StringBuilder re) {
    int end = glob.indexOf(']', start + 2);
    if (end < 0) throw new IllegalArgumentException("'" + glob + "': a [ without a ]");
    String body = glob.substring(start + 1, end);
    boolean negated = body.startsWith("!");
    if (negated) body = body.substring(1);
    re.append('[');
    if (negated) re.append('^').append('/');
    for (char ch : body.toCharArray()) {
      if (ch == '-') re.append('-');
      else if (Character.isLetterOrDigit(ch)) re.append(ch);
      else re.append('\\').append(ch);
    }
    re.append(']');
    return end;
  }

  boolean matches(String s) {
    return regex.matcher(s).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
