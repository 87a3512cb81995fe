package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean scorer picks the passages Lucene's would: the same score, bit for bit. */
class LeanPassageScorerTest {
  @Test
  void scores_every_passage_exactly_as_lucene_does() {
    var lucene = new PassageScorer();
    var lean = new LeanPassageScorer();
    var random = new Random(42);
    String[] words = {"heart", "attack", "care", "ward", "nurse", "heartbeat"};
    for (int round = 0; round < 5_000; round++) {
      var passage = new Passage();
      int start = random.nextInt(5_000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 10_000);
      int offset = start;
      int matches = random.nextInt(12);
      for (int i = 0; i < matches; i++) {
        String word = words[random.nextInt(words.length)];
        // A word's frequency in the page is one figure for the page, whichever match carries it.
        int inDoc = 1 + Math.floorMod(word.hashCode(), 9);
        passage.addMatch(offset, offset + word.length(), new BytesRef(word), inDoc);
        offset += word.length() + 1 + random.nextInt(30);
      }
      passage.setEndOffset(offset + random.nextInt(100));
      int contentLength = offset + 200 + random.nextInt(10_000);
      assertEquals(
          Float.floatToIntBits(lucene.score(passage, contentLength)),
          Float.floatToIntBits(lean.score(passage, contentLength)),
          "passage " + round + ": " + passage);
    }
  }
}
