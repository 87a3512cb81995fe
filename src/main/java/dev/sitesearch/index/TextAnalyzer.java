package dev.sitesearch.index;

import dev.sitesearch.config.Stemmer;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * English analysis for the full-text fields, shared by indexing, querying and highlighting:
 * possessives removed, lower-cased, accents and ligatures folded ({@code diabète} = {@code
 * diabete}), stemmed (Porter unless the schema says otherwise). No stop words are removed, so a
 * phrase such as "to be or not to be" still matches exactly.
 */
public final class TextAnalyzer extends Analyzer {
  private final Stemmer stemmer;

  public TextAnalyzer(Stemmer stemmer) {
    this.stemmer = stemmer;
  }

  /** Colons split words ({@link ColonSplitFilter}), here and in the query. */
  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ColonSplitFilter(reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new ColonSplitFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    var source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = stem(stream);
    return new TokenStreamComponents(source, stream);
  }

  private TokenStream stem(TokenStream in) {
    return switch (stemmer) {
      case PORTER -> new PorterStemFilter(in);
      case SNOWBALL -> new SnowballFilter(in, new EnglishStemmer());
      case KSTEM -> new KStemFilter(in);
      case MINIMAL -> new EnglishMinimalStemFilter(in);
      case NONE -> in;
    };
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
