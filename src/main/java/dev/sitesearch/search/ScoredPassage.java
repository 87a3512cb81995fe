package dev.sitesearch.search;

/**
 * One passage of a page as the highlighter scored it, copied out of its reused object: its offsets
 * in the body, its score and its matches' offsets, in order.
 */
record ScoredPassage(int start, int end, float score, int[] starts, int[] ends) {
  int matches() {
    return starts.length;
  }
}
