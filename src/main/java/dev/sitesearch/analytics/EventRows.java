package dev.sitesearch.analytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Reads the events of a time range back from the store's doc values as plain rows, segment by
 * segment, for the reports to count.
 */
final class EventRows {
  private EventRows() {}

  record SearchRow(
      long time,
      String id,
      String supersedes,
      String query,
      List<String> filters,
      long results,
      long latencyMs) {}

  record SuggestRow(long time, String prefix, long suggestions) {}

  record ClickRow(long time, String query, int position) {}

  static List<SearchRow> searches(IndexSearcher searcher, ReportRange range) throws IOException {
    var rows = new ArrayList<SearchRow>();
    scan(
        searcher,
        EventStore.SEARCH,
        range,
        leaf -> {
          NumericDocValues time = DocValues.getNumeric(leaf, EventStore.TIME);
          SortedDocValues id = DocValues.getSorted(leaf, EventStore.ID);
          SortedDocValues supersedes = DocValues.getSorted(leaf, EventStore.SUPERSEDES);
          SortedDocValues query = DocValues.getSorted(leaf, EventStore.QUERY);
          SortedSetDocValues filters = DocValues.getSortedSet(leaf, EventStore.FILTER);
          NumericDocValues results = DocValues.getNumeric(leaf, EventStore.RESULTS);
          NumericDocValues latency = DocValues.getNumeric(leaf, EventStore.LATENCY);
          return doc ->
              rows.add(
                  new SearchRow(
                      number(time, doc),
                      text(id, doc),
                      orNull(text(supersedes, doc)),
                      text(query, doc),
                      texts(filters, doc),
                      number(results, doc),
                      number(latency, doc)));
        });
    return rows;
  }

  static List<SuggestRow> suggestions(IndexSearcher searcher, ReportRange range)
      throws IOException {
    var rows = new ArrayList<SuggestRow>();
    scan(
        searcher,
        EventStore.SUGGEST,
        range,
        leaf -> {
          NumericDocValues time = DocValues.getNumeric(leaf, EventStore.TIME);
          SortedDocValues prefix = DocValues.getSorted(leaf, EventStore.QUERY);
          NumericDocValues results = DocValues.getNumeric(leaf, EventStore.RESULTS);
          return doc ->
              rows.add(new SuggestRow(number(time, doc), text(prefix, doc), number(results, doc)));
        });
    return rows;
  }

  static List<ClickRow> clicks(IndexSearcher searcher, ReportRange range) throws IOException {
    var rows = new ArrayList<ClickRow>();
    scan(
        searcher,
        EventStore.CLICK,
        range,
        leaf -> {
          NumericDocValues time = DocValues.getNumeric(leaf, EventStore.TIME);
          SortedDocValues query = DocValues.getSorted(leaf, EventStore.QUERY);
          NumericDocValues position = DocValues.getNumeric(leaf, EventStore.POSITION);
          return doc ->
              rows.add(
                  new ClickRow(number(time, doc), text(query, doc), (int) number(position, doc)));
        });
    return rows;
  }

  private interface DocReader {
    void read(int doc) throws IOException;
  }

  private interface LeafOpener {
    DocReader open(LeafReader leaf) throws IOException;
  }

  /** Calls the leaf's reader for each live event of the kind in the range, in doc order. */
  private static void scan(
      IndexSearcher searcher, String kind, ReportRange range, LeafOpener opener)
      throws IOException {
    var query = searcher.rewrite(EventStore.of(kind, range.fromMillis(), range.toMillis()));
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(context);
      if (scorer == null) continue;
      Bits live = context.reader().getLiveDocs();
      DocReader reader = opener.open(context.reader());
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) reader.read(doc);
      }
    }
  }

  private static long number(NumericDocValues values, int doc) throws IOException {
    return values.advanceExact(doc) ? values.longValue() : 0;
  }

  private static String text(SortedDocValues values, int doc) throws IOException {
    if (!values.advanceExact(doc)) return "";
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  private static String orNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static List<String> texts(SortedSetDocValues values, int doc) throws IOException {
    if (!values.advanceExact(doc)) return List.of();
    var out = new ArrayList<String>(values.docValueCount());
    for (int i = 0; i < values.docValueCount(); i++)
      out.add(values.lookupOrd(values.nextOrd()).utf8ToString());
    return out;
  }
}
