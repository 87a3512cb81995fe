package dev.sitesearch.content;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the date forms Hugo accepts in front matter (Hugo's list of parsable date/time strings, and
 * the further layouts its date parser tries): RFC 3339 with or without offset or fraction ({@code
 * 2023-10-15T13:18:50-07:00}, {@code …-0700}, {@code …Z}), a local date-time ({@code
 * 2023-10-15T13:18:50}, also with a space for the {@code T}), a bare date ({@code 2023-10-15}),
 * {@code 15 Oct 2023}, the e-mail and Unix forms ({@code Sun, 15 Oct 2023 13:18:50 -0700}, {@code
 * Sun Oct 15 13:18:50 UTC 2023}), and YAML's and TOML's own dates. A value without an offset is
 * UTC, as Hugo's default time zone.
 */
public final class DateValue {
  /** What a person should write, named in every error. */
  private static final String EXAMPLES = "use 2024-05-31 or 2024-05-31T08:00:00Z";

  private static final List<DateTimeFormatter> FORMS =
      List.of(
          iso(), // RFC 3339 and its relatives: 'T' or space, optional seconds, fraction, offset
          pattern("d MMM uuuu"), // 15 Oct 2023
          pattern("[EEE, ]d MMM uuuu HH:mm[:ss] [XX][XXX][z]"), // RFC 1123 and 822, four-digit year
          pattern("[EEE, ]d MMM uu HH:mm[:ss] [XX][XXX][z]"), // RFC 822, two-digit year
          pattern("EEEE, dd-MMM-uu HH:mm:ss z"), // RFC 850
          pattern("EEE MMM ppd HH:mm:ss [z ][XX ]uuuu")); // ANSI C, Unix date, Ruby date

  private DateValue() {}

  /**
   * The instant, empty for a missing or blank value; throws for a value that is present but not a
   * date.
   */
  public static Optional<Instant> parse(Object value) {
    if (value == null) return Optional.empty();
    if (value instanceof Date d) return Optional.of(d.toInstant());
    if (value instanceof TemporalAccessor t) return Optional.of(fromTemporal(t));
    // A whole number is seconds since 1970, as Hugo's cast.ToTime reads one.
    if (value instanceof Integer || value instanceof Long)
      return Optional.of(Instant.ofEpochSecond(((Number) value).longValue()));
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(
          "expected a date, found a " + (value instanceof Map ? "map" : "list"));
    }
    String s = String.valueOf(value).strip();
    if (s.isEmpty()) return Optional.empty();
    for (int i = 0; i < FORMS.size(); i++) {
      DateTimeFormatter form = FORMS.get(i);
      var position = new ParsePosition(0);
      try {
        if (i == 0) {
          // Nearly every date has the first form: read and resolved in one pass (the others are
          // first tried without resolving, which costs no exception when they do not fit).
          TemporalAccessor parsed = form.parse(s, position);
          if (position.getIndex() == s.length()) return Optional.of(instant(parsed));
          continue;
        }
        TemporalAccessor parsed = form.parseUnresolved(s, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != s.length())
          continue;
        return Optional.of(instant(form.parse(s)));
      } catch (RuntimeException e) {
        // not this form, or the right shape but not a real date (30 February): try the next one,
        // then report
      }
    }
    throw new IllegalArgumentException(
        "'"
            + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
            + "' is not a date ("
            + EXAMPLES
            + ")");
  }

  private static Instant instant(TemporalAccessor t) {
    LocalDate date = t.query(TemporalQueries.localDate());
    if (!t.isSupported(ChronoField.HOUR_OF_DAY))
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    LocalDateTime local = LocalDateTime.of(date, t.query(TemporalQueries.localTime()));
    var zone = t.query(TemporalQueries.zone());
    return zone == null ? local.toInstant(ZoneOffset.UTC) : local.atZone(zone).toInstant();
  }

  private static Instant fromTemporal(TemporalAccessor t) {
    if (t instanceof Instant i) return i;
    if (t instanceof OffsetDateTime o) return o.toInstant();
    if (t instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
    if (t instanceof LocalDate d) return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Instant.from(t);
  }

  /** {@code 2023-10-15}, then optionally {@code T} or a space and a time, a fraction, an offset. */
  private static DateTimeFormatter iso() {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart()
        .optionalStart()
        .appendLiteral('T')
        .optionalEnd()
        .optionalStart()
        .appendLiteral(' ')
        .optionalEnd()
        .appendValue(ChronoField.HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
        .optionalStart()
        .appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .optionalEnd()
        .optionalEnd()
        .optionalStart()
        .appendLiteral(' ')
        .optionalEnd()
        .appendPattern("[XXX][XX][X]")
        .optionalEnd()
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
