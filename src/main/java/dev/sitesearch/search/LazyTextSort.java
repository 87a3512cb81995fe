package dev.sitesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Sorts by a sorted doc-values text field in the order of Lucene's {@code SortField.Type.STRING}
 * (bytes ascending, a page without a value first), for a key that mostly breaks ties.
 *
 * <p>Lucene's comparator copies every competitive hit's value out of the terms dictionary (a block
 * decompressed per hit) and looks the bottom's value up in each segment. A list sorted newest first
 * over a site whose files run oldest to newest (a folder per year) makes nearly every match
 * competitive, and that copying took 8 % of all search time at 100k pages, though the title is read
 * only where two dates are equal. Here a slot keeps its segment and ordinal; the bytes are read
 * when two segments' values are compared, and the bottom is placed in a segment only when a tie
 * asks for it.
 */
final class LazyTextSort extends FieldComparatorSource {
  /** A sort on {@code field}, ascending. */
  static SortField on(String field) {
    return new SortField(field, new LazyTextSort());
  }

  @Override
  public FieldComparator<?> newComparator(
      String field, int numHits, Pruning pruning, boolean reversed) {
    return new Comparator(field, numHits);
  }

  private static final class Comparator extends FieldComparator<BytesRef> {
    private final String field;
    private final int[] ords;
    private final int[] segments;
    private final BytesRefBuilder[] values;
    private final boolean[] read;

    /** Each segment seen so far, by the number given when it began. */
    private final List<SortedDocValues> seen = new ArrayList<>();

    private BytesRef top;

    /**
     * The queue's last slot, kept from segment to segment (the collector sets it when it moves).
     */
    private int bottomSlot = -1;

    Comparator(String field, int numHits) {
      this.field = field;
      this.ords = new int[numHits];
      this.segments = new int[numHits];
      this.values = new BytesRefBuilder[numHits];
      this.read = new boolean[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      if (segments[slot1] == segments[slot2]) return Integer.compare(ords[slot1], ords[slot2]);
      return compareValues(value(slot1), value(slot2));
    }

    @Override
    public int compareValues(BytesRef first, BytesRef second) {
      if (first == null) return second == null ? 0 : -1;
      if (second == null) return 1;
      return first.compareTo(second);
    }

    @Override
    public void setTopValue(BytesRef value) {
      top = value;
    }

    /** The slot's bytes, read from its segment the first time they are asked for. */
    @Override
    public BytesRef value(int slot) {
      if (ords[slot] < 0) return null;
      if (!read[slot]) {
        if (values[slot] == null) values[slot] = new BytesRefBuilder();
        try {
          values[slot].copyBytes(seen.get(segments[slot]).lookupOrd(ords[slot]));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        read[slot] = true;
      }
      return values[slot].get();
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      SortedDocValues docValues = DocValues.getSorted(context.reader(), field);
      seen.add(docValues);
      return new Leaf(docValues, seen.size() - 1);
    }

    private final class Leaf implements LeafFieldComparator {
      private final SortedDocValues docValues;
      private final int segment;
      private boolean bottomPlaced;
      private Place bottom;
      private Place topPlace;

      Leaf(SortedDocValues docValues, int segment) {
        this.docValues = docValues;
        this.segment = segment;
      }

      private int ord(int doc) throws IOException {
        return docValues.advanceExact(doc) ? docValues.ordValue() : -1;
      }

      @Override
      public void setBottom(int slot) {
        bottomSlot = slot;
        bottomPlaced = false;
      }

      @Override
      public int compareBottom(int doc) throws IOException {
        if (!bottomPlaced) {
          bottom =
              segments[bottomSlot] == segment
                  ? new Place(ords[bottomSlot], true)
                  : place(value(bottomSlot));
          bottomPlaced = true;
        }
        return bottom.compareTo(ord(doc));
      }

      @Override
      public int compareTop(int doc) throws IOException {
        if (topPlace == null) topPlace = place(top);
        return topPlace.compareTo(ord(doc));
      }

      @Override
      public void copy(int slot, int doc) throws IOException {
        ords[slot] = ord(doc);
        segments[slot] = segment;
        read[slot] = false;
      }

      @Override
      public void setScorer(Scorable scorer) {}

      /** Where a value from elsewhere falls among this segment's ordinals. */
      private Place place(BytesRef value) throws IOException {
        if (value == null) return new Place(-1, true);
        int found = docValues.lookupTerm(value);
        return found >= 0 ? new Place(found, true) : new Place(-found - 2, false);
      }
    }
  }

  /**
   * A value's position in one segment: its ordinal there, or (not {@code exact}) the ordinal of the
   * last value below it.
   */
  private record Place(int ord, boolean exact) {
    int compareTo(int docOrd) {
      if (exact) return Integer.compare(ord, docOrd);
      return ord >= docOrd ? 1 : -1;
    }
  }
}
