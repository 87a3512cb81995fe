package dev.sitesearch.http;

import static dev.sitesearch.search.InvalidRequestException.shorten;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.analytics.Analytics;
import dev.sitesearch.analytics.Csv;
import dev.sitesearch.analytics.ReportRange;
import dev.sitesearch.analytics.Table;
import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.SearchRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The click beacon ({@code POST /api/analytics/click}, public) and the analytics reports ({@code
 * GET /api/admin/analytics[/{report}]}, behind the admin token as {@link AdminRoutes}).
 *
 * <p>The beacon is what {@code navigator.sendBeacon} sends: a small JSON body as {@code text/plain}
 * (no CORS preflight), {@code {"searchId": "…", "position": 3, "id": "…"|"url": "…"}}. It answers
 * 204 whether or not the search is still known (a visitor who clicks an hour later, or after a
 * restart, is not an error), 400 for a body that is not such an object, 413 past {@value
 * #MAX_BEACON_BYTES} bytes; it is rate-limited like every request.
 */
final class AnalyticsRoutes {
  /** A beacon is a search id, a position and a page id or URL: a URL of ~1,500 characters fits. */
  static final int MAX_BEACON_BYTES = 2048;

  /** The deepest position a click can name: the deepest hit a search reaches. */
  static final int MAX_POSITION = SearchRequest.MAX_WINDOW;

  private final Analytics analytics;
  private final AdminRoutes admin;
  private final Clock clock;

  AnalyticsRoutes(Analytics analytics, AdminRoutes admin, Clock clock) {
    this.analytics = analytics;
    this.admin = admin;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/analytics/click", this::click);
    HttpServer.getAndHead(routes, "/api/admin/analytics", this::summary);
    HttpServer.getAndHead(routes, "/api/admin/analytics/{report}", this::report);
  }

  /** The {@code prev} parameter of a search: the id of the search it replaces, or null. */
  static String searchId(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    String id = v.strip();
    if (!Analytics.SEARCH_ID.matcher(id).matches()) {
      throw ProblemException.badParameter(
          name, name + " must be a searchId from an earlier answer, not '" + shorten(v) + "'");
    }
    return id;
  }

  private void click(Context ctx) throws IOException {
    JsonNode body = beacon(ctx.req().getInputStream());
    String searchId = body.path("searchId").asText("");
    if (!body.path("searchId").isTextual() || !Analytics.SEARCH_ID.matcher(searchId).matches()) {
      throw ProblemException.badParameter(
          "searchId", "searchId must be the searchId of a search answer (16 hex digits)");
    }
    JsonNode position = body.path("position");
    if (!position.canConvertToInt()
        || !position.isIntegralNumber()
        || position.asInt() < 1
        || position.asInt() > MAX_POSITION) {
      throw ProblemException.badParameter(
          "position",
          "position must be the result's rank, a whole number from 1 to " + MAX_POSITION);
    }
    String target = target(body);
    analytics.recordClick(searchId, target, position.asInt());
    ctx.status(204).header("Cache-Control", SearchRoutes.NO_STORE);
  }

  /** The page's id, else its URL; either may be left out. */
  private static String target(JsonNode body) {
    for (String name : new String[] {"id", "url"}) {
      JsonNode v = body.get(name);
      if (v == null || v.isNull()) continue;
      if (!v.isTextual())
        throw ProblemException.badParameter(name, name + " must be a string when given");
      if (!v.asText().isBlank()) return v.asText().strip();
    }
    return "";
  }

  private static JsonNode beacon(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BEACON_BYTES + 1);
    if (bytes.length > MAX_BEACON_BYTES) {
      throw new ProblemException(
          413, "Request too large", "a click beacon is at most " + MAX_BEACON_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = JsonBody.tree(bytes);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new ProblemException(
          400,
          "Bad request",
          "the body must be a JSON object such as {\"searchId\": \"…\", \"position\": 1, \"id\": \"…\"}");
    }
    return node;
  }

  /** Whether recording is on, what it dropped, and the reports there are. */
  private void summary(Context ctx) {
    admin.admit(ctx);
    ctx.header("Cache-Control", SearchRoutes.NO_STORE)
        .json(Map.of("status", analytics.status(), "reports", Analytics.reportNames()));
  }

  private void report(Context ctx) throws IOException {
    admin.admit(ctx);
    String name = ctx.pathParam("report");
    String format = "json";
    if (name.endsWith(".csv")) {
      name = name.substring(0, name.length() - 4);
      format = "csv";
    }
    if (!Analytics.reportNames().contains(name)) {
      throw new ProblemException(
          404,
          "Not found",
          "no report named '"
              + shorten(name)
              + "'; the reports are "
              + String.join(", ", Analytics.reportNames()));
    }
    String asked = ctx.queryParam("format");
    if (asked != null && !asked.isBlank()) {
      format = asked.strip().toLowerCase(Locale.ROOT);
      if (!format.equals("json") && !format.equals("csv"))
        throw ProblemException.badParameter(
            "format", "format must be json or csv, not '" + shorten(asked) + "'");
    }
    ReportRange range = range(ctx);
    if (!analytics.enabled()) {
      throw new ProblemException(
          404, "Not found", "analytics is off: set analytics.enabled to true to count searches");
    }
    Table table = analytics.report(name, range);
    ctx.header("Cache-Control", SearchRoutes.NO_STORE);
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"" + name + "-" + range.from() + "-" + range.to() + ".csv\"")
          .result(Csv.of(table));
    } else {
      ctx.json(table);
    }
  }

  /** {@code from}, {@code to} (days, UTC; the last 30 days by default) and {@code size}. */
  private ReportRange range(Context ctx) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate from = Params.date(ctx, Part.FROM);
    LocalDate to = Params.date(ctx, Part.TO);
    if (to == null) to = from != null && from.isAfter(today) ? from : today;
    if (from == null) {
      from = to.minusDays(ReportRange.DEFAULT_DAYS - 1);
      if (from.isBefore(SearchRequest.EARLIEST_DATE)) from = SearchRequest.EARLIEST_DATE;
    }
    int size = Params.integer(ctx, "size", ReportRange.DEFAULT_SIZE, 1, ReportRange.MAX_SIZE);
    if (from.isAfter(to)) {
      throw ProblemException.badParameter("from", "from (" + from + ") is after to (" + to + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= ReportRange.MAX_DAYS) {
      throw ProblemException.badParameter(
          "from", "a report covers at most " + ReportRange.MAX_DAYS + " days");
    }
    return new ReportRange(from, to, size);
  }
}
