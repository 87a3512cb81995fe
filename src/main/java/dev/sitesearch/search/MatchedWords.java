package dev.sitesearch.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * The query's clauses as they will match: one query per clause that matches something (directly or through a
 * typo), in the order typed, and what the ranking features need to know about them.
 *
 * @param matching   a query per matching clause; a page needs one of them
 * @param pairTerms  per clause searched (matching or not), its single analysed term when it is one known word,
 *                   else null, which breaks a run: runs of such terms are what proximity looks at
 * @param typoMatched words that matched only with a typo allowed
 * @param hadWords   whether the query had words at all (none matching means no page, not every page)
 * @param exclude    a query per excluded clause
 */
record MatchedWords(List<Query> matching, List<String> pairTerms, List<String> typoMatched, boolean hadWords,
    List<Query> exclude) {
  MatchedWords {
    matching = List.copyOf(matching);
    pairTerms = Collections.unmodifiableList(new ArrayList<>(pairTerms)); // holds nulls
    typoMatched = List.copyOf(typoMatched);
    exclude = List.copyOf(exclude);
  }

  boolean isEmpty() {
    return matching.isEmpty();
  }
}
