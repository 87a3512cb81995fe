package dev.sitesearch.search;

import dev.sitesearch.search.FieldQueries.AnalyzedTerm;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A typed word of letters that the analyzer splits ({@code two-dimensional}, {@code shock-sound},
 * {@code e-mail}) is one word of the query whose parts share its weight: a page that writes only
 * "dimensional" still matches "two-dimensional", at half a word's weight. Read as a phrase alone, a
 * compound no page writes matched nothing, and one that a title wrote outweighed every other word
 * (title weight times both parts); a third of a held-out collection's questions have one. The parts
 * written together earn {@code phraseWeight} on top, in whichever field (the parts' own scores
 * carry the field weights), and the closed form ("email" for "e-mail") counts as the whole word. A
 * part of one letter or a stop word ("x" of "x-ray", "on" of "on-line") is no word on its own and
 * counts only in the phrase. Words with digits ({@code covid-19}, {@code iso-9001}) are codes:
 * {@link WordMatcher} keeps them as phrases.
 */
record CompoundWord(FieldQueries fields, float phraseWeight) {
  private static final Pattern NOT_A_LETTER = Pattern.compile("\\P{L}+");

  /** Whether {@code text} is a word of letters that the analyzer splits. */
  boolean isCompound(String text) {
    return text.chars().noneMatch(Character::isDigit) && fields.analyze(text).size() > 1;
  }

  Query query(String text) {
    List<AnalyzedTerm> terms = fields.analyze(text);
    List<AnalyzedTerm> parts =
        terms.stream().filter(t -> t.text().length() > 1 && !fields.isStopWord(t.text())).toList();
    if (parts.isEmpty()) return fields.phrase(terms, 0);
    var b = new BooleanQuery.Builder();
    for (AnalyzedTerm part : parts)
      b.add(new BoostQuery(fields.term(part.text()), 1f / parts.size()), Occur.SHOULD);
    if (phraseWeight > 0)
      b.add(new BoostQuery(fields.unweightedPhrase(terms, 0), phraseWeight), Occur.SHOULD);
    String closed = closedForm(text);
    if (closed != null) b.add(fields.term(closed), Occur.SHOULD);
    return b.build();
  }

  /**
   * The compound itself, written with or without its hyphen: what an exclusion ({@code
   * -two-dimensional}) takes out, never a page that only has one of the parts.
   */
  Query exact(String text) {
    Query phrase = fields.phrase(fields.analyze(text), 0);
    String closed = closedForm(text);
    if (closed == null) return phrase;
    return new BooleanQuery.Builder()
        .add(phrase, Occur.SHOULD)
        .add(fields.term(closed), Occur.SHOULD)
        .build();
  }

  /** Whether some page has one of the parts or the closed form. */
  boolean known(String text, IndexReader reader) {
    String closed = closedForm(text);
    return fields.analyze(text).stream().anyMatch(t -> fields.known(t.text(), reader))
        || (closed != null && fields.known(closed, reader));
  }

  /** The parts written as one word, analysed ("email"), or null when that is not one term. */
  private String closedForm(String text) {
    List<AnalyzedTerm> closed = fields.analyze(NOT_A_LETTER.matcher(text).replaceAll(""));
    return closed.size() == 1 ? closed.get(0).text() : null;
  }
}
