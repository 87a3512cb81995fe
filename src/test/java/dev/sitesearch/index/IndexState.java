package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * What an index on disk holds, read the way the indexer itself remembers it (the {@code _id} and
 * {@code _hash} doc values of live documents), and Lucene's own verdict on its files. Shared by the
 * robustness tests, which compare this state with what they expect from the content folder.
 */
final class IndexState {
  private IndexState() {}

  /**
   * Page id to the SHA-256 of the file it was read from, for every live document; fails on a
   * repeated id.
   */
  static Map<String, String> idToHash(Path indexDir) throws IOException {
    try (var dir = FSDirectory.open(indexDir);
        var reader = DirectoryReader.open(dir)) {
      var state = new TreeMap<String, String>();
      for (IndexedFile f : IndexedFiles.read(reader).values()) {
        String previous = state.put(f.id(), f.contentHash());
        if (previous != null) throw new AssertionError("id " + f.id() + " is in the index twice");
      }
      if (state.size() != reader.numDocs()) {
        throw new AssertionError(
            reader.numDocs() + " live documents but " + state.size() + " paths with an id");
      }
      return state;
    }
  }

  /**
   * Runs Lucene's {@link CheckIndex} over every file of the index and fails with its report unless
   * it is clean.
   */
  static void assertCheckIndexClean(Path indexDir) throws IOException {
    var report = new ByteArrayOutputStream();
    try (var dir = FSDirectory.open(indexDir);
        var check = new CheckIndex(dir)) {
      check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      assertTrue(
          status.clean,
          () ->
              "CheckIndex found problems in "
                  + indexDir
                  + ":\n"
                  + report.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Hex SHA-256, computed here rather than borrowed from the reader, so expectations stay
   * independent of it.
   */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
