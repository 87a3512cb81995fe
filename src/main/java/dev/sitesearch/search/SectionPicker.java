package dev.sitesearch.search;

import dev.sitesearch.content.PageSection;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.StoredSections;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.SearchResponse.Section;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The sections of each hit that match best, and its best passages under their headings. One pass of
 * the unified highlighter over the hits' bodies (offsets from the postings, as for the snippet)
 * scores up to {@link #PASSAGES_READ} passages per page; each passage belongs to the section its
 * offset falls in ({@link StoredSections}). A section ranks by its best passage, raised by the
 * share of the page's matched words its heading holds; a heading that is the query (ignoring case,
 * accents and punctuation) comes first.
 */
final class SectionPicker {
  /** Passages scored per page: enough to find the best few sections of a long page. */
  static final int PASSAGES_READ = 12;

  /**
   * How much of a body is looked at: ten times the snippet's (Lucene's default 10,000), so the
   * sections of long pages are found.
   */
  static final int MAX_BODY_CHARS = 100_000;

  private final Analyzer analyzer;

  SectionPicker(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A hit's sections and passages. */
  record Picked(List<Section> sections, List<Section> passages) {
    static final Picked NONE = new Picked(List.of(), List.of());
  }

  /** One passage as the highlighter scored it, copied out of its reused object. */
  private record Found(int start, int end, float score, int[] starts, int[] ends) {
    int matches() {
      return starts.length;
    }
  }

  /** Collects each page's passages rather than formatting them. */
  private static final class Collect extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      var found = new ArrayList<Found>(passages.length);
      for (Passage p : passages) {
        found.add(
            new Found(
                p.getStartOffset(),
                p.getEndOffset(),
                p.getScore(),
                Arrays.copyOf(p.getMatchStarts(), p.getNumMatches()),
                Arrays.copyOf(p.getMatchEnds(), p.getNumMatches())));
      }
      return found;
    }
  }

  /**
   * Sections and passages per hit, in the order of {@code docIds}.
   *
   * @param query the highlight query, rewritten
   * @param typed the query as typed, for the exact heading
   * @param urls the hits' URLs
   * @param excerpts how many sections and passages to show; none, and nothing is read
   */
  Picked[] pick(
      IndexSearcher searcher,
      Query query,
      String typed,
      int[] docIds,
      Document[] loaded,
      String[] urls,
      List<String> languages,
      Excerpts excerpts)
      throws IOException {
    int snippets = excerpts.snippets();
    var picked = new Picked[docIds.length];
    Arrays.fill(picked, Picked.NONE);
    if (docIds.length == 0 || typed.isBlank() || !excerpts.any()) return picked;
    // Only pages with something to show are read: one without headings, asked for no passages,
    // costs nothing.
    var sectionsOf = new ArrayList<List<PageSection>>(docIds.length);
    var wanted = new ArrayList<Integer>();
    for (int i = 0; i < docIds.length; i++) {
      List<PageSection> sections = StoredSections.decode(loaded[i].get(Fields.SECTIONS));
      sectionsOf.add(sections);
      if (snippets > 1 || (excerpts.sections() > 0 && !sections.isEmpty())) wanted.add(i);
    }
    if (wanted.isEmpty()) return picked;
    int[] ids = wanted.stream().mapToInt(i -> docIds[i]).toArray();
    var byDoc = new HashMap<Integer, Document>();
    for (int i : wanted) byDoc.put(docIds[i], loaded[i]);
    var highlighter =
        new Snippets.FromLoaded(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new Collect())
                .withMaxLength(MAX_BODY_CHARS)
                .withBreakIterator(
                    () ->
                        LengthGoalBreakIterator.createMinLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT),
                            Snippets.TARGET_CHARS - 40,
                            0.3f))
                .withMaxNoHighlightPassages(0),
            byDoc);
    String[] fields =
        languages.stream().map(k -> Languages.field(Fields.BODY, k)).toArray(String[]::new);
    int[] counts = new int[fields.length];
    Arrays.fill(counts, Math.max(PASSAGES_READ, snippets));
    Map<String, Object[]> found = highlighter.passages(fields, query, ids, counts);
    String key = TitleKey.of(typed);
    for (int w = 0; w < ids.length; w++) {
      int i = wanted.get(w);
      Document d = loaded[i];
      String body = HitAssembler.text(d, Fields.BODY);
      List<PageSection> sections = sectionsOf.get(i);
      Object[] byField = found.get(Languages.field(Fields.BODY, Languages.key(value(d))));
      @SuppressWarnings("unchecked")
      List<Found> passages =
          byField == null || byField[w] == null ? List.of() : (List<Found>) byField[w];
      var page =
          new Page(
              body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body,
              sections,
              urls[i]);
      passages = page.split(passages);
      picked[i] =
          new Picked(
              page.bestSections(passages, key, excerpts.sections()),
              snippets > 1 ? page.bestPassages(passages, snippets) : List.of());
    }
    return picked;
  }

  private static String value(Document d) {
    String v = d.get(Fields.LANG);
    return v == null ? "" : v;
  }

  /** One hit's text and sections, and what is shown of them. */
  private record Page(String body, List<PageSection> sections, String url) {
    /** The section an offset of the body is in: -1 above the first heading. */
    int sectionAt(int offset) {
      int lo = 0;
      int hi = sections.size() - 1;
      int at = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (sections.get(mid).start() <= offset) {
          at = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return at;
    }

    /**
     * The passages cut where sections start, each part with its own matches and its share of the
     * score: the highlighter's passages follow sentences, which run on past a heading.
     */
    List<Found> split(List<Found> passages) {
      var out = new ArrayList<Found>(passages.size());
      for (Found p : passages) {
        int first = sectionAt(p.start());
        int last = sectionAt(Math.max(p.start(), p.end() - 1));
        if (first == last) {
          out.add(p);
          continue;
        }
        for (int s = first; s <= last; s++) {
          int from = s < 0 ? 0 : Math.max(p.start(), sections.get(s).start());
          int to =
              s + 1 < sections.size() ? Math.min(p.end(), sections.get(s + 1).start()) : p.end();
          var starts = new ArrayList<Integer>();
          var ends = new ArrayList<Integer>();
          for (int m = 0; m < p.matches(); m++) {
            if (p.starts()[m] >= from && p.ends()[m] <= to) {
              starts.add(p.starts()[m]);
              ends.add(p.ends()[m]);
            }
          }
          if (starts.isEmpty() || from >= to) continue;
          out.add(
              new Found(
                  from,
                  to,
                  p.score() * starts.size() / p.matches(),
                  starts.stream().mapToInt(Integer::intValue).toArray(),
                  ends.stream().mapToInt(Integer::intValue).toArray()));
        }
      }
      return out;
    }

    /** Where a section's text ends: the next heading, or the body's end. */
    int sectionEnd(int s) {
      return s + 1 < sections.size()
          ? Math.min(body.length(), sections.get(s + 1).start())
          : body.length();
    }

    /** Where the heading's own text ends in the body, or its start when the body lacks it there. */
    int headingEnd(int s) {
      PageSection section = sections.get(s);
      int start = section.start();
      String heading = section.heading();
      return body.startsWith(heading, start) ? start + heading.length() : start;
    }

    List<Section> bestSections(List<Found> passages, String key, int max) {
      if (sections.isEmpty() || max == 0) return List.of();
      var best = new HashMap<Integer, Found>();
      var headingWords = new HashMap<Integer, Set<String>>();
      var pageWords = new HashSet<String>();
      for (Found p : passages) {
        for (int m = 0; m < p.matches(); m++) {
          String word = body.substring(p.starts()[m], p.ends()[m]).toLowerCase(Locale.ROOT);
          pageWords.add(word);
          int s = sectionAt(p.starts()[m]);
          if (s >= 0 && p.ends()[m] <= headingEnd(s))
            headingWords.computeIfAbsent(s, x -> new HashSet<>()).add(word);
        }
        int s = sectionAt(p.start());
        if (s >= 0 && (!best.containsKey(s) || best.get(s).score() < p.score())) best.put(s, p);
      }
      var candidates = new ArrayList<Integer>(best.keySet());
      int exact = -1;
      if (!key.isEmpty()) {
        for (int s = 0; s < sections.size(); s++) {
          if (TitleKey.of(sections.get(s).heading()).equals(key)) {
            exact = s;
            if (!candidates.contains(s)) candidates.add(s);
            break;
          }
        }
      }
      int exactSection = exact;
      float words = Math.max(1, pageWords.size());
      Comparator<Integer> order =
          Comparator.<Integer>comparingInt(s -> s == exactSection ? 0 : 1)
              .thenComparing(
                  s -> {
                    Found p = best.get(s);
                    float score = p == null ? 0 : p.score();
                    return -score * (1 + headingWords.getOrDefault(s, Set.of()).size() / words);
                  })
              .thenComparingInt(s -> s);
      candidates.sort(order);
      var out = new ArrayList<Section>(max);
      for (int s : candidates.subList(0, Math.min(max, candidates.size()))) {
        out.add(section(s, best.get(s), passages));
      }
      return out;
    }

    List<Section> bestPassages(List<Found> passages, int n) {
      var chosen = new ArrayList<>(passages);
      chosen.sort(
          Comparator.comparingDouble((Found p) -> -p.score()).thenComparingInt(Found::start));
      chosen = new ArrayList<>(chosen.subList(0, Math.min(n, chosen.size())));
      chosen.sort(Comparator.comparingInt(Found::start));
      var out = new ArrayList<Section>(chosen.size());
      for (Found p : chosen) {
        int s = sectionAt(p.start());
        if (s < 0) {
          String snippet =
              MarkFormatter.window(
                  body,
                  p.start(),
                  p.end(),
                  p.starts(),
                  p.ends(),
                  p.matches(),
                  Snippets.MAX_CHARS,
                  0,
                  body.length());
          out.add(
              new Section(
                  null,
                  List.of(),
                  "",
                  url,
                  TextFragment.link(url, firstWords(p, p.start())),
                  snippet));
        } else {
          out.add(section(s, p, passages));
        }
      }
      return out;
    }

    /** Section {@code s} shown with passage {@code p} (or its opening when none). */
    private Section section(int s, Found p, List<Found> all) {
      PageSection section = sections.get(s);
      int headingEnd = headingEnd(s);
      int textStart = headingEnd;
      while (textStart < body.length() && Character.isWhitespace(body.charAt(textStart)))
        textStart++;
      int end = sectionEnd(s);
      String anchor = section.anchor();
      String url = anchor.isEmpty() ? this.url : this.url + "#" + TextFragment.fragment(anchor);
      String snippet;
      String words;
      if (p == null) {
        int stop = Math.min(end, textStart + Snippets.TARGET_CHARS);
        snippet =
            MarkFormatter.window(
                body,
                textStart,
                Math.max(textStart, stop),
                new int[0],
                new int[0],
                0,
                Snippets.MAX_CHARS,
                textStart,
                end);
        words = "";
      } else {
        int start = Math.max(p.start(), textStart);
        int stop = Math.max(start, Math.min(p.end(), end));
        if (start >= stop) {
          // The passage is the heading alone: show the section's opening.
          stop = Math.min(end, textStart + Snippets.TARGET_CHARS);
        }
        snippet =
            MarkFormatter.window(
                body,
                start,
                Math.max(start, stop),
                p.starts(),
                p.ends(),
                p.matches(),
                Snippets.MAX_CHARS,
                textStart,
                end);
        words = firstWords(p, start);
        if (words.isEmpty()) words = firstWords(p, section.start());
      }
      return new Section(
          heading(s, all), parents(s), anchor, url, TextFragment.link(url, words), snippet);
    }

    /**
     * The words a link marks: the run of plain words from one of the passage's matches at or after
     * {@code from}, the run holding the most matches (then the longest), so the browser finds this
     * passage rather than an earlier mention of one word.
     */
    private String firstWords(Found p, int from) {
      String best = "";
      int bestMatches = 0;
      for (int m = 0; m < p.matches(); m++) {
        if (p.starts()[m] < from) continue;
        String words = TextFragment.words(body, p.starts()[m], p.ends()[m]);
        int end = p.starts()[m] + words.length();
        int inside = 0;
        for (int k = m; k < p.matches() && p.ends()[k] <= end; k++) inside++;
        if (inside > bestMatches || (inside == bestMatches && words.length() > best.length())) {
          best = words;
          bestMatches = inside;
        }
      }
      return best;
    }

    /** The heading, escaped, with the matches any passage found in it marked. */
    private String heading(int s, List<Found> all) {
      PageSection section = sections.get(s);
      int start = section.start();
      int end = headingEnd(s);
      if (end == start) return MarkFormatter.escape(section.heading());
      var starts = new ArrayList<Integer>();
      var ends = new ArrayList<Integer>();
      for (Found p : all) {
        for (int m = 0; m < p.matches(); m++) {
          if (p.starts()[m] >= start && p.ends()[m] <= end) {
            starts.add(p.starts()[m]);
            ends.add(p.ends()[m]);
          }
        }
      }
      return MarkFormatter.window(
          body,
          start,
          end,
          starts.stream().mapToInt(Integer::intValue).toArray(),
          ends.stream().mapToInt(Integer::intValue).toArray(),
          starts.size(),
          Integer.MAX_VALUE,
          start,
          end);
    }

    /** The headings above section {@code s}, top first. */
    private List<String> parents(int s) {
      var out = new ArrayList<String>();
      int level = sections.get(s).level();
      for (int i = s - 1; i >= 0 && level > 1; i--) {
        PageSection above = sections.get(i);
        if (above.level() < level) {
          out.addFirst(above.heading());
          level = above.level();
        }
      }
      return out;
    }
  }
}
