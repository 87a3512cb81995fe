package dev.sitesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * The relevance baseline the issue names: Lucene out of the box, EnglishAnalyzer (Porter, stop
 * words) over one field holding title and text, BM25 with k1 1.2 and b 0.75, every query word
 * optional.
 */
final class LuceneDefaultBm25 {
  private LuceneDefaultBm25() {}

  static Map<String, List<String>> run(Path docsJsonl, Map<String, String> queries, Path indexDir)
      throws Exception {
    return run(docsJsonl, queries, indexDir, new EnglishAnalyzer());
  }

  /**
   * The same with stop words kept in documents and queries, as our index keeps them: a diagnostic
   * row.
   */
  static Map<String, List<String>> runKeepingStopWords(
      Path docsJsonl, Map<String, String> queries, Path indexDir) throws Exception {
    return run(
        docsJsonl,
        queries,
        indexDir,
        new EnglishAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET));
  }

  private static Map<String, List<String>> run(
      Path docsJsonl, Map<String, String> queries, Path indexDir, EnglishAnalyzer analyzer)
      throws Exception {
    var mapper = new ObjectMapper();
    try (var dir = FSDirectory.open(indexDir)) {
      try (var writer =
          new IndexWriter(
              dir,
              new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
        for (String line : Files.readAllLines(docsJsonl)) {
          if (line.isBlank()) continue;
          JsonNode doc = mapper.readTree(line);
          var d = new Document();
          d.add(new StringField("id", doc.get("id").asText(), Field.Store.YES));
          d.add(
              new TextField(
                  "text",
                  doc.get("title").asText() + " " + doc.get("text").asText(),
                  Field.Store.NO));
          writer.addDocument(d);
        }
      }
      try (var reader = DirectoryReader.open(dir)) {
        var searcher = new IndexSearcher(reader);
        var parser = new QueryParser("text", analyzer);
        var out = new LinkedHashMap<String, List<String>>();
        for (var q : queries.entrySet()) {
          var query = parser.parse(QueryParser.escape(q.getValue()));
          var ids = new java.util.ArrayList<String>();
          for (ScoreDoc sd : searcher.search(query, 100).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get("id"));
          }
          out.put(q.getKey(), ids);
        }
        return out;
      }
    }
  }
}
