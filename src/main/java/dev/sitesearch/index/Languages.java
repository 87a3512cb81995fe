package dev.sitesearch.index;

import dev.sitesearch.config.Stemmer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * How the text of each language is analysed, shared by indexer and searcher. A page's text goes
 * into the text fields of its language's <em>analysis</em>, named by the language's primary subtag
 * ({@code fr} for {@code fr} and {@code fr-CA}): {@code title@fr}, {@code body@fr}, {@code
 * _spell@fr}. English and pages of unknown language (a bare content folder) keep the plain names
 * ({@code title}, {@code body}, {@code _spell}) and the English {@link TextAnalyzer} with the
 * configured stemmer, so an English site's index and ranking are what they were.
 *
 * <p>Each language gets Lucene's analyzer for it (its stemmer, elision of {@code l'}, its
 * normalisation), with accents folded as in English and <em>no</em> stop words removed from the
 * index (a quoted phrase still matches exactly); its stop words are dropped from loose query words
 * instead ({@link Language#stopWords()}). Chinese, Japanese and Korean share one analysis:
 * overlapping pairs of characters (CJKBigramFilter), and the single characters too in the index, so
 * a word is found inside a sentence written without spaces, and a one-character word on its own. A
 * language Lucene has no analyzer for (Ukrainian, Polish among them) is lower-cased and folded, not
 * stemmed.
 *
 * <p>The table below decides which fields a page's words land in: changing it changes the document
 * layout, so it goes with a {@link Schema#VERSION} bump.
 */
public final class Languages {
  /** Separates a text field's name from its language: {@code body@fr}. */
  public static final char SEPARATOR = '@';

  /** The analysis of English pages and of pages whose language is unknown. */
  public static final String DEFAULT_KEY = "";

  /** The analysis Chinese, Japanese and Korean pages share. */
  public static final String CJK_KEY = "cjk";

  private static final Pattern SUBTAG = Pattern.compile("[a-z]{2,8}");

  /**
   * Lucene's analyzer for a language, made with the stop words it removes (none, here), and its own
   * stop words.
   */
  private record LuceneAnalyzer(
      Function<CharArraySet, Analyzer> make, Supplier<CharArraySet> stopWords) {}

  private static LuceneAnalyzer lucene(
      Function<CharArraySet, Analyzer> make, Supplier<CharArraySet> stopWords) {
    return new LuceneAnalyzer(make, stopWords);
  }

  private static final Map<String, LuceneAnalyzer> LUCENE =
      Map.ofEntries(
          Map.entry("ar", lucene(ArabicAnalyzer::new, ArabicAnalyzer::getDefaultStopSet)),
          Map.entry("bg", lucene(BulgarianAnalyzer::new, BulgarianAnalyzer::getDefaultStopSet)),
          Map.entry("bn", lucene(BengaliAnalyzer::new, BengaliAnalyzer::getDefaultStopSet)),
          Map.entry("ca", lucene(CatalanAnalyzer::new, CatalanAnalyzer::getDefaultStopSet)),
          Map.entry("ckb", lucene(SoraniAnalyzer::new, SoraniAnalyzer::getDefaultStopSet)),
          Map.entry("cs", lucene(CzechAnalyzer::new, CzechAnalyzer::getDefaultStopSet)),
          Map.entry("da", lucene(DanishAnalyzer::new, DanishAnalyzer::getDefaultStopSet)),
          Map.entry("de", lucene(GermanAnalyzer::new, GermanAnalyzer::getDefaultStopSet)),
          Map.entry("el", lucene(GreekAnalyzer::new, GreekAnalyzer::getDefaultStopSet)),
          Map.entry("es", lucene(SpanishAnalyzer::new, SpanishAnalyzer::getDefaultStopSet)),
          Map.entry("et", lucene(EstonianAnalyzer::new, EstonianAnalyzer::getDefaultStopSet)),
          Map.entry("eu", lucene(BasqueAnalyzer::new, BasqueAnalyzer::getDefaultStopSet)),
          Map.entry("fa", lucene(PersianAnalyzer::new, PersianAnalyzer::getDefaultStopSet)),
          Map.entry("fi", lucene(FinnishAnalyzer::new, FinnishAnalyzer::getDefaultStopSet)),
          Map.entry("fr", lucene(FrenchAnalyzer::new, FrenchAnalyzer::getDefaultStopSet)),
          Map.entry("ga", lucene(IrishAnalyzer::new, IrishAnalyzer::getDefaultStopSet)),
          Map.entry("gl", lucene(GalicianAnalyzer::new, GalicianAnalyzer::getDefaultStopSet)),
          Map.entry("hi", lucene(HindiAnalyzer::new, HindiAnalyzer::getDefaultStopSet)),
          Map.entry("hu", lucene(HungarianAnalyzer::new, HungarianAnalyzer::getDefaultStopSet)),
          Map.entry("hy", lucene(ArmenianAnalyzer::new, ArmenianAnalyzer::getDefaultStopSet)),
          Map.entry("id", lucene(IndonesianAnalyzer::new, IndonesianAnalyzer::getDefaultStopSet)),
          Map.entry("it", lucene(ItalianAnalyzer::new, ItalianAnalyzer::getDefaultStopSet)),
          Map.entry("lt", lucene(LithuanianAnalyzer::new, LithuanianAnalyzer::getDefaultStopSet)),
          Map.entry("lv", lucene(LatvianAnalyzer::new, LatvianAnalyzer::getDefaultStopSet)),
          Map.entry("ne", lucene(NepaliAnalyzer::new, NepaliAnalyzer::getDefaultStopSet)),
          Map.entry("nl", lucene(DutchAnalyzer::new, DutchAnalyzer::getDefaultStopSet)),
          Map.entry("no", lucene(NorwegianAnalyzer::new, NorwegianAnalyzer::getDefaultStopSet)),
          Map.entry("nb", lucene(NorwegianAnalyzer::new, NorwegianAnalyzer::getDefaultStopSet)),
          Map.entry("nn", lucene(NorwegianAnalyzer::new, NorwegianAnalyzer::getDefaultStopSet)),
          Map.entry("pt", lucene(PortugueseAnalyzer::new, PortugueseAnalyzer::getDefaultStopSet)),
          Map.entry("ro", lucene(RomanianAnalyzer::new, RomanianAnalyzer::getDefaultStopSet)),
          Map.entry("ru", lucene(RussianAnalyzer::new, RussianAnalyzer::getDefaultStopSet)),
          Map.entry("sr", lucene(SerbianAnalyzer::new, SerbianAnalyzer::getDefaultStopSet)),
          Map.entry("sv", lucene(SwedishAnalyzer::new, SwedishAnalyzer::getDefaultStopSet)),
          Map.entry("ta", lucene(TamilAnalyzer::new, TamilAnalyzer::getDefaultStopSet)),
          Map.entry("te", lucene(TeluguAnalyzer::new, TeluguAnalyzer::getDefaultStopSet)),
          Map.entry("th", lucene(ThaiAnalyzer::new, ThaiAnalyzer::getDefaultStopSet)),
          Map.entry("tr", lucene(TurkishAnalyzer::new, TurkishAnalyzer::getDefaultStopSet)));

  /**
   * One analysis: how its fields are analysed when indexed and when queried, and the stop words
   * dropped from its loose query words.
   *
   * @param key the field-name suffix, {@code ""} for English (plain names)
   * @param indexAnalyzer the analysis of its text fields in the index
   * @param queryAnalyzer the analysis of query words (the same, but for CJK: pairs only, since a
   *     query's pairs at consecutive positions find the word wherever it is written)
   * @param stopWords dropped from loose query words when the query has other words
   * @param english whether this is the English analysis (the one the synonym list is for)
   */
  public record Language(
      String key,
      Analyzer indexAnalyzer,
      Analyzer queryAnalyzer,
      CharArraySet stopWords,
      boolean english) {

    /** The name of {@code base} (a text field, or {@link Fields#SPELL}) in this analysis. */
    public String field(String base) {
      return Languages.field(base, key);
    }
  }

  private final Stemmer englishStemmer;
  private final Map<String, Language> byKey = new ConcurrentHashMap<>();

  /** The analyses, English with {@code englishStemmer} ({@code fields.stemmer}). */
  public Languages(Stemmer englishStemmer) {
    this.englishStemmer = englishStemmer;
  }

  /**
   * The analysis a page in language {@code lang} (Hugo's language key: {@code fr}, {@code pt-br},
   * {@code zh-cn}; "" when unknown) is indexed with.
   */
  public static String key(String lang) {
    String primary = lang.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    if (primary.isEmpty() || primary.equals("en")) return DEFAULT_KEY;
    if (primary.equals("zh") || primary.equals("ja") || primary.equals("ko")) return CJK_KEY;
    return SUBTAG.matcher(primary).matches() ? primary : DEFAULT_KEY;
  }

  /** {@code base} as the text field of the analysis {@code key}: {@code body}, {@code body@fr}. */
  public static String field(String base, String key) {
    return key.isEmpty() ? base : base + SEPARATOR + key;
  }

  /** The analysis a field name belongs to ({@code body@fr} → {@code fr}, {@code body} → ""). */
  public static String keyOf(String field) {
    int at = field.lastIndexOf(SEPARATOR);
    return at < 0 ? DEFAULT_KEY : field.substring(at + 1);
  }

  /** The field {@code field} names without its language ({@code body@fr} → {@code body}). */
  public static String baseOf(String field) {
    int at = field.lastIndexOf(SEPARATOR);
    return at < 0 ? field : field.substring(0, at);
  }

  /** The analysis of {@code key} (as {@link #key} gives it). */
  public Language language(String key) {
    return byKey.computeIfAbsent(key, this::make);
  }

  /** The analysis of a page written in {@code lang}. */
  public Language ofLang(String lang) {
    return language(key(lang));
  }

  /**
   * What the index writer analyses each field with: a text field by its language, the spelling
   * fields as typed ({@link SpellingAnalyzer}).
   */
  public Analyzer indexAnalyzer() {
    var spelling = new SpellingAnalyzer();
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        if (baseOf(fieldName).equals(Fields.SPELL)) return spelling;
        return language(keyOf(fieldName)).indexAnalyzer();
      }
    };
  }

  /** What query text is analysed with in each field: the same, by the field's language. */
  public Analyzer queryAnalyzer() {
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return language(keyOf(fieldName)).queryAnalyzer();
      }
    };
  }

  private Language make(String key) {
    if (key.equals(DEFAULT_KEY)) {
      Analyzer english = new TextAnalyzer(englishStemmer);
      return new Language(key, english, english, ENGLISH_STOP_WORDS, true);
    }
    if (key.equals(CJK_KEY)) {
      return new Language(
          key, new CjkAnalyzer(true), new CjkAnalyzer(false), ENGLISH_STOP_WORDS, false);
    }
    LuceneAnalyzer lucene = LUCENE.get(key);
    if (lucene == null) {
      var plain = new PlainAnalyzer();
      return new Language(key, plain, plain, CharArraySet.EMPTY_SET, false);
    }
    var folded = new Folded(lucene.make().apply(CharArraySet.EMPTY_SET));
    return new Language(key, folded, folded, lucene.stopWords().get(), false);
  }

  /**
   * Snowball's English list (about 170 words, shipped with Lucene), which also holds the question
   * words people type ("what", "how", "which", "about") that Lucene's 33-word default keeps.
   */
  public static final CharArraySet ENGLISH_STOP_WORDS = englishStopWords();

  private static CharArraySet englishStopWords() {
    var resource = "/org/apache/lucene/analysis/snowball/english_stop.txt";
    try (var in = WordlistLoader.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException("Lucene's English stop list is missing: " + resource);
      return CharArraySet.unmodifiableSet(
          WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lucene's analyzer for a language, with accents folded and colons splitting words. */
  private static final class Folded extends AnalyzerWrapper {
    private final Analyzer delegate;

    Folded(Analyzer delegate) {
      super(delegate.getReuseStrategy());
      this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return delegate;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
      return new ColonSplitFilter(reader);
    }

    @Override
    protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
      return new ColonSplitFilter(reader);
    }

    @Override
    protected TokenStreamComponents wrapComponents(
        String fieldName, TokenStreamComponents components) {
      return new TokenStreamComponents(
          components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
    }

    @Override
    protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(in);
    }
  }

  /** Words lower-cased and folded, not stemmed: a language Lucene has no analyzer for. */
  private static final class PlainAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new ColonSplitFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new StandardTokenizer();
      return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /**
   * Chinese, Japanese and Korean: full-width forms made plain, then overlapping pairs of
   * characters; with {@code unigrams} (the index) each character on its own too, so a query of one
   * character finds it inside a word. Latin words in the same text are lower-cased and folded.
   */
  private static final class CjkAnalyzer extends Analyzer {
    private final boolean unigrams;

    CjkAnalyzer(boolean unigrams) {
      this.unigrams = unigrams;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new ColonSplitFilter(new CJKWidthCharFilter(reader));
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new ColonSplitFilter(new CJKWidthCharFilter(reader));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream =
          new CJKBigramFilter(
              stream,
              CJKBigramFilter.HAN
                  | CJKBigramFilter.HIRAGANA
                  | CJKBigramFilter.KATAKANA
                  | CJKBigramFilter.HANGUL,
              unigrams);
      return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
