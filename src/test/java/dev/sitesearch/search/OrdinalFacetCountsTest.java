package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Counting facet values from the heap arrays gives what Lucene's own counter gives: the same top
 * values in the same order, every value, each value's count, over one segment and many, with
 * deleted pages, for matches of every size, and with segments carried over from an earlier commit.
 */
class OrdinalFacetCountsTest {
  private static final String[] DIMS = {"topic", "tag", "kind", "rare"};

  @Test
  void counts_as_lucene_does_over_many_segments_with_deletions() throws Exception {
    compare(new Random(11), 900, true, new FacetOrdinals.Cache());
  }

  @Test
  void counts_as_lucene_does_with_ordinals_kept_as_ints() throws Exception {
    // A site with more distinct values than a char holds keeps ints: forced here.
    compare(new Random(13), 900, true, new FacetOrdinals.Cache(1));
  }

  @Test
  void counts_as_lucene_does_in_a_single_segment() throws Exception {
    compare(new Random(12), 300, false, new FacetOrdinals.Cache());
  }

  private static void compare(
      Random random, int pages, boolean manySegments, FacetOrdinals.Cache cache) throws Exception {
    var config = new FacetsConfig();
    for (String dim : DIMS) config.setMultiValued(dim, true);
    try (var dir = new ByteBuffersDirectory()) {
      try (var writer =
          new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int round = 0; round < 2; round++) {
          for (int i = 0; i < pages; i++) {
            var doc = new Document();
            doc.add(new StringField("id", round + "-" + i, Field.Store.NO));
            doc.add(new StringField("half", random.nextBoolean() ? "a" : "b", Field.Store.NO));
            doc.add(new StringField("few", random.nextInt(40) == 0 ? "y" : "n", Field.Store.NO));
            // Skewed values, ties in counts, pages with none, and a dimension few pages have.
            for (int v = random.nextInt(4); v > 0; v--)
              doc.add(new SortedSetDocValuesFacetField("topic", "t" + random.nextInt(12)));
            for (int v = random.nextInt(6); v > 0; v--)
              doc.add(
                  new SortedSetDocValuesFacetField(
                      "tag", "g" + (int) Math.sqrt(random.nextInt(900))));
            doc.add(new SortedSetDocValuesFacetField("kind", "k" + random.nextInt(3)));
            if (random.nextInt(50) == 0)
              doc.add(new SortedSetDocValuesFacetField("rare", "r" + random.nextInt(2)));
            writer.addDocument(config.build(doc));
            if (manySegments && random.nextInt(120) == 0) writer.commit();
          }
          if (manySegments)
            for (int i = 0; i < pages / 10; i++)
              writer.deleteDocuments(new Term("id", round + "-" + random.nextInt(pages)));
          writer.commit();
          // The second round's commit reuses the first round's segments from the cache.
          try (var reader = DirectoryReader.open(dir)) {
            if (manySegments) assertTrue(reader.leaves().size() > 3, "segments");
            else assertEquals(1, reader.leaves().size());
            var state = new DefaultSortedSetDocValuesReaderState(reader, config);
            FacetOrdinals ordinals = cache.of(state);
            var searcher = new IndexSearcher(reader);
            Query[] queries = {
              new MatchAllDocsQuery(),
              new TermQuery(new Term("half", "a")),
              new TermQuery(new Term("few", "y")),
              new TermQuery(new Term("half", "none")),
            };
            for (Query query : queries) {
              FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
              same(new SortedSetDocValuesFacetCounts(state, hits), ordinals.count(hits));
              // A value asked for before its facet's list: the facet is counted on that question.
              for (String dim : DIMS)
                assertEquals(
                    new SortedSetDocValuesFacetCounts(state, hits).getSpecificValue(dim, "t3"),
                    ordinals.count(hits).getSpecificValue(dim, "t3"));
              assertEquals(
                  new SortedSetDocValuesFacetCounts(state, hits).getSpecificValue("kind", "k2"),
                  ordinals.count(hits).getSpecificValue("kind", "k2"));
            }
          }
          if (!manySegments) break;
          // Without the merge policy's leave, the second round's pages go to new segments.
          writer.deleteDocuments(new Term("few", "y"));
        }
      }
    }
  }

  private static void same(Facets lucene, Facets ours) throws Exception {
    for (String dim : List.of(DIMS[0], DIMS[1], DIMS[2], DIMS[3], "missing")) {
      for (int n : new int[] {1, 3, 10, 100})
        assertEquals(lucene.getTopChildren(n, dim), ours.getTopChildren(n, dim), dim + " top " + n);
      assertEquals(lucene.getAllChildren(dim), ours.getAllChildren(dim), dim + " all");
      for (String value : List.of("t0", "t11", "g0", "g29", "k1", "r0", "r1", "nothing"))
        assertEquals(
            lucene.getSpecificValue(dim, value), ours.getSpecificValue(dim, value), dim + value);
    }
    assertEquals(lucene.getAllDims(5), ours.getAllDims(5));
    assertThrows(IllegalArgumentException.class, () -> ours.getTopChildren(0, "topic"));
  }
}
