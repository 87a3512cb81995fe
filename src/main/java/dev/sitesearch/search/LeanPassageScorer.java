package dev.sitesearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage's distinct words, times the position norm), without
 * its garbage: Lucene's scorer counts a passage's words in a new hash table with a 32 KB block for
 * every passage it weighs, which made up 29% of the bytes a search allocated (JFR, issue 13). A
 * passage holds a handful of matches, so a scan of the words seen so far counts them; the sum runs
 * over the words in the order they first occur, as Lucene's does, so the scores are the same.
 */
final class LeanPassageScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    int[] firstMatch = new int[matches];
    int[] inPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int word = 0;
      while (word < distinct && !terms[firstMatch[word]].bytesEquals(terms[i])) word++;
      if (word == distinct) firstMatch[distinct++] = i;
      inPassage[word]++;
    }
    double score = 0; // summed in double precision, as Lucene's is
    for (int word = 0; word < distinct; word++)
      score +=
          tf(inPassage[word], passage.getLength())
              * weight(contentLength, freqsInDoc[firstMatch[word]]);
    return (float) (score * norm(passage.getStartOffset()));
  }
}
