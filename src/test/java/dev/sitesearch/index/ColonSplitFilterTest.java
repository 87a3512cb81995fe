package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sitesearch.config.Stemmer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * The colon filter reads text as Lucene's general mapping of ":" to " " did (the indexes written
 * before it stay valid): the same characters, the same offsets, the same words through the
 * analyzer.
 */
class ColonSplitFilterTest {
  private static final NormalizeCharMap COLON = colon();

  private static NormalizeCharMap colon() {
    var builder = new NormalizeCharMap.Builder();
    builder.add(":", " ");
    return builder.build();
  }

  @Test
  void reads_the_same_characters_and_offsets_as_the_general_mapping() throws IOException {
    var random = new Random(42);
    String alphabet = "ab: :é\u00e9\uD83D\uDE00-'\n.0";
    for (int round = 0; round < 300; round++) {
      var text = new StringBuilder();
      int length = random.nextInt(round < 280 ? 200 : 12_000); // past the tokenizer's 4 KB buffer
      for (int i = 0; i < length; i++)
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      int chunk = 1 + random.nextInt(64);
      var ours = new ColonSplitFilter(new StringReader(text.toString()));
      var lucenes = new MappingCharFilter(COLON, new StringReader(text.toString()));
      assertEquals(readAll(lucenes, chunk), readAll(ours, chunk), text.toString());
      for (int offset = 0; offset <= length; offset += 1 + random.nextInt(50)) {
        assertEquals(lucenes.correctOffset(offset), ours.correctOffset(offset));
      }
    }
  }

  @Test
  void colons_split_words_in_the_text_analyzer_with_offsets_into_the_original() throws IOException {
    String text = "title:broadband and Medigy:Telehealth, 10:30 a.m. http://x.org/a:b";
    var old =
        new Analyzer() {
          private final TextAnalyzer current = new TextAnalyzer(Stemmer.PORTER);

          @Override
          protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(COLON, reader);
          }

          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return current.createComponents(fieldName);
          }
        };
    List<String> words = tokens(new TextAnalyzer(Stemmer.PORTER), text);
    assertEquals(tokens(old, text), words);
    assertEquals(
        List.of(
            "titl 0-5",
            "broadband 6-15",
            "and 16-19",
            "medigi 20-26",
            "telehealth 27-37",
            "10 39-41",
            "30 42-44",
            "a.m 45-48",
            "http 50-54",
            "x.org 57-62",
            "a 63-64",
            "b 65-66"),
        words);
  }

  private static String readAll(CharFilter filter, int chunk) throws IOException {
    var out = new StringBuilder();
    var buffer = new char[chunk + 3];
    for (int n; (n = filter.read(buffer, 1, chunk)) > 0; ) out.append(buffer, 1, n);
    return out.toString();
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    var out = new ArrayList<String>();
    try (var stream = analyzer.tokenStream("body", text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var offsets = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken())
        out.add(term + " " + offsets.startOffset() + "-" + offsets.endOffset());
      stream.end();
    }
    return out;
  }
}
