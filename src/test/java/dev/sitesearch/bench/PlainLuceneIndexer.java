package dev.sitesearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline of the indexing benchmark: the least a Lucene indexer must do with these files
 * (read, cut off the front matter without parsing it, index the text with StandardAnalyzer on 2
 * threads). Our indexer's speed is stated as a ratio to this, measured in the same run, because the
 * machine's speed drifts.
 */
final class PlainLuceneIndexer {
  private PlainLuceneIndexer() {}

  static int index(Path corpus, Path indexDir, int threads) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    var config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256);
    try (var dir = FSDirectory.open(indexDir);
        var writer = new IndexWriter(dir, config)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      var next = new AtomicInteger();
      Future<?>[] futures = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        futures[t] =
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < files.size();
                      i = next.getAndIncrement()) {
                    add(writer, files.get(i));
                  }
                  return null;
                });
      }
      for (Future<?> f : futures) f.get();
      pool.shutdown();
      writer.commit();
    }
    return files.size();
  }

  private static void add(IndexWriter writer, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf("\n---", 3);
    String frontMatter = end > 0 ? text.substring(0, end) : "";
    String body = end > 0 ? text.substring(end + 4) : text;
    var doc = new Document();
    doc.add(new StringField("path", file.toString(), Field.Store.YES));
    doc.add(new TextField("meta", frontMatter, Field.Store.NO));
    doc.add(new TextField("body", body, Field.Store.YES));
    writer.addDocument(doc);
  }
}
