package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * A searcher over one index commit, with what is built once per commit rather than per query: the
 * facet ordinal state, the commit's metadata, the languages of its pages and the names of its
 * fields.
 */
final class SiteSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final Map<String, String> commitData;
  private final long generation;
  private final Map<String, String> languages;
  private final Set<String> fieldNames;

  private SiteSearcher(
      IndexReader reader,
      SortedSetDocValuesReaderState facetState,
      Map<String, String> commitData,
      long generation,
      Similarity similarity)
      throws IOException {
    super(reader);
    setSimilarity(similarity);
    this.facetState = facetState;
    this.commitData = commitData;
    this.generation = generation;
    this.languages = readLanguages();
    var names = new TreeSet<String>();
    for (FieldInfo info : FieldInfos.getMergedFieldInfos(reader)) names.add(info.name);
    this.fieldNames = Collections.unmodifiableSet(names);
  }

  /**
   * The languages of the pages, each with the analysis its text is in ({@link Languages#key}), by
   * code; "" stands for pages of unknown language (a bare content folder).
   */
  Map<String, String> languages() {
    return languages;
  }

  /** Whether some page has the field {@code name} (in any form: terms, doc values, stored). */
  boolean hasField(String name) {
    return fieldNames.contains(name);
  }

  private Map<String, String> readLanguages() throws IOException {
    var out = new TreeMap<String, String>();
    Terms terms = MultiTerms.getTerms(getIndexReader(), Fields.LANG);
    if (terms == null) return Collections.unmodifiableMap(out);
    TermsEnum each = terms.iterator();
    for (BytesRef term = each.next(); term != null; term = each.next()) {
      String lang = term.utf8ToString();
      // a language whose pages are all deleted (not yet merged away) is no longer the site's
      if (count(new TermQuery(new Term(Fields.LANG, lang))) == 0) continue;
      out.put(lang, Languages.key(lang));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Null when the index holds no facet values yet (an empty site). */
  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  Map<String, String> commitData() {
    return commitData;
  }

  long generation() {
    return generation;
  }

  /** Makes a {@link SiteSearcher} for each commit a {@code SearcherManager} opens. */
  static SearcherFactory factory(FacetsConfig facetsConfig, Similarity similarity) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
          throws IOException {
        SortedSetDocValuesReaderState state;
        try {
          state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException e) {
          state = null; // no facet field in this index yet
        }
        Map<String, String> data = Map.of();
        long generation = 0;
        if (reader instanceof DirectoryReader dr) {
          data = dr.getIndexCommit().getUserData();
          generation = dr.getIndexCommit().getGeneration();
        }
        return new SiteSearcher(reader, state, data, generation, similarity);
      }
    };
  }
}
