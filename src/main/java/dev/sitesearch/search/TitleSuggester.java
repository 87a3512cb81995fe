package dev.sitesearch.search;

import dev.sitesearch.index.TextFolding;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Completions from page titles as the visitor types: every word of the input must start a word of
 * the title (not only the first), newest pages first among equals, titles that begin with the input
 * before others. Built in memory from each new index commit; lookups take a fraction of a
 * millisecond and never wait for a rebuild.
 */
public final class TitleSuggester implements Closeable {
  /**
   * Above this many pages the first build runs on the refresh thread, so a site starts serving at
   * once: a JVM just started builds about 8,000 titles a second (20,000 took 2.4 of a 3.4 s launch,
   * JFR, issue 13), and completions a second late cost less than searches a second late.
   */
  static final int SYNC_BUILD_LIMIT = 2_000;

  /**
   * One completion.
   *
   * @param text the title, HTML-escaped, with the typed prefixes in {@code <mark>}
   */
  public record Suggestion(String text, String id, String url) {}

  private final String dateField;

  /** The suggester lookups use; replaced, never changed, on each new commit. */
  private volatile Built current;

  private long builtVersion = -1;

  /** The titles {@link #current} holds, by segment; null when they cannot be followed so. */
  private TitleChanges.Snapshot snapshot;

  private int fullBuilds;

  /** Below this many changed completions, they are changed in place whatever the site's size. */
  static final int IN_PLACE_CHANGES = 1_000;

  private final int inPlaceChanges;

  /**
   * @param dateField the page date, whose recency orders equally good completions; may be null
   */
  TitleSuggester(String dateField) {
    this(dateField, IN_PLACE_CHANGES);
  }

  /**
   * @param inPlaceChanges up to this many changed completions (or a quarter of the pages, if more)
   *     are changed in place; more are built anew
   */
  TitleSuggester(String dateField, int inPlaceChanges) {
    this.dateField = dateField;
    this.inPlaceChanges = inPlaceChanges;
  }

  /**
   * Brings the completions up to the reader's commit when it is a new one; lookups meanwhile use
   * the previous state. Only the segments the previous commit did not have are read, and the
   * completions are changed in place (an edit on a large site costs one title, not a rebuild of all
   * of them); when most titles changed (a rebuild, a large merge) they are built anew.
   */
  synchronized void rebuildIfChanged(IndexReader reader) throws IOException {
    long version = reader instanceof DirectoryReader dr ? dr.getVersion() : reader.hashCode();
    if (version == builtVersion) return;
    Built built = current;
    TitleChanges changes =
        built == null || snapshot == null ? null : snapshot.changesTo(reader, dateField);
    if (changes != null && changes.size() <= Math.max(inPlaceChanges, reader.numDocs() / 4)) {
      built.suggester.apply(changes);
      snapshot = changes.next();
    } else {
      build(reader);
    }
    builtVersion = version;
  }

  /** Builds the completions of {@code reader} anew and makes them current. */
  private void build(IndexReader reader) throws IOException {
    var suggester = new PageTitles();
    TitleChanges.Snapshot next;
    try {
      // Every title read once: as the changes from nothing, which also give the next snapshot.
      TitleChanges all = TitleChanges.Snapshot.EMPTY.changesTo(reader, dateField);
      suggester.build(
          all == null ? TitleEntries.of(reader, dateField) : TitleEntries.of(all.added()));
      next = all == null ? null : all.next();
    } catch (IOException | RuntimeException e) {
      suggester.close();
      throw e;
    }
    Built previous = current;
    current = new Built(suggester);
    snapshot = next;
    fullBuilds++;
    if (previous != null) previous.release(); // closed once the last lookup using it is done
  }

  /** How many times the completions were built from every title (for tests). */
  synchronized int fullBuilds() {
    return fullBuilds;
  }

  public List<Suggestion> suggest(String typed, int size) throws IOException {
    return suggest(typed, size, null);
  }

  /** Completions from the pages in {@code lang} only (a code as pages store it; null: any). */
  public List<Suggestion> suggest(String typed, int size, String lang) throws IOException {
    String q = typed == null ? "" : typed.strip();
    if (q.isEmpty()) return List.of();
    try (Lease lease = lease()) {
      return lease == null ? List.of() : lease.suggest(q, size, lang);
    }
  }

  /**
   * The current suggester, held open until the lease is closed; null before the first build or
   * after close.
   */
  Lease lease() {
    while (true) {
      Built built = current;
      if (built == null) return null;
      if (built.tryAcquire()) return new Lease(built);
      // it was replaced and released meanwhile: read the new one
    }
  }

  /** A lookup's hold on one built suggester. */
  final class Lease implements AutoCloseable {
    private final Built built;

    private Lease(Built built) {
      this.built = built;
    }

    List<Suggestion> suggest(String q, int size) throws IOException {
      return suggest(q, size, null);
    }

    List<Suggestion> suggest(String q, int size, String lang) throws IOException {
      AnalyzingInfixSuggester suggester = built.suggester;
      if (suggester.getCount() == 0) return List.of();
      Set<BytesRef> inLang = lang == null ? null : Set.of(TitleEntries.langContext(lang));
      List<Lookup.LookupResult> results = suggester.lookup(q, inLang, size * 5, true, false);
      String foldedQuery = TextFolding.fold(q);
      var ranked = new ArrayList<>(results);
      ranked.sort(
          Comparator.comparing(
                  (Lookup.LookupResult r) ->
                      !TextFolding.fold(r.key.toString()).startsWith(foldedQuery))
              .thenComparing(r -> -r.value));
      var out = new ArrayList<Suggestion>();
      for (Lookup.LookupResult r : ranked.subList(0, Math.min(size, ranked.size()))) {
        String[] payload = r.payload.utf8ToString().split("\n", 2);
        out.add(
            new Suggestion(
                mark(r.key.toString(), q), payload[0], payload.length > 1 ? payload[1] : ""));
      }
      return out;
    }

    boolean isOpen() {
      return built.refs.get() > 0;
    }

    @Override
    public void close() throws IOException {
      built.release();
    }
  }

  /**
   * One built suggester and its reference count: one reference held by {@link #current} while it is
   * current, one per open lease. It is closed when the count reaches zero, so a replaced suggester
   * stays open exactly as long as a lookup still uses it.
   */
  private static final class Built {
    private final PageTitles suggester;
    private final AtomicInteger refs = new AtomicInteger(1);

    Built(PageTitles suggester) {
      this.suggester = suggester;
    }

    boolean tryAcquire() {
      for (int n = refs.get(); n > 0; n = refs.get()) {
        if (refs.compareAndSet(n, n + 1)) return true;
      }
      return false;
    }

    void release() throws IOException {
      if (refs.decrementAndGet() == 0) suggester.close();
    }
  }

  /**
   * The infix suggester over page titles, each completion carrying its page's id as its context, so
   * that one page's completion can be removed or replaced while lookups go on. Its writer stays
   * open after the build for those changes; it lives in memory.
   */
  private static final class PageTitles extends AnalyzingInfixSuggester {
    PageTitles() throws IOException {
      super(new ByteBuffersDirectory(), analyzer(), analyzer(), 1, false, true, false, false);
    }

    /** Applies one commit's changes and makes them visible to lookups. */
    void apply(TitleChanges changes) throws IOException {
      for (String id : changes.removed()) writer.deleteDocuments(idTerm(id));
      for (TitleEntries.Entry e : changes.added()) {
        writer.deleteDocuments(idTerm(e.id()));
        TitleEntries one = TitleEntries.of(List.of(e));
        one.next();
        add(new BytesRef(e.title()), one.contexts(), e.weight(), one.payload());
      }
      refresh();
    }

    private static Term idTerm(String id) {
      return new Term(CONTEXTS_FIELD_NAME, TitleEntries.idContext(id));
    }
  }

  /** Escapes the title and marks each word's typed prefix. */
  static String mark(String title, String typed) {
    String[] words = TextFolding.fold(typed).split("[^\\p{L}\\p{N}]+");
    var html = new StringBuilder();
    int i = 0;
    int n = title.length();
    while (i < n) {
      int start = i;
      if (!Character.isLetterOrDigit(title.charAt(i))) {
        while (i < n && !Character.isLetterOrDigit(title.charAt(i))) i++;
        MarkFormatter.escape(title, start, i, html);
        continue;
      }
      while (i < n && Character.isLetterOrDigit(title.charAt(i))) i++;
      String word = title.substring(start, i);
      String folded = TextFolding.fold(word);
      int marked = 0;
      for (String w : words) {
        if (!w.isEmpty() && folded.startsWith(w) && folded.length() == word.length())
          marked = Math.max(marked, w.length());
      }
      if (marked > 0) {
        html.append("<mark>");
        MarkFormatter.escape(word, 0, marked, html);
        html.append("</mark>");
        MarkFormatter.escape(word, marked, word.length(), html);
      } else {
        MarkFormatter.escape(word, 0, word.length(), html);
      }
    }
    return html.toString();
  }

  private static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        var source = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** Drops the current suggester; lookups still running finish on it first. */
  @Override
  public synchronized void close() throws IOException {
    Built last = current;
    current = null;
    if (last != null) last.release();
  }
}
