package dev.sitesearch.search;

import dev.sitesearch.config.ConfigException;
import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.TextFolding;
import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.TypedWords;
import dev.sitesearch.search.UserQuery.Word;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * Applies synonyms to the loose words of a query, at query time, with Lucene's {@link
 * SynonymGraphFilter}: runs of words go through the filter and, where the token graph branches
 * ("ccm" | "chronic care management"), the words become an {@link AnyOf} of the alternatives as
 * phrases. Phrases in quotes are left exactly as typed.
 */
final class SynonymExpander {
  static final SynonymExpander NONE = new SynonymExpander(null);

  private final Analyzer analyzer;

  private SynonymExpander(SynonymMap map) {
    this.analyzer =
        map == null || map.fst == null
            ? null
            : new Analyzer() {
              @Override
              protected TokenStreamComponents createComponents(String fieldName) {
                var source = new WhitespaceTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new SynonymGraphFilter(stream, map, true));
              }
            };
  }

  /** The synonyms the settings name; a file that does not parse is a configuration error. */
  static SynonymExpander of(RankingSettings.Synonyms source) {
    if (!source.on()) return NONE;
    try {
      return fromFile(source.file());
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new ConfigException(
          source.file() + ": ranking.synonyms: cannot read the synonyms: " + e.getMessage(), e);
    }
  }

  /**
   * The synonyms the settings name plus an editor's groups (each a multi-way rule: any of its words
   * or phrases finds the others); the groups' words were checked to hold none of the list's syntax.
   */
  static SynonymExpander of(RankingSettings.Synonyms source, List<List<String>> groups) {
    if (groups.isEmpty()) return of(source);
    var rules = new StringBuilder();
    for (List<String> group : groups) rules.append(String.join(", ", group)).append('\n');
    try {
      SolrSynonymParser parser = parser();
      if (source.on()) {
        try (Reader base = Files.newBufferedReader(source.file())) {
          parser.parse(base);
        }
      }
      parser.parse(new StringReader(rules.toString()));
      return new SynonymExpander(parser.build());
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new ConfigException("ranking.synonyms: cannot read the synonyms: " + e.getMessage(), e);
    }
  }

  /** A Solr-format synonyms file; throws with the line at fault when it cannot be read. */
  static SynonymExpander fromFile(Path file) throws IOException, ParseException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return parse(reader);
    }
  }

  private static SynonymExpander parse(Reader reader) throws IOException, ParseException {
    SolrSynonymParser parser = parser();
    parser.parse(reader);
    return new SynonymExpander(parser.build());
  }

  private static SolrSynonymParser parser() {
    return new SolrSynonymParser(
        true,
        true,
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            var source = new WhitespaceTokenizer();
            return new TokenStreamComponents(
                source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
          }
        });
  }

  /**
   * A query whose synonyms would add up to more terms than this is searched as typed: each term is
   * a clause per text field, and Lucene refuses a query of more than 1,024 clauses.
   */
  static final int MAX_EXPANDED_TERMS = 2 * UserQueryParser.MAX_TERMS;

  UserQuery expand(UserQuery query) {
    UserQuery expanded = expandAll(query);
    int terms = expanded.include().stream().mapToInt(UserQueryParser::terms).sum();
    return terms > MAX_EXPANDED_TERMS ? query : expanded;
  }

  private UserQuery expandAll(UserQuery query) {
    if (analyzer == null) return query;
    var out = new ArrayList<Clause>();
    var run = new ArrayList<Word>();
    for (Clause clause : query.include()) {
      if (clause instanceof Word w) {
        run.add(w);
      } else {
        try {
          flush(run, out);
        } catch (RuntimeException e) {
          return query;
        }
        out.add(clause);
      }
    }
    try {
      flush(run, out);
    } catch (RuntimeException e) {
      return query; // synonyms refine a search; they must never break one
    }
    return new UserQuery(out, query.exclude());
  }

  private void flush(List<Word> run, List<Clause> out) {
    run.removeIf(w -> w.text().isBlank());
    if (run.isEmpty()) return;
    String text = String.join(" ", run.stream().map(Word::text).toList());
    List<String> typed =
        new ArrayList<>(); // what the visitor typed, normalised as the synonyms are
    for (Word w : run) typed.add(TextFolding.fold(w.text()).toLowerCase(Locale.ROOT));
    int cursor = 0;
    try (TokenStream stream = analyzer.tokenStream("q", text)) {
      var graph = new GraphTokenStreamFiniteStrings(stream);
      int[] points = graph.articulationPoints();
      int start = 0;
      for (int i = 0; i <= points.length; i++) {
        int end = i < points.length ? points[i] : -1;
        if (graph.hasSidePath(start)) {
          var options = new ArrayList<Clause>();
          for (Iterator<TokenStream> it = graph.getFiniteStrings(start, end); it.hasNext(); ) {
            List<String> path = terms(it.next());
            boolean asTyped =
                cursor + path.size() <= typed.size()
                    && typed.subList(cursor, cursor + path.size()).equals(path);
            if (asTyped && path.size() > 1) {
              // as typed, the words need not be adjacent; together they earn the phrase's score as
              // well
              options.add(new TypedWords(path.stream().<Clause>map(Word::new).toList()));
              options.add(new Phrase(String.join(" ", path)));
              cursor += path.size();
            } else {
              if (asTyped) cursor += path.size();
              options.add(new Phrase(String.join(" ", path)));
            }
          }
          out.add(new AnyOf(options));
        } else {
          cursor++;
          Term[] stacked = graph.getTerms("q", start);
          if (stacked.length == 1) {
            out.add(new Word(stacked[0].text()));
          } else {
            out.add(
                new AnyOf(Arrays.stream(stacked).<Clause>map(t -> new Word(t.text())).toList()));
          }
        }
        start = end;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run.clear();
  }

  private static List<String> terms(TokenStream path) throws IOException {
    var words = new ArrayList<String>();
    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
    path.reset();
    while (path.incrementToken()) words.add(term.toString());
    path.end();
    path.close();
    return words;
  }
}
