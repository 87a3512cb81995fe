package dev.sitesearch.search;

import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.TypedWords;
import java.util.List;

/**
 * Whether a request is heavy, known before it runs, so the server can keep heavy ones from taking
 * every core while ordinary ones wait (the HTTP search gate runs them one at a time). What a search
 * box, a topic page or the widget sends is ordinary: up to {@value #MAX_ORDINARY_SIZE} hits, a few
 * words, at most one prefix, the first thousand hits. On 100,000 pages such a search takes a few
 * milliseconds; each thing that makes a request heavy multiplies that (QueryCostBenchmark: a
 * hundred highlighted hits, 128 words, eight common prefixes, the 10,000th hit each cost 100-500
 * ms).
 */
public enum SearchCost {
  ORDINARY,
  HEAVY;

  /** Hits per page a page or widget shows; each is read and highlighted. */
  public static final int MAX_ORDINARY_SIZE = 20;

  /** How deep a page of hits may lie ({@code page × size}). */
  public static final int MAX_ORDINARY_WINDOW = 1_000;

  /** Terms in the query (as the parser counts them, excluded ones included). */
  public static final int MAX_ORDINARY_TERMS = 16;

  /** Prefixes in the query: one is a word being typed, more are a list of expansions. */
  public static final int MAX_ORDINARY_PREFIXES = 1;

  public static SearchCost of(SearchRequest request) {
    if (request.size() > MAX_ORDINARY_SIZE
        || (long) request.page() * request.size() > MAX_ORDINARY_WINDOW) {
      return HEAVY;
    }
    UserQuery query = UserQueryParser.parse(request.q());
    int terms = 0;
    int prefixes = 0;
    for (List<Clause> clauses : List.of(query.include(), query.exclude())) {
      for (Clause clause : clauses) {
        terms += UserQueryParser.terms(clause);
        prefixes += prefixes(clause);
      }
    }
    return terms > MAX_ORDINARY_TERMS || prefixes > MAX_ORDINARY_PREFIXES ? HEAVY : ORDINARY;
  }

  private static int prefixes(Clause clause) {
    return switch (clause) {
      case Prefix p -> 1;
      case TypedWords words -> words.parts().stream().mapToInt(SearchCost::prefixes).sum();
      case AnyOf any -> any.options().stream().mapToInt(SearchCost::prefixes).sum();
      default -> 0;
    };
  }
}
