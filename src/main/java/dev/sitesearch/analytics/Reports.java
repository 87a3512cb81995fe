package dev.sitesearch.analytics;

import dev.sitesearch.analytics.EventRows.ClickRow;
import dev.sitesearch.analytics.EventRows.SearchRow;
import dev.sitesearch.analytics.EventRows.SuggestRow;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The reports editors read, counted from the events of a range of days. A search the visitor
 * replaced while still typing (its id named by the next one's {@code supersedes}) is left out of
 * every count of queries, so "chr", "chro", "chronic" count as one search for "chronic"; latency
 * counts every search answered. Suggestion lookups have their own report and are never counted as
 * searches.
 */
public final class Reports {
  /** Every report, by the name the API and the admin page use. */
  public static final List<String> NAMES =
      List.of("queries", "no-results", "no-clicks", "positions", "facets", "days", "suggestions");

  private final EventStore store;

  Reports(EventStore store) {
    this.store = store;
  }

  /** The report {@code name} (one of {@link #NAMES}) over the range. */
  public Table report(String name, ReportRange range) throws IOException {
    return store.read(
        searcher ->
            switch (name) {
              case "queries" ->
                  queries(
                      finalOnly(EventRows.searches(searcher, range)),
                      EventRows.clicks(searcher, range),
                      range);
              case "no-results" -> noResults(finalOnly(EventRows.searches(searcher, range)), range);
              case "no-clicks" ->
                  noClicks(
                      finalOnly(EventRows.searches(searcher, range)),
                      EventRows.clicks(searcher, range),
                      range);
              case "positions" -> positions(EventRows.clicks(searcher, range), range);
              case "facets" -> facets(finalOnly(EventRows.searches(searcher, range)), range);
              case "days" ->
                  days(
                      EventRows.searches(searcher, range),
                      EventRows.suggestions(searcher, range),
                      EventRows.clicks(searcher, range),
                      range);
              case "suggestions" -> suggestions(EventRows.suggestions(searcher, range), range);
              default -> throw new IllegalArgumentException("no report named " + name);
            });
  }

  /** The searches no later search of the same typing run replaced. */
  static List<SearchRow> finalOnly(List<SearchRow> searches) {
    Set<String> replaced = new HashSet<>();
    for (SearchRow s : searches) if (s.supersedes() != null) replaced.add(s.supersedes());
    if (replaced.isEmpty()) return searches;
    return searches.stream().filter(s -> !replaced.contains(s.id())).toList();
  }

  private static Table queries(List<SearchRow> searches, List<ClickRow> clicks, ReportRange range) {
    Map<String, Long> clicksByQuery = count(clicks, ClickRow::query);
    var byQuery = new HashMap<String, long[]>(); // searches, without results
    for (SearchRow s : searches) {
      if (s.query().isEmpty()) continue;
      long[] c = byQuery.computeIfAbsent(s.query(), q -> new long[2]);
      c[0]++;
      if (s.results() == 0) c[1]++;
    }
    var table = new Table.Builder("query", "searches", "noResults", "clicks", "clickRate");
    for (var e : top(byQuery, c -> c[0], range.size())) {
      long clicked = clicksByQuery.getOrDefault(e.getKey(), 0L);
      long[] c = e.getValue();
      table.row(e.getKey(), c[0], c[1], clicked, ratio(clicked, c[0]));
    }
    return table.build("queries", range);
  }

  private static Table noResults(List<SearchRow> searches, ReportRange range) {
    var byQuery = new HashMap<String, long[]>(); // searches, last time
    for (SearchRow s : searches) {
      if (s.query().isEmpty() || s.results() > 0) continue;
      long[] c = byQuery.computeIfAbsent(s.query(), q -> new long[2]);
      c[0]++;
      c[1] = Math.max(c[1], s.time());
    }
    var table = new Table.Builder("query", "searches", "lastSearched");
    for (var e : top(byQuery, c -> c[0], range.size()))
      table.row(e.getKey(), e.getValue()[0], day(e.getValue()[1]).toString());
    return table.build("no-results", range);
  }

  private static Table noClicks(
      List<SearchRow> searches, List<ClickRow> clicks, ReportRange range) {
    Set<String> clicked = new HashSet<>();
    for (ClickRow c : clicks) clicked.add(c.query());
    var byQuery = new HashMap<String, long[]>(); // searches, results of the latest, its time
    for (SearchRow s : searches) {
      if (s.query().isEmpty() || s.results() == 0 || clicked.contains(s.query())) continue;
      long[] c = byQuery.computeIfAbsent(s.query(), q -> new long[3]);
      c[0]++;
      if (s.time() >= c[2]) {
        c[1] = s.results();
        c[2] = s.time();
      }
    }
    var table = new Table.Builder("query", "searches", "results");
    for (var e : top(byQuery, c -> c[0], range.size()))
      table.row(e.getKey(), e.getValue()[0], e.getValue()[1]);
    return table.build("no-clicks", range);
  }

  private static Table positions(List<ClickRow> clicks, ReportRange range) {
    var byPosition = new TreeMap<Integer, Long>();
    for (ClickRow c : clicks) byPosition.merge(c.position(), 1L, Long::sum);
    var table = new Table.Builder("position", "clicks", "share");
    byPosition.entrySet().stream()
        .limit(range.size())
        .forEach(e -> table.row(e.getKey(), e.getValue(), ratio(e.getValue(), clicks.size())));
    return table.build("positions", range);
  }

  private static Table facets(List<SearchRow> searches, ReportRange range) {
    var byValue = new HashMap<String, long[]>();
    for (SearchRow s : searches)
      for (String filter : s.filters()) byValue.computeIfAbsent(filter, f -> new long[1])[0]++;
    var table = new Table.Builder("facet", "value", "searches");
    for (var e : top(byValue, c -> c[0], range.size())) {
      String filter = e.getKey();
      int eq = filter.indexOf('=');
      table.row(filter.substring(0, eq), filter.substring(eq + 1), e.getValue()[0]);
    }
    return table.build("facets", range);
  }

  /** Every day of the range, also those without events, so a chart's days line up. */
  private static Table days(
      List<SearchRow> all, List<SuggestRow> suggestions, List<ClickRow> clicks, ReportRange range) {
    Map<LocalDate, Long> searches = new HashMap<>();
    Map<LocalDate, Long> noResults = new HashMap<>();
    for (SearchRow s : finalOnly(all)) {
      searches.merge(day(s.time()), 1L, Long::sum);
      if (s.results() == 0 && !s.query().isEmpty()) noResults.merge(day(s.time()), 1L, Long::sum);
    }
    Map<LocalDate, Long> lookups = count(suggestions, s -> day(s.time()));
    Map<LocalDate, Long> clicked = count(clicks, c -> day(c.time()));
    Map<LocalDate, List<Long>> latencies = new HashMap<>();
    for (SearchRow s : all)
      latencies.computeIfAbsent(day(s.time()), d -> new ArrayList<>()).add(s.latencyMs());
    var table =
        new Table.Builder(
            "day", "searches", "noResults", "clicks", "suggestions", "p50Ms", "p95Ms");
    for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
      long[] sorted =
          latencies.getOrDefault(d, List.of()).stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      table.row(
          d.toString(),
          searches.getOrDefault(d, 0L),
          noResults.getOrDefault(d, 0L),
          clicked.getOrDefault(d, 0L),
          lookups.getOrDefault(d, 0L),
          percentile(sorted, 0.50),
          percentile(sorted, 0.95));
    }
    return table.build("days", range);
  }

  /** What was typed into the box: most lookups first; {@code empty} counts those with none. */
  private static Table suggestions(List<SuggestRow> lookups, ReportRange range) {
    var byPrefix = new HashMap<String, long[]>();
    for (SuggestRow s : lookups) {
      long[] c = byPrefix.computeIfAbsent(s.prefix(), p -> new long[2]);
      c[0]++;
      if (s.suggestions() == 0) c[1]++;
    }
    var table = new Table.Builder("prefix", "lookups", "empty");
    for (var e : top(byPrefix, c -> c[0], range.size()))
      table.row(e.getKey(), e.getValue()[0], e.getValue()[1]);
    return table.build("suggestions", range);
  }

  /** The {@code size} entries with the highest count, ties by key, so answers are stable. */
  private static <V> List<Map.Entry<String, V>> top(
      Map<String, V> counts, ToLongFunction<V> count, int size) {
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, V> e) -> count.applyAsLong(e.getValue()))
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(size)
        .toList();
  }

  private static <T, K> Map<K, Long> count(List<T> rows, Function<T, K> key) {
    var out = new HashMap<K, Long>();
    for (T row : rows) out.merge(key.apply(row), 1L, Long::sum);
    return out;
  }

  /** The nearest-rank percentile, or null for a day without searches. */
  static Long percentile(long[] sorted, double p) {
    if (sorted.length == 0) return null;
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** {@code part / whole} with 3 decimals; 0 for an empty whole. */
  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
  }

  private static LocalDate day(long millis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
