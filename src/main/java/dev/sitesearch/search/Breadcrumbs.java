package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.search.SearchResponse.Crumb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * A hit's breadcrumbs: each section above it, top first, named by its section page's title and
 * linked to that page ({@code docs/_index.md}), or by its folder name and unlinked when the site
 * has no such page (a top folder without {@code _index.md}). Each section is looked up once per
 * index commit: the searcher of the commit keeps the crumbs found.
 */
final class Breadcrumbs {
  private final SiteSearcher searcher;
  private final Map<String, Crumb> known;

  Breadcrumbs(SiteSearcher searcher) {
    this.searcher = searcher;
    this.known = searcher.crumbs();
  }

  /**
   * The crumbs of a page in {@code section} ({@code [docs, concepts]}), in language {@code lang}.
   */
  List<Crumb> of(List<String> section, String lang) throws IOException {
    var crumbs = new ArrayList<Crumb>(section.size());
    for (int i = 0; i < section.size(); i++) {
      String path = String.join("/", section.subList(0, i + 1));
      String key = lang + "\u0000" + path;
      Crumb crumb = known.get(key);
      if (crumb == null) {
        crumb = find(path, section.get(i), lang);
        known.put(key, crumb);
      }
      crumbs.add(crumb);
    }
    return crumbs;
  }

  private Crumb find(String path, String name, String lang) throws IOException {
    var query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.SECTION_PATH, path)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, "section")), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.LANG, lang)), Occur.FILTER)
            .build();
    // Without the request's deadline: a lookup cut short would be kept for the whole commit.
    var whole = new IndexSearcher(searcher.getIndexReader());
    ScoreDoc[] top = whole.search(query, 1).scoreDocs;
    if (top.length == 0) return new Crumb(path, name, null);
    Document d = whole.storedFields().document(top[0].doc);
    String title = HitAssembler.text(d, Fields.TITLE);
    return new Crumb(path, title.isBlank() ? name : title, d.get(Fields.URL));
  }
}
