package dev.sitesearch.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report: its name, the days it covers, its columns and its rows (each a map of column to
 * value, in column order), as JSON and CSV print it.
 *
 * @param report the report's name ({@code queries}, {@code no-results}, …)
 * @param from the first day counted (UTC), as {@code 2026-11-30}
 * @param to the last day counted, inclusive
 * @param columns the rows' keys, in order
 * @param rows the rows, best first
 */
public record Table(
    String report, String from, String to, List<String> columns, List<Map<String, Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Builds a table's rows in column order. */
  static final class Builder {
    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Builder(String... columns) {
      this.columns = List.of(columns);
    }

    Builder row(Object... values) {
      if (values.length != columns.size())
        throw new IllegalArgumentException("a row needs " + columns.size() + " values");
      var row = new LinkedHashMap<String, Object>();
      for (int i = 0; i < values.length; i++) row.put(columns.get(i), values[i]);
      rows.add(row);
      return this;
    }

    Table build(String report, ReportRange range) {
      return new Table(report, range.from().toString(), range.to().toString(), columns, rows);
    }
  }
}
