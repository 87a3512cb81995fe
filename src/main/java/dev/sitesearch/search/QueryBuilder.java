package dev.sitesearch.search;

import dev.sitesearch.index.Schema;
import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into a Lucene query over the schema's text fields with their boosts.
 *
 * <p>Matching strategy: words that no page contains are left out of the required set (they cannot match, and must
 * not empty a long query); of the rest, up to three must all match, and of a longer query three quarters (as
 * Elasticsearch's {@code minimum_should_match: "3<75%"}). {@link #relaxed} asks for any one word, the fallback when
 * the strict form finds nothing.
 */
final class QueryBuilder {
  /** Small, so a page matching a word in two fields gets a little more than one matching it in one. */
  private static final float TIE_BREAKER = 0.1f;
  private static final int MIN_PREFIX_CHARS = 2;

  private final Analyzer analyzer;
  private final Map<String, Float> fields;

  QueryBuilder(Analyzer analyzer, Schema schema) {
    this.analyzer = analyzer;
    this.fields = schema.textFields();
  }

  /** The query and what was left out of it. */
  record Built(Query query, List<String> ignoredWords, int required, int known) {}

  Built build(UserQuery user, IndexReader reader) {
    return build(user, reader, false);
  }

  Built relaxed(UserQuery user, IndexReader reader) {
    return build(user, reader, true);
  }

  private Built build(UserQuery user, IndexReader reader, boolean relaxed) {
    if (user.isEmpty()) return new Built(new MatchAllDocsQuery(), List.of(), 0, 0);
    var known = new ArrayList<Query>();
    var ignored = new ArrayList<String>();
    for (Clause clause : user.include()) {
      Query q = clause(clause);
      if (q == null) continue; // punctuation only
      if (matchesSomething(clause, reader)) {
        known.add(q);
      } else {
        ignored.add(describe(clause));
      }
    }
    var builder = new BooleanQuery.Builder();
    int required = 0;
    if (known.isEmpty()) {
      boolean hadWords = !ignored.isEmpty();
      builder.add(hadWords ? new MatchNoDocsQuery("no page has these words") : new MatchAllDocsQuery(), Occur.MUST);
    } else {
      known.forEach(q -> builder.add(q, Occur.SHOULD));
      required = relaxed ? 1 : known.size() <= 3 ? known.size() : (int) Math.ceil(known.size() * 0.75);
      builder.setMinimumNumberShouldMatch(required);
    }
    for (Clause clause : user.exclude()) {
      Query q = clause(clause);
      if (q != null) builder.add(q, Occur.MUST_NOT);
    }
    return new Built(builder.build(), ignored, required, known.size());
  }

  private Query clause(Clause clause) {
    return switch (clause) {
      case Word w -> analyzed(w.text());
      case Phrase p -> analyzed(p.text());
      case Prefix p -> prefix(p.text());
      case AnyOf any -> {
        var b = new BooleanQuery.Builder();
        int n = 0;
        for (Clause option : any.options()) {
          Query q = clause(option);
          if (q != null) {
            b.add(q, Occur.SHOULD);
            n++;
          }
        }
        yield n == 0 ? null : b.build();
      }
    };
  }

  /** One word or a phrase; a "word" the analyzer splits (covid-19) becomes a phrase of its parts. */
  private Query analyzed(String text) {
    List<AnalyzedTerm> terms = analyze(text);
    if (terms.isEmpty()) return null;
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      Query q;
      if (terms.size() == 1) {
        q = new TermQuery(new Term(field.getKey(), terms.get(0).text()));
      } else {
        var phrase = new PhraseQuery.Builder();
        for (AnalyzedTerm t : terms) phrase.add(new Term(field.getKey(), t.text()), t.position());
        q = phrase.build();
      }
      perField.add(new BoostQuery(q, field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  private Query prefix(String text) {
    String normalized = analyzer.normalize(fields.keySet().iterator().next(), text).utf8ToString();
    if (normalized.codePointCount(0, normalized.length()) < MIN_PREFIX_CHARS || !normalized.matches("[\\p{L}\\p{N}]+")) {
      return analyzed(text);
    }
    var perField = new ArrayList<Query>();
    for (var field : fields.entrySet()) {
      perField.add(new BoostQuery(new PrefixQuery(new Term(field.getKey(), normalized)), field.getValue()));
    }
    return new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  private boolean matchesSomething(Clause clause, IndexReader reader) {
    return switch (clause) {
      case Word w -> allTermsKnown(w.text(), reader);
      case Phrase p -> allTermsKnown(p.text(), reader);
      case Prefix p -> true;
      case AnyOf any -> any.options().stream().anyMatch(o -> matchesSomething(o, reader));
    };
  }

  private boolean allTermsKnown(String text, IndexReader reader) {
    try {
      for (AnalyzedTerm t : analyze(text)) {
        boolean found = false;
        for (String field : fields.keySet()) {
          if (reader.docFreq(new Term(field, t.text())) > 0) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Clause clause) {
    return switch (clause) {
      case Word w -> w.text();
      case Phrase p -> "\"" + p.text() + "\"";
      case Prefix p -> p.text() + "*";
      case AnyOf any -> String.join(" OR ", any.options().stream().map(QueryBuilder::describe).toList());
    };
  }

  record AnalyzedTerm(String text, int position) {}

  List<AnalyzedTerm> analyze(String text) {
    var out = new ArrayList<AnalyzedTerm>();
    try (TokenStream stream = analyzer.tokenStream(fields.keySet().iterator().next(), text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new AnalyzedTerm(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
