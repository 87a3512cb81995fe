package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * A searcher over one index commit, with what is built once per commit rather than per query: the
 * facet ordinal state, the commit's metadata, the languages of its pages and the names of its
 * fields. A request searches through its own copy ({@link #within}) whose searches stop at the
 * request's deadline.
 */
final class SiteSearcher extends IndexSearcher {
  private final FacetOrdinals facetOrdinals;
  private final Map<String, String> commitData;
  private final long generation;
  private final Map<String, String> languages;
  private final Set<String> fieldNames;
  private final QueryTimeout deadline;
  private volatile boolean ranOutOfTime;

  /** The breadcrumbs found so far in this commit, by language and section path. */
  private final Map<String, SearchResponse.Crumb> crumbs;

  /** The searcher of a new commit: reads its languages and field names. */
  private SiteSearcher(
      IndexReader reader,
      FacetOrdinals facetOrdinals,
      Map<String, String> commitData,
      long generation,
      Similarity similarity)
      throws IOException {
    super(reader);
    setSimilarity(similarity);
    this.facetOrdinals = facetOrdinals;
    this.commitData = commitData;
    this.generation = generation;
    this.deadline = null;
    this.crumbs = new ConcurrentHashMap<>();
    this.languages = readLanguages();
    var names = new TreeSet<String>();
    for (FieldInfo info : FieldInfos.getMergedFieldInfos(reader)) names.add(info.name);
    this.fieldNames = Collections.unmodifiableSet(names);
  }

  /** A request's copy of {@code of}, sharing all it read, whose searches stop at the deadline. */
  private SiteSearcher(SiteSearcher of, QueryTimeout deadline) {
    super(of.getIndexReader());
    setSimilarity(of.getSimilarity());
    this.facetOrdinals = of.facetOrdinals;
    this.commitData = of.commitData;
    this.generation = of.generation;
    this.languages = of.languages;
    this.fieldNames = of.fieldNames;
    this.deadline = deadline;
    this.crumbs = of.crumbs;
  }

  Map<String, SearchResponse.Crumb> crumbs() {
    return crumbs;
  }

  /**
   * A searcher over the same commit whose searches stop at {@code deadline}, for one request: this
   * one is shared by every request, so the deadline cannot be set on it. Cheap: it shares the
   * reader, the facet state and what was read of the commit.
   */
  SiteSearcher within(QueryTimeout deadline) {
    return new SiteSearcher(this, deadline);
  }

  /** Each segment's matches are collected up to the deadline, when there is one. */
  @Override
  protected void searchLeaf(
      LeafReaderContext context, int minDocId, int maxDocId, Weight weight, Collector collector)
      throws IOException {
    super.searchLeaf(
        context,
        minDocId,
        maxDocId,
        weight,
        deadline == null
            ? collector
            : new DeadlineCollector(collector, deadline, () -> ranOutOfTime = true));
  }

  /** Facet collectors that stop at this searcher's deadline, when it has one. */
  FacetsCollectorManager facetCollectors() {
    return deadline == null
        ? new FacetsCollectorManager()
        : DeadlineCollector.facetCollectors(deadline, () -> ranOutOfTime = true);
  }

  /** Whether a search of this searcher stopped at its deadline (its results are partial). */
  @Override
  public boolean timedOut() {
    return ranOutOfTime || super.timedOut();
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
    return facetOrdinals == null ? null : facetOrdinals.state();
  }

  /** The pages' facet values, for counting; null when the index holds none yet. */
  FacetOrdinals facetOrdinals() {
    return facetOrdinals;
  }

  Map<String, String> commitData() {
    return commitData;
  }

  long generation() {
    return generation;
  }

  /** Makes a {@link SiteSearcher} for each commit a {@code SearcherManager} opens. */
  static SearcherFactory factory(FacetsConfig facetsConfig, Similarity similarity) {
    var ordinals = new FacetOrdinals.Cache();
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
        return new SiteSearcher(
            reader, state == null ? null : ordinals.of(state), data, generation, similarity);
      }
    };
  }
}
