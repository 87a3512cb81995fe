package dev.sitesearch.index;

import dev.sitesearch.content.PageSection;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's sections in one stored field, a line per heading ({@code level TAB start TAB anchor TAB
 * heading}), where {@code start} counts in the body as stored (after a repeated title is left out,
 * {@link RepeatedTitle}). One small string per page rather than a field per heading: stored fields
 * are compressed in blocks, and a hit reads them with the rest of its document.
 */
public final class StoredSections {
  /**
   * Headings kept per page: a real page has dozens; a generated one with thousands would make every
   * hit of it slow to read.
   */
  public static final int MAX_SECTIONS = 500;

  private StoredSections() {}

  /**
   * The sections of a body of which the stored text leaves out the first {@code cut} characters;
   * headings without text are left out (their text counts in the section before).
   */
  static String encode(List<PageSection> sections, int cut) {
    var out = new StringBuilder();
    int n = 0;
    for (PageSection s : sections) {
      if (s.heading().isBlank()) continue;
      if (n++ == MAX_SECTIONS) break;
      out.append(s.level())
          .append('\t')
          .append(Math.max(0, s.start() - cut))
          .append('\t')
          .append(oneLine(s.anchor()))
          .append('\t')
          .append(oneLine(s.heading()))
          .append('\n');
    }
    return out.toString();
  }

  /** The sections as {@link #encode} wrote them; none for null or a value it cannot read. */
  public static List<PageSection> decode(String stored) {
    if (stored == null || stored.isEmpty()) return List.of();
    var out = new ArrayList<PageSection>();
    for (String line : stored.split("\n")) {
      String[] f = line.split("\t", 4);
      if (f.length < 4) continue;
      try {
        out.add(new PageSection(Integer.parseInt(f[0]), f[3], f[2], Integer.parseInt(f[1])));
      } catch (IllegalArgumentException e) {
        // not a line this version wrote: skip it rather than fail the search
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
