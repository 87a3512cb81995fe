package dev.sitesearch.analytics;

import java.util.ArrayList;
import java.util.Map;

/**
 * A {@link Table} as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or
 * line break quoted, quotes doubled). Queries are typed by anyone, and a spreadsheet runs a cell
 * that starts with {@code = + - @} (or a tab or carriage return) as a formula, so such a cell is
 * prefixed with {@code '}, as OWASP advises for CSV injection.
 */
public final class Csv {
  private Csv() {}

  public static String of(Table table) {
    var out = new StringBuilder();
    line(out, table.columns());
    for (Map<String, Object> row : table.rows()) {
      var cells = new ArrayList<String>();
      for (String column : table.columns()) {
        Object value = row.get(column);
        cells.add(value == null ? "" : String.valueOf(value));
      }
      line(out, cells);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, Iterable<String> cells) {
    boolean first = true;
    for (String cell : cells) {
      if (!first) out.append(',');
      first = false;
      out.append(cell(cell));
    }
    out.append("\r\n");
  }

  /** One cell, defused and quoted as needed. */
  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** A plain number (a negative count or rate is data, not a formula). */
  private static boolean isNumber(String text) {
    return text.matches("-?\\d+(\\.\\d+)?");
  }
}
