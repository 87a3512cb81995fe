package dev.sitesearch.search;

import java.util.Locale;

/**
 * Which of a facet's values {@code GET /api/facets/{facet}} answers, and in which order.
 *
 * @param prefix values with a word starting with this ("" for all)
 * @param search values whose words match these typed words, a misspelling allowed ({@link
 *     ValueMatch}; "" for all); they rank by closeness first
 * @param order the order after closeness
 * @param offset values skipped, for "show more"
 * @param size values answered at most
 */
public record ValueQuery(String prefix, String search, Order order, int offset, int size) {
  /** The most values one answer holds. */
  public static final int MAX_SIZE = 1000;

  /** The deepest a page of values may start. */
  public static final int MAX_OFFSET = 100_000;

  /** The longest text {@code prefix} and {@code search} take. */
  public static final int MAX_TEXT_CHARS = 200;

  /** How values are ordered: most results first, or by name (case and accents ignored). */
  public enum Order {
    COUNT,
    NAME;

    /** The order named {@code count} or {@code name} (any case), else null. */
    public static Order parse(String name) {
      return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "count" -> COUNT;
        case "name" -> NAME;
        default -> null;
      };
    }
  }

  public ValueQuery {
    prefix = prefix == null ? "" : prefix;
    search = search == null ? "" : search;
    if (order == null) order = Order.COUNT;
    if (prefix.length() > MAX_TEXT_CHARS || search.length() > MAX_TEXT_CHARS)
      throw new IllegalArgumentException("prefix and search are limited to " + MAX_TEXT_CHARS);
    if (offset < 0 || offset > MAX_OFFSET) throw new IllegalArgumentException("offset " + offset);
    if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size " + size);
  }

  /** Every value (up to {@code size}) with a word starting with {@code prefix}, by count. */
  public static ValueQuery prefix(String prefix, int size) {
    return new ValueQuery(prefix, "", Order.COUNT, 0, size);
  }
}
