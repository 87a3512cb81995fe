package dev.sitesearch.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the date forms Hugo accepts in front matter: RFC 3339 with or without offset or fraction, a
 * local date-time (taken as UTC), a bare date, a space instead of the 'T', and YAML's own
 * timestamps.
 */
public final class DateValue {
  private DateValue() {}

  /**
   * The instant, empty for a missing or blank value; throws for a value that is present but not a
   * date.
   */
  public static Optional<Instant> parse(Object value) {
    if (value == null) return Optional.empty();
    if (value instanceof Date d) return Optional.of(d.toInstant());
    if (value instanceof TemporalAccessor t) return Optional.of(fromTemporal(t));
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(
          "expected a date, found a " + (value instanceof Map ? "map" : "list"));
    }
    String s = String.valueOf(value).strip();
    if (s.isEmpty()) return Optional.empty();
    String iso =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
              + "' is not a date (use 2024-05-31 or 2024-05-31T08:00:00Z)");
    }
  }

  private static Instant fromTemporal(TemporalAccessor t) {
    if (t instanceof Instant i) return i;
    if (t instanceof OffsetDateTime o) return o.toInstant();
    if (t instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
    if (t instanceof LocalDate d) return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Instant.from(t);
  }
}
