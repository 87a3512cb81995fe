package dev.sitesearch.analytics;

import dev.sitesearch.search.QueryKey;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The events on disk: a Lucene index of its own, one document per event, its values in doc values
 * for the reports to scan. Lucene's commit is atomic and durable (files synced, then one segments
 * file naming them), so a process killed at any point leaves the last commit whole; what was added
 * since is lost, never half-kept. The folder's write lock keeps a second process out.
 */
final class EventStore implements Closeable {
  static final String KIND = "kind";
  static final String TIME = "time";
  static final String ID = "id";
  static final String SUPERSEDES = "supersedes";
  static final String QUERY = "query";
  static final String FILTER = "filter";
  static final String SORT = "sort";
  static final String PAGE = "page";
  static final String RESULTS = "results";
  static final String LATENCY = "latency";
  static final String LANG = "lang";
  static final String POSITION = "position";
  static final String TARGET = "target";

  static final String SEARCH = "search";
  static final String SUGGEST = "suggest";
  static final String CLICK = "click";

  /** Doc values keep at most 32 KB a value; a query is 1000 characters, a target is cut here. */
  static final int MAX_VALUE_CHARS = 2000;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private EventStore(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the store in {@code folder}, making it when missing; fails with Lucene's {@code
   * LockObtainFailedException} when another process has it open.
   */
  static EventStore open(Path folder) throws IOException {
    Files.createDirectories(folder);
    Directory directory = FSDirectory.open(folder);
    IndexWriter writer = null;
    try {
      var config =
          new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCommitOnClose(true);
      writer = new IndexWriter(directory, config);
      return new EventStore(directory, writer);
    } catch (IOException | RuntimeException e) {
      try (directory;
          var w = writer) {
        // whoever opens the directory closes it, also when construction fails
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  void add(List<? extends Event> events) throws IOException {
    for (Event event : events) writer.addDocument(document(event));
  }

  /** Makes what was added durable and visible to the reports. */
  void commit() throws IOException {
    writer.commit();
    searchers.maybeRefresh();
  }

  /** Deletes the events before {@code cutoff} and commits. */
  void prune(Instant cutoff) throws IOException {
    writer.deleteDocuments(
        LongPoint.newRangeQuery(TIME, Long.MIN_VALUE, cutoff.toEpochMilli() - 1));
    commit();
  }

  /** A reading of the store, on the last commit. */
  interface Reading<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  <T> T read(Reading<T> reading) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return reading.read(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** The events of one kind whose time is in {@code [fromMillis, toMillis)}. */
  static Query of(String kind, long fromMillis, long toMillis) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
        .add(LongPoint.newRangeQuery(TIME, fromMillis, toMillis - 1), Occur.FILTER)
        .build();
  }

  private static Document document(Event event) {
    var doc = new Document();
    long millis = event.time().toEpochMilli();
    doc.add(new LongPoint(TIME, millis));
    doc.add(new NumericDocValuesField(TIME, millis));
    switch (event) {
      case Event.Search s -> {
        kind(doc, SEARCH);
        text(doc, ID, s.id());
        if (s.supersedes() != null) text(doc, SUPERSEDES, s.supersedes());
        text(doc, QUERY, key(s.query()));
        for (String filter : s.filters())
          doc.add(new SortedSetDocValuesField(FILTER, new BytesRef(cut(filter))));
        text(doc, SORT, s.sort());
        doc.add(new NumericDocValuesField(PAGE, s.page()));
        doc.add(new NumericDocValuesField(RESULTS, s.results()));
        doc.add(new NumericDocValuesField(LATENCY, s.latencyMs()));
        text(doc, LANG, s.lang());
      }
      case Event.Suggest s -> {
        kind(doc, SUGGEST);
        text(doc, QUERY, key(s.prefix()));
        doc.add(new NumericDocValuesField(RESULTS, s.suggestions()));
        doc.add(new NumericDocValuesField(LATENCY, s.latencyMs()));
      }
      case Event.Click c -> {
        kind(doc, CLICK);
        text(doc, ID, c.searchId());
        text(doc, QUERY, key(c.query()));
        doc.add(new NumericDocValuesField(POSITION, c.position()));
        text(doc, TARGET, c.target());
      }
    }
    return doc;
  }

  /**
   * The query as reports count it (curation's key), made here on the writer's thread: it parses the
   * query, tens of microseconds a request thread need not spend.
   */
  static String key(String typed) {
    try {
      return QueryKey.of(typed);
    } catch (RuntimeException e) {
      return typed.strip().toLowerCase(Locale.ROOT); // never lose the event over its key
    }
  }

  private static void kind(Document doc, String kind) {
    doc.add(new StringField(KIND, kind, Field.Store.NO));
  }

  private static void text(Document doc, String field, String value) {
    doc.add(new SortedDocValuesField(field, new BytesRef(cut(value == null ? "" : value))));
  }

  private static String cut(String value) {
    return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
  }

  @Override
  public void close() throws IOException {
    try (directory;
        writer;
        searchers) {
      // the searchers first, then the writer commits what it has, then the directory
    }
  }
}
