package dev.sitesearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.content.FrontMatterPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The fixture's published pages as the test reads them straight from the files, so expected results
 * (which pages match a set of filters, how many pages have each facet value) are computed by brute
 * force rather than copied from the product.
 */
final class FixturePages {
  /**
   * One published page: its id, title, date (null when undated), facet values, and its searchable
   * text (title, description and body as written, front matter excluded).
   */
  record Page(
      String id,
      String path,
      String title,
      Instant date,
      Map<String, List<String>> facets,
      String text) {
    boolean has(String facet, String value) {
      return facets.getOrDefault(facet, List.of()).contains(value);
    }
  }

  /** A facet value and its count, as the API lists them. */
  record Count(String value, long count, boolean selected) {
    /** The counts in a JSON array of the API's facet values. */
    static List<Count> list(JsonNode values) {
      var out = new ArrayList<Count>();
      values.forEach(
          v ->
              out.add(
                  new Count(
                      v.get("value").asText(),
                      v.get("count").asLong(),
                      v.get("selected").asBoolean())));
      return out;
    }
  }

  static final Comparator<Count> BY_COUNT_THEN_VALUE =
      Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value);

  private final List<Page> pages;

  private FixturePages(List<Page> pages) {
    this.pages = List.copyOf(pages);
  }

  /** Reads every non-draft page under {@code root}, with the values of the given facets. */
  static FixturePages load(Path root, List<String> facetNames) {
    var pages = new ArrayList<Page>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        Page page = read(rel, Files.readString(file), facetNames);
        if (page != null) pages.add(page);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FixturePages(pages);
  }

  private static Page read(String rel, String text, List<String> facetNames) {
    Map<String, Object> fm = Map.of();
    String body = text;
    if (text.startsWith("---\n")) {
      int close = text.indexOf("\n---\n", 4);
      fm = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, close));
      body = text.substring(close + 5);
    }
    if (Boolean.TRUE.equals(fm.get("draft"))) return null;
    String id = fm.containsKey("id") ? String.valueOf(fm.get("id")) : rel;
    String title =
        fm.containsKey("title")
            ? String.valueOf(fm.get("title"))
            : body.lines()
                .filter(l -> l.startsWith("# "))
                .findFirst()
                .orElseThrow()
                .substring(2)
                .strip();
    Instant date = date(fm.get("date"));
    var facets = new LinkedHashMap<String, List<String>>();
    for (String facet : facetNames) {
      // The fixture's sections are its top folders (no _index.md makes a deeper one a section).
      List<String> values =
          facet.equals("section")
              ? rel.contains("/") ? List.of(rel.substring(0, rel.indexOf('/'))) : List.of()
              : facet.equals("year")
                  ? date == null
                      ? List.of()
                      : List.of(String.valueOf(date.atZone(ZoneOffset.UTC).getYear()))
                  : values(FrontMatterPath.get(fm, facet));
      if (!values.isEmpty()) facets.put(facet, values);
    }
    String searchable =
        title + "\n" + (fm.get("description") == null ? "" : fm.get("description")) + "\n" + body;
    return new Page(id, rel, title, date, facets, searchable);
  }

  private static List<String> values(Object raw) {
    if (raw == null) return List.of();
    Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
    var out = new LinkedHashSet<String>();
    for (Object item : items) {
      String s = item == null ? "" : String.valueOf(item).strip();
      if (!s.isEmpty()) out.add(s);
    }
    return List.copyOf(out);
  }

  private static Instant date(Object raw) {
    if (raw == null) return null;
    if (raw instanceof Date d) return d.toInstant();
    String s = String.valueOf(raw).strip();
    return s.length() == 10
        ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
        : OffsetDateTime.parse(s).toInstant();
  }

  List<Page> all() {
    return pages;
  }

  Page byId(String id) {
    return pages.stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id));
  }

  /**
   * Pages whose text has {@code word} as a whole word, ignoring case: what a search for a word the
   * stemmer leaves alone (and no synonym or typo reaches) must find.
   */
  List<Page> withWord(String word) {
    var pattern =
        Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
    return pages.stream().filter(p -> pattern.matcher(p.text()).find()).toList();
  }

  /** Pages passing every facet filter (values of one facet OR-ed) and the inclusive date range. */
  List<Page> matching(Map<String, List<String>> filters, LocalDate from, LocalDate to) {
    return pages.stream().filter(p -> passes(p, filters, null) && inRange(p, from, to)).toList();
  }

  private static boolean passes(Page page, Map<String, List<String>> filters, String exceptFacet) {
    for (var filter : filters.entrySet()) {
      if (filter.getKey().equals(exceptFacet)) continue;
      if (filter.getValue().stream().noneMatch(v -> page.has(filter.getKey(), v))) return false;
    }
    return true;
  }

  private static boolean inRange(Page page, LocalDate from, LocalDate to) {
    if (from == null && to == null) return true;
    if (page.date() == null) return false;
    LocalDate day = page.date().atZone(ZoneOffset.UTC).toLocalDate();
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /**
   * Disjunctive facet counts: each facet counted over the pages passing every filter except its
   * own, values ordered by count then value, and every selected value listed (with zero if no page
   * has it).
   */
  Map<String, List<Count>> expectedFacets(
      List<String> facetNames, Map<String, List<String>> filters, LocalDate from, LocalDate to) {
    var out = new LinkedHashMap<String, List<Count>>();
    for (String facet : facetNames) {
      var counts = new TreeMap<String, Long>();
      for (Page page : pages) {
        if (!passes(page, filters, facet) || !inRange(page, from, to)) continue;
        page.facets().getOrDefault(facet, List.of()).forEach(v -> counts.merge(v, 1L, Long::sum));
      }
      List<String> selected = filters.getOrDefault(facet, List.of());
      selected.forEach(v -> counts.putIfAbsent(v, 0L));
      var list = new ArrayList<Count>();
      counts.forEach((value, count) -> list.add(new Count(value, count, selected.contains(value))));
      list.sort(BY_COUNT_THEN_VALUE);
      out.put(facet, list);
    }
    return out;
  }
}
