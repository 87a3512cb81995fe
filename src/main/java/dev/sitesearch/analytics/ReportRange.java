package dev.sitesearch.analytics;

import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.SearchRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers (UTC, both inclusive) and how many rows it lists at most.
 *
 * @param from the first day, in the years a search allows ({@link SearchRequest#checkDate})
 * @param to the last day, in those years, not before {@code from}, at most {@value #MAX_DAYS} days
 *     after it
 * @param size rows at most, 1 to {@value #MAX_SIZE}
 */
public record ReportRange(LocalDate from, LocalDate to, int size) {
  public static final int DEFAULT_DAYS = 30;
  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 1000;

  public ReportRange {
    if (from == null || to == null) throw new IllegalArgumentException("from and to are needed");
    SearchRequest.checkDate(Part.FROM, from); // so the millis below fit in a long
    SearchRequest.checkDate(Part.TO, to);
    if (from.isAfter(to))
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS)
      throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
    if (size < 1 || size > MAX_SIZE)
      throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE);
  }

  long fromMillis() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The end, exclusive: the start of the day after {@code to}. */
  long toMillis() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
