package dev.sitesearch.search;

import dev.sitesearch.index.TextFolding;
import java.util.ArrayList;
import java.util.List;

/**
 * Typo-tolerant matching of typed words against a facet value's words, for a facet's value finder:
 * each typed word must match a word of the value, as its start ({@code tele} finds {@code
 * Telehealth}) or, from 4 letters, within one edit (two from 8 letters) of the word or of its start
 * ({@code telehelth}, {@code pateint}); an edit is a letter added, dropped, changed or two swapped.
 * Case and accents never count. Values are compared in memory: a facet has at most its distinct
 * values, never the whole index.
 */
final class ValueMatch {
  private final List<String> typed;

  /** Typed words beyond these are ignored: a value's name is a few words, and each costs a pass. */
  static final int MAX_TYPED_WORDS = 8;

  ValueMatch(String text) {
    List<String> words = words(text);
    this.typed = words.size() > MAX_TYPED_WORDS ? words.subList(0, MAX_TYPED_WORDS) : words;
  }

  boolean isEmpty() {
    return typed.isEmpty();
  }

  /**
   * How far {@code value} is from the typed words: the sum of each typed word's fewest edits to a
   * word of the value (0 when every typed word starts a word), or -1 when some typed word matches
   * none.
   */
  int distance(String value) {
    List<String> words = words(value);
    int sum = 0;
    for (String t : typed) {
      int best = -1;
      for (String w : words) {
        int d = wordDistance(t, w);
        if (d >= 0 && (best < 0 || d < best)) best = d;
        if (best == 0) break;
      }
      if (best < 0) return -1;
      sum += best;
    }
    return sum;
  }

  /** Edits allowed for a typed word of this length. */
  static int allowedEdits(int length) {
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
  }

  /** The fewest edits from {@code t} to {@code w} or a start of it, or -1 beyond those allowed. */
  static int wordDistance(String t, String w) {
    if (w.startsWith(t)) return 0;
    int k = allowedEdits(t.length());
    if (k == 0) return -1;
    int best = -1;
    for (int len = Math.max(1, t.length() - k);
        len <= Math.min(w.length(), t.length() + k);
        len++) {
      int d = editDistance(t, w.substring(0, len), k);
      if (d >= 0 && (best < 0 || d < best)) best = d;
    }
    return best;
  }

  /**
   * Optimal string alignment distance (Levenshtein with swaps of neighbours), or -1 when above
   * {@code max}.
   */
  static int editDistance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) return -1;
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    int distance = d[a.length()][b.length()];
    return distance > max ? -1 : distance;
  }

  /** The words of a text, folded (lower case, no accents), at most 32 of them. */
  static List<String> words(String text) {
    var out = new ArrayList<String>();
    for (String w : TextFolding.fold(text).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && out.size() < 32) out.add(w.length() > 64 ? w.substring(0, 64) : w);
    }
    return out;
  }
}
