package dev.sitesearch.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * The English words a loose query word is dropped for when the query has other words: Snowball's
 * list (about 170 words, shipped with Lucene), which also holds the question words people type
 * ("what", "how", "which", "about") that Lucene's 33-word default keeps. The index keeps every
 * word, so quoted phrases still match exactly.
 */
final class StopWords {
  private static final CharArraySet ENGLISH = load();

  private StopWords() {}

  static boolean contains(String word) {
    return ENGLISH.contains(word.toLowerCase(Locale.ROOT));
  }

  private static CharArraySet load() {
    var resource = "/org/apache/lucene/analysis/snowball/english_stop.txt";
    try (var in = WordlistLoader.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException("Lucene's English stop list is missing: " + resource);
      return CharArraySet.unmodifiableSet(
          WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
