package dev.sitesearch.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Reads a colon as a space, so the standard tokenizer, which joins letters across a colon (as in
 * Swedish), splits {@code title:broadband} and "Medigy:Telehealth" into their words. One character
 * for one, so offsets need no correction. Lucene's {@code MappingCharFilter} did the same through a
 * general mapping read a character at a time: 4 % of a full index's time on the bench corpus.
 */
final class ColonSplitFilter extends CharFilter {
  ColonSplitFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = input.read(buffer, offset, length);
    for (int i = offset; i < offset + read; i++) {
      if (buffer[i] == ':') buffer[i] = ' ';
    }
    return read;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
