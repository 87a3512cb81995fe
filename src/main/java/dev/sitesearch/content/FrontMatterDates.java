package dev.sitesearch.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page's dates come from, as Hugo's {@code [frontmatter]} settings say: for each of {@code
 * date}, {@code publishDate} and {@code expiryDate} an ordered list of front-matter keys and tokens
 * ({@code :filename}, {@code :fileModTime}, {@code :default}); the first that gives a date wins.
 * {@code :filename} also gives the page its slug when it wins.
 *
 * @param date the sources of the page date (used by {@code :year} and friends in permalinks)
 * @param publishDate the sources of the publish date (a future one keeps the page out)
 * @param expiryDate the sources of the expiry date (a past one keeps the page out)
 */
record FrontMatterDates(List<String> date, List<String> publishDate, List<String> expiryDate) {
  static final List<String> DEFAULT_DATE = List.of("date", "publishdate", "lastmod");
  static final List<String> DEFAULT_PUBLISH = List.of("publishdate", "date");
  static final List<String> DEFAULT_EXPIRY = List.of("expirydate");

  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "lastmod", List.of("modified"),
          "publishdate", List.of("pubdate", "published"),
          "expirydate", List.of("unpublishdate"));

  /** Separators around the slug left of a dated file name. */
  private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[ _-]+|[ _-]+$");

  private static final Pattern DATED_NAME =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:.(\\d{2})-(\\d{2})-(\\d{2}))?");

  /** Hugo's own sources, declared after the aliases it is made with. */
  static final FrontMatterDates DEFAULTS = read(null);

  FrontMatterDates {
    date = List.copyOf(date);
    publishDate = List.copyOf(publishDate);
    expiryDate = List.copyOf(expiryDate);
  }

  /** A page's dates; any may be null. */
  record Dates(ZonedDateTime date, Instant publishDate, Instant expiryDate, String slug) {}

  /** Reads the site's {@code frontmatter} map (keys in lower case), or the defaults for null. */
  static FrontMatterDates read(Object config) {
    Map<?, ?> map = config instanceof Map<?, ?> m ? m : Map.of();
    return new FrontMatterDates(
        sources(map.get("date"), DEFAULT_DATE),
        sources(map.get("publishdate"), DEFAULT_PUBLISH),
        sources(map.get("expirydate"), DEFAULT_EXPIRY));
  }

  private static List<String> sources(Object configured, List<String> defaults) {
    List<String> given = new ArrayList<>();
    if (configured instanceof List<?> list) {
      list.forEach(o -> given.add(String.valueOf(o).toLowerCase(Locale.ROOT)));
    } else if (configured != null) {
      given.add(String.valueOf(configured).toLowerCase(Locale.ROOT));
    } else {
      given.addAll(defaults);
    }
    var out = new LinkedHashSet<String>();
    for (String s : given) {
      for (String v : s.equals(":default") ? defaults : List.of(s)) {
        out.add(v);
        out.addAll(ALIASES.getOrDefault(v, List.of()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The dates of a page whose front matter (keys in lower case) is {@code fm}, whose file name
   * without extension and language is {@code baseName} and was modified at {@code mtimeMillis}. A
   * value that is not a date is reported to {@code warnings} and the next source tried.
   */
  Dates resolve(
      Map<String, Object> fm, String baseName, long mtimeMillis, Consumer<String> warnings) {
    String[] slug = {null};
    ZonedDateTime d = first(date, fm, baseName, mtimeMillis, s -> {}, slug);
    String[] ignored = {null};
    ZonedDateTime p = first(publishDate, fm, baseName, mtimeMillis, warnings, ignored);
    ZonedDateTime e = first(expiryDate, fm, baseName, mtimeMillis, warnings, ignored);
    return new Dates(
        d, p == null ? null : p.toInstant(), e == null ? null : e.toInstant(), slug[0]);
  }

  private static ZonedDateTime first(
      List<String> sources,
      Map<String, Object> fm,
      String baseName,
      long mtimeMillis,
      Consumer<String> warnings,
      String[] slug) {
    for (String source : sources) {
      ZonedDateTime found =
          switch (source) {
            case ":filename" -> fromFileName(baseName, slug);
            case ":filemodtime" -> Instant.ofEpochMilli(mtimeMillis).atZone(ZoneOffset.UTC);
            case ":git" -> null; // needs the repository's history, which sitesearch does not read
            // A bad date is reported by the index's date fields; said once is enough.
            default ->
                value(fm.get(source), source, source.equals("date") ? problem -> {} : warnings);
          };
      if (found != null) return found;
    }
    return null;
  }

  private static ZonedDateTime value(Object v, String key, Consumer<String> warnings) {
    if (v == null || v instanceof Boolean) return null; // "published: true" is not a date
    try {
      ZonedDateTime date = zoned(v);
      if (date != null && (date.getYear() < 1 || date.getYear() > 9999))
        throw new IllegalArgumentException(
            "'" + v + "' is outside the years 0001 to 9999 that searches can ask for");
      return date;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      warnings.accept(key + ": " + e.getMessage() + "; the field is left out");
      return null;
    }
  }

  /** A front-matter date with its own offset kept (UTC when it has none), or null when blank. */
  static ZonedDateTime zoned(Object v) {
    if (v instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC);
    if (v instanceof OffsetDateTime o) return o.toZonedDateTime();
    if (v instanceof LocalDateTime l) return l.atZone(ZoneOffset.UTC);
    if (v instanceof LocalDate l) return l.atStartOfDay(ZoneOffset.UTC);
    String s = v instanceof Map || v instanceof List ? null : String.valueOf(v).strip();
    if (s != null && s.length() > 10 && s.charAt(10) == ' ')
      s = s.substring(0, 10) + "T" + s.substring(11);
    if (s != null) {
      try {
        return OffsetDateTime.parse(s).toZonedDateTime();
      } catch (DateTimeParseException ignored) {
        // not with an offset; DateValue reads the other forms and says what is wrong
      }
    }
    return DateValue.parse(v).map(i -> i.atZone(ZoneOffset.UTC)).orElse(null);
  }

  /** The date a file name starts with ({@code 2024-02-03-hello}), setting the rest as slug. */
  private static ZonedDateTime fromFileName(String baseName, String[] slug) {
    Matcher m = DATED_NAME.matcher(baseName);
    if (!m.find()) return null;
    try {
      LocalDate day = LocalDate.parse(m.group(1));
      ZonedDateTime at = day.atStartOfDay(ZoneOffset.UTC);
      if (m.group(2) != null) {
        at =
            at.withHour(Integer.parseInt(m.group(2)))
                .withMinute(Integer.parseInt(m.group(3)))
                .withSecond(Integer.parseInt(m.group(4)));
      }
      String rest = EDGE_SEPARATORS.matcher(baseName.substring(m.end())).replaceAll("");
      slug[0] = rest.isEmpty() ? null : rest;
      return at;
    } catch (DateTimeException e) {
      return null;
    }
  }
}
