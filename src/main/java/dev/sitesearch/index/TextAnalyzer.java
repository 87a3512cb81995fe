package dev.sitesearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for the full-text fields, shared by indexing, querying and highlighting: possessives removed,
 * lower-cased, accents and ligatures folded ({@code diabète} = {@code diabete}), Porter-stemmed. No stop words are
 * removed, so a phrase such as "to be or not to be" still matches exactly.
 */
public final class TextAnalyzer extends Analyzer {
  /**
   * A colon joins letters into one word for the standard tokenizer (as in Swedish); here it separates them, so
   * {@code title:broadband} and "Medigy:Telehealth" find their words.
   */
  private static final NormalizeCharMap COLON_SPLITS = colonMap();

  @Override
  protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
    return new MappingCharFilter(COLON_SPLITS, reader);
  }

  @Override
  protected java.io.Reader initReaderForNormalization(String fieldName, java.io.Reader reader) {
    return new MappingCharFilter(COLON_SPLITS, reader);
  }

  private static NormalizeCharMap colonMap() {
    var builder = new NormalizeCharMap.Builder();
    builder.add(":", " ");
    return builder.build();
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    var source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
