package dev.sitesearch.http;

import static dev.sitesearch.search.InvalidRequestException.shorten;

import dev.sitesearch.search.ValueQuery;
import io.javalin.http.Context;

/**
 * The value finder's own parameters of {@code GET /api/facets/{facet}}: {@code prefix}, {@code
 * search}, {@code order}, {@code offset} and {@code size}, each checked (a wrong one is a 400
 * naming it). {@code sort} stays the search's order, as for {@code /api/search}, so the values are
 * ordered by {@code order}.
 */
final class FacetValueParams {
  static final int DEFAULT_SIZE = 100;

  private FacetValueParams() {}

  static ValueQuery read(Context ctx) {
    String prefix = text(ctx, "prefix");
    String search = text(ctx, "search");
    String orderName = ctx.queryParam("order");
    ValueQuery.Order order = ValueQuery.Order.COUNT;
    if (orderName != null && !orderName.isBlank()) {
      order = ValueQuery.Order.parse(orderName);
      if (order == null)
        throw ProblemException.badParameter(
            "order", "order must be count or name, not '" + shorten(orderName) + "'");
    }
    int offset = Params.integer(ctx, "offset", 0, 0, ValueQuery.MAX_OFFSET);
    int size = Params.integer(ctx, "size", DEFAULT_SIZE, 1, ValueQuery.MAX_SIZE);
    return new ValueQuery(prefix, search, order, offset, size);
  }

  private static String text(Context ctx, String name) {
    String v = Params.string(ctx, name);
    if (v.length() > ValueQuery.MAX_TEXT_CHARS)
      throw ProblemException.badParameter(
          name, name + " is limited to " + ValueQuery.MAX_TEXT_CHARS + " characters");
    return v;
  }
}
