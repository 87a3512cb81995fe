package dev.sitesearch.search;

import dev.sitesearch.content.PageSection;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.SearchResponse.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One hit's body, its sections and URL, and what is shown of them ({@link SectionPicker}): its
 * passages cut where sections start, the best sections (a heading that is the query first, then by
 * best passage raised by the share of the page's matched words the heading holds) and the best
 * passages in page order, each formatted with its heading, parents, anchor and text-fragment link.
 *
 * @param body the stored body, cut where the highlighter stops reading
 * @param sections its sections, their starts in {@code body}
 * @param url the page's URL
 */
record PageExcerpts(String body, List<PageSection> sections, String url) {
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
  List<ScoredPassage> split(List<ScoredPassage> passages) {
    var out = new ArrayList<ScoredPassage>(passages.size());
    for (ScoredPassage p : passages) {
      int first = sectionAt(p.start());
      int last = sectionAt(Math.max(p.start(), p.end() - 1));
      if (first == last) {
        out.add(p);
        continue;
      }
      for (int s = first; s <= last; s++) {
        int from = s < 0 ? 0 : Math.max(p.start(), sections.get(s).start());
        int to = s + 1 < sections.size() ? Math.min(p.end(), sections.get(s + 1).start()) : p.end();
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
            new ScoredPassage(
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

  List<Section> bestSections(List<ScoredPassage> passages, String key, int max) {
    if (sections.isEmpty() || max == 0) return List.of();
    var best = new HashMap<Integer, ScoredPassage>();
    var headingWords = new HashMap<Integer, Set<String>>();
    var pageWords = new HashSet<String>();
    for (ScoredPassage p : passages) {
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
                  ScoredPassage p = best.get(s);
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

  List<Section> bestPassages(List<ScoredPassage> passages, int n) {
    var chosen = new ArrayList<>(passages);
    chosen.sort(
        Comparator.comparingDouble((ScoredPassage p) -> -p.score())
            .thenComparingInt(ScoredPassage::start));
    chosen = new ArrayList<>(chosen.subList(0, Math.min(n, chosen.size())));
    chosen.sort(Comparator.comparingInt(ScoredPassage::start));
    var out = new ArrayList<Section>(chosen.size());
    for (ScoredPassage p : chosen) {
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
  private Section section(int s, ScoredPassage p, List<ScoredPassage> all) {
    PageSection section = sections.get(s);
    int headingEnd = headingEnd(s);
    int textStart = headingEnd;
    while (textStart < body.length() && Character.isWhitespace(body.charAt(textStart))) textStart++;
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
  private String firstWords(ScoredPassage p, int from) {
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
  private String heading(int s, List<ScoredPassage> all) {
    PageSection section = sections.get(s);
    int start = section.start();
    int end = headingEnd(s);
    if (end == start) return MarkFormatter.escape(section.heading());
    var starts = new ArrayList<Integer>();
    var ends = new ArrayList<Integer>();
    for (ScoredPassage p : all) {
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
