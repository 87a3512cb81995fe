package dev.sitesearch.http;

import static dev.sitesearch.search.InvalidRequestException.shorten;

import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.SearchRequest;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads query parameters strictly: a value that is present but wrong is a 400 naming the parameter.
 */
final class Params {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  /** The whole value must match, and strictly: no 2024-02-30, no 24:00, nothing after the time. */
  private static final DateTimeFormatter DATE_OR_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private Params() {}

  static String string(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  /**
   * A whole number written in ASCII digits: {@link Integer#parseInt} alone would also take {@code
   * ٣} (Arabic-Indic) or {@code １} (full-width) as 3 and 1. Every number in a query is read here.
   */
  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      String s = v.strip();
      if (!WHOLE_NUMBER.matcher(s).matches()) throw new NumberFormatException();
      int n = Integer.parseInt(s);
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw ProblemException.badParameter(
          name,
          name
              + " must be a whole number from "
              + min
              + " to "
              + max
              + ", not '"
              + shorten(v)
              + "'");
    }
  }

  /** A positive page number whose size check is left to the search request (page × size). */
  static int page(Context ctx) {
    return integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
  }

  static boolean bool(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return false;
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ProblemException.badParameter(
              name, name + " must be true or false, not '" + shorten(v) + "'");
    };
  }

  /**
   * An ISO date (2024-05-31) within the years a search allows ({@link SearchRequest#checkDate}); an
   * ISO date-time (2024-05-31T10:15, 2024-05-31T10:15:30.5Z, 2024-05-31T10:15:30+02:00) is accepted
   * and the date it names kept, so a page's own {@code date} can be sent back. Checked here, before
   * anyone counts days from it: {@code +999999999-12-31} is a date, but the day after it is not.
   */
  static LocalDate date(Context ctx, Part part) {
    String name = name(part, null);
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    LocalDate date;
    try {
      date = DATE_OR_DATE_TIME.parse(v.strip(), LocalDate::from);
    } catch (DateTimeParseException e) {
      throw ProblemException.badParameter(
          name,
          name
              + " must be a date such as 2024-05-31 or a date-time such as 2024-05-31T10:15:30Z,"
              + " not '"
              + shorten(v)
              + "'");
    }
    return SearchRequest.checkDate(part, date);
  }

  /** A comma-separated list, or null when absent. */
  static List<String> list(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) return null;
    var out = new ArrayList<String>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  /** Every {@code f.<facet>=<value>} parameter, grouped by facet. */
  static Map<String, List<String>> filters(Context ctx) {
    var filters = new LinkedHashMap<String, List<String>>();
    ctx.queryParamMap()
        .forEach(
            (key, values) -> {
              if (key.startsWith("f.")) {
                String facet = key.substring(2);
                if (facet.isEmpty())
                  throw ProblemException.badParameter(
                      key, "a filter needs a facet name: f.<facet>=<value>");
                filters.computeIfAbsent(facet, k -> new ArrayList<>()).addAll(values);
              }
            });
    return filters;
  }

  /**
   * The query parameter a part of a search request arrives in: the search core names what is wrong
   * in its own terms, and this is where they meet HTTP's.
   */
  static String name(Part part, String facet) {
    return switch (part) {
      case QUERY -> "q";
      case FILTER -> "f." + facet;
      case FROM -> "from";
      case TO -> "to";
      case SORT -> "sort";
      case PAGE -> "page";
      case SIZE -> "size";
      case FACETS -> "facets";
      case FACET_SIZE -> "facetSize";
      case FACET -> "facet";
      case LANG -> "lang";
      case SNIPPETS -> "snippets";
      case SECTIONS -> "sections";
    };
  }
}
