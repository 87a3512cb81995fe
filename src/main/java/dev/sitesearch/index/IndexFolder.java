package dev.sitesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where an index may be written: a folder that is missing, empty, or an index already. Lucene
 * deletes every file of a folder it writes to whose name looks like one of its own ({@code
 * _index.md} does), so an index pointed at a content folder by mistake would delete its section
 * pages; such a folder is refused, and nothing in it is touched.
 */
final class IndexFolder {
  private IndexFolder() {}

  /** Refuses {@code dir} unless it is missing, empty or holds an index (or a first one begun). */
  static void checkWritable(Path dir) throws IOException {
    if (dir.toString().isBlank())
      throw new IOException("the index folder is empty: name a folder for the index (--index)");
    if (!Files.isDirectory(dir)) return;
    String other = null;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        // A commit's segments file, or the lock of a first build that has not committed yet.
        if (name.startsWith("segments") || name.equals("write.lock")) return;
        if (other == null) other = name;
      }
    }
    if (other != null)
      throw new IOException(
          dir.toAbsolutePath()
              + " holds files that are not an index (such as "
              + other
              + "): the index goes in a folder of its own, missing or empty, never the content"
              + " folder; nothing was changed");
  }
}
