package dev.sitesearch.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The query the highlighter marks in one field: the words and phrases of a query in that field as
 * one flat "any of these" query. The highlighter asks each hit for the query's matches, building
 * the query's weight again for every hit and field and matching every field's words before it keeps
 * its own field's; with the ranking's nesting (a best-field choice over BM25F blends of every
 * field, per clause) that was a sixth of a search's time (JFR, issue 13). Phrases stay phrases, so
 * a quoted phrase is marked only where it occurs; excluded words are left out, as the query's
 * visitor leaves them.
 */
final class HighlightQuery {
  private HighlightQuery() {}

  /**
   * {@code rewritten}'s terms and phrases in {@code field} as SHOULD clauses of one query; {@code
   * rewritten} itself when flattening would pass Lucene's clause limit.
   */
  static Query flatten(Query rewritten, String field) {
    var clauses = new LinkedHashSet<Query>();
    rewritten.visit(new Collector(clauses, field));
    if (clauses.isEmpty()) return new MatchNoDocsQuery("nothing to mark");
    if (clauses.size() > IndexSearcher.getMaxClauseCount()) return rewritten;
    var any = new BooleanQuery.Builder();
    clauses.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  /**
   * The words of a {@link #flatten flattened} query, sorted as the highlighter needs them, when it
   * has nothing but single words; null when it has a phrase or a pattern.
   */
  static BytesRef[] wordsOnly(Query flat) {
    if (flat instanceof MatchNoDocsQuery) return new BytesRef[0];
    if (!(flat instanceof BooleanQuery any)) return null;
    var words = new TreeSet<BytesRef>();
    for (BooleanClause clause : any.clauses()) {
      if (!(clause.query() instanceof TermQuery word)) return null;
      words.add(word.getTerm().bytes());
    }
    return words.toArray(BytesRef[]::new);
  }

  /**
   * Collects marking clauses: a term query per term, phrases and term-matching queries (a prefix's
   * words) whole. MUST_NOT subtrees are skipped by {@link QueryVisitor}'s default sub-visitor.
   */
  private static final class Collector extends QueryVisitor {
    private final Set<Query> clauses;
    private final String field;

    Collector(Set<Query> clauses, String field) {
      this.clauses = clauses;
      this.field = field;
    }

    @Override
    public boolean acceptField(String name) {
      return field.equals(name);
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) {
        clauses.add(query);
        return;
      }
      for (Term term : terms) if (field.equals(term.field())) clauses.add(new TermQuery(term));
    }

    @Override
    public void consumeTermsMatching(
        Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      clauses.add(query);
    }
  }
}
