package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The lazy title order lists pages exactly as Lucene's own text sort does: as a tie-break under
 * dates and as the first key, over many segments, with pages lacking a title, and when paging on
 * from a hit.
 */
class LazyTextSortTest {
  private static final String TITLE = "title";
  private static final String DATE = "date";

  @Test
  void orders_pages_as_lucenes_text_sort_does() throws Exception {
    var random = new Random(7);
    try (var dir = new ByteBuffersDirectory()) {
      var config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (var writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < 1_200; i++) {
          var doc = new Document();
          // Few titles and few dates, so ties on both are common; some pages have no title.
          if (random.nextInt(10) > 0)
            doc.add(new SortedDocValuesField(TITLE, new BytesRef("t" + random.nextInt(40))));
          doc.add(new NumericDocValuesField(DATE, random.nextInt(25)));
          doc.add(new StringField("even", i % 2 == 0 ? "y" : "n", Field.Store.NO));
          writer.addDocument(doc);
          // Segments of uneven sizes, so values meet across segments in every way.
          if (random.nextInt(60) == 0) writer.commit();
        }
      }
      try (var reader = DirectoryReader.open(dir)) {
        var searcher = new IndexSearcher(reader);
        assertEquals(true, reader.leaves().size() > 5, "segments: " + reader.leaves().size());
        Query[] queries = {new MatchAllDocsQuery(), new TermQuery(new Term("even", "y"))};
        for (Query query : queries) {
          for (boolean newest : new boolean[] {true, false}) {
            var date = new SortField(DATE, SortField.Type.LONG, newest);
            var lucene = new Sort(date, new SortField(TITLE, SortField.Type.STRING));
            var lazy = new Sort(date, LazyTextSort.on(TITLE));
            for (int n : new int[] {1, 3, 10, 57, 400}) sameOrder(searcher, query, lucene, lazy, n);
          }
          var byTitle = new SortField(DATE, SortField.Type.LONG, true);
          sameOrder(
              searcher,
              query,
              new Sort(new SortField(TITLE, SortField.Type.STRING), byTitle),
              new Sort(LazyTextSort.on(TITLE), byTitle),
              50);
        }
      }
    }
  }

  private static void sameOrder(IndexSearcher searcher, Query query, Sort lucene, Sort lazy, int n)
      throws Exception {
    TopDocs expected = searcher.search(query, n, lucene);
    TopDocs actual = searcher.search(query, n, lazy);
    assertEquals(docs(expected), docs(actual), lazy + " top " + n);
    for (int i = 0; i < expected.scoreDocs.length; i++)
      assertEquals(
          Arrays.asList(((FieldDoc) expected.scoreDocs[i]).fields),
          Arrays.asList(((FieldDoc) actual.scoreDocs[i]).fields));
    // Paging on from a hit (its values as the top to start after).
    if (expected.scoreDocs.length > 2) {
      FieldDoc after = (FieldDoc) expected.scoreDocs[expected.scoreDocs.length / 2];
      assertEquals(
          docs(searcher.searchAfter(after, query, n, lucene)),
          docs(searcher.searchAfter(after, query, n, lazy)),
          lazy + " after " + after);
    }
  }

  private static List<Integer> docs(TopDocs top) {
    var docs = new ArrayList<Integer>();
    for (ScoreDoc hit : top.scoreDocs) docs.add(hit.doc);
    return docs;
  }
}
