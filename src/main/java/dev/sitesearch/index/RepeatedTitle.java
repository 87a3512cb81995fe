package dev.sitesearch.index;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo pages often open with a heading that repeats the front-matter title ({@code # Installing the
 * CLI}). Searched in both fields, its words would count at the title's weight and again at the
 * body's; the body is indexed from after the repetition instead, as a description repeating the
 * body's opening is not searched twice. Words are compared, not characters (case and punctuation do
 * not matter), and only at the very start of the body.
 */
final class RepeatedTitle {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private RepeatedTitle() {}

  /** {@code body} without an opening that repeats {@code title}; {@code body} when it does not. */
  static String removeFrom(String title, String body) {
    Matcher titleWords = WORD.matcher(title);
    Matcher bodyWords = WORD.matcher(body);
    int end = -1;
    while (titleWords.find()) {
      if (!bodyWords.find() || !same(titleWords.group(), bodyWords.group())) return body;
      end = bodyWords.end();
    }
    if (end < 0) return body;
    Matcher separator = AFTER_HEADING.matcher(body).region(end, body.length());
    // A heading ends the line, or the repetition ends a sentence ("Title. Text"); a sentence that
    // merely starts with the title's words ("Rust is…" under "Rust") is text and stays.
    if (end < body.length() && !separator.lookingAt()) return body;
    return body.substring(end < body.length() ? separator.end() : end);
  }

  /** What ends a heading or a title repeated as a sentence, and the space after it. */
  private static final Pattern AFTER_HEADING =
      Pattern.compile("[ \\t]*(?:\\R|[.:!?|\u2013\u2014-](?=\\s|$))\\s*");

  private static boolean same(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
