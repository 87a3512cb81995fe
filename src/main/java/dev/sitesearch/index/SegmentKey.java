package dev.sitesearch.index;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.util.StringHelper;

/**
 * Names a segment the same way in every commit that has it (its name and unique id), so that what
 * was read from it once can be kept while it lives: only deletions change an existing segment.
 */
public final class SegmentKey {
  private SegmentKey() {}

  /** The segment's key, or null when the leaf is not a Lucene segment. */
  public static String of(LeafReaderContext context) {
    if (!(FilterLeafReader.unwrap(context.reader()) instanceof SegmentReader segment)) return null;
    return segment.getSegmentName()
        + "/"
        + StringHelper.idToString(segment.getSegmentInfo().info.getId());
  }
}
