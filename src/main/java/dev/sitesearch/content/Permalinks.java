package dev.sitesearch.content;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's {@code permalinks}: URL patterns such as {@code /:section/:year/:month/:slug/}, each
 * for the pages its target matches; the first matching rule wins. Read from all three forms Hugo
 * takes: {@code section = pattern} (regular pages and terms of that section), {@code [permalinks.
 * <kind>] section = pattern}, and (from Hugo 0.161) a list of {@code {pattern, target}}.
 *
 * @param rules the rules, in the order they are tried
 */
record Permalinks(List<Rule> rules) {
  static final Permalinks NONE = new Permalinks(List.of());
  private static final Pattern TOKEN = Pattern.compile(":\\w+(\\[.+?\\])?");
  private static final List<String> KINDS =
      List.of(
          PagePlace.PAGE, PagePlace.HOME, PagePlace.SECTION, PagePlace.TAXONOMY, PagePlace.TERM);
  private static final ZonedDateTime ZERO = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** One pattern and the pages it is for. */
  record Rule(PageMatcher target, String pattern) {}

  Permalinks {
    rules = List.copyOf(rules);
  }

  /**
   * Reads a {@code permalinks} value; throws {@link IllegalArgumentException} naming {@code where}
   * for a form or token Hugo would refuse.
   */
  static Permalinks read(Object config, String where) {
    if (config == null) return NONE;
    var rules = new ArrayList<Rule>();
    if (config instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (e.getValue() instanceof Map<?, ?> byKind) {
          if (!KINDS.contains(key))
            throw new IllegalArgumentException(
                where + "." + key + ": not a page kind (" + String.join(", ", KINDS) + ")");
          for (var s : byKind.entrySet()) {
            String section = String.valueOf(s.getKey());
            rules.add(rule(key, section, s.getValue(), where + "." + key + "." + section));
          }
        } else {
          // The oldest form: a section's regular pages, and its terms when it is a taxonomy.
          rules.add(rule(PagePlace.PAGE, key, e.getValue(), where + "." + key));
          rules.add(rule(PagePlace.TERM, key, e.getValue(), where + "." + key));
        }
      }
    } else if (config instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String at = where + "[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("pattern") instanceof String p))
          throw new IllegalArgumentException(at + ": expected a map with a pattern");
        rules.add(new Rule(PageMatcher.read(m.get("target"), at + ".target"), checked(p, at)));
      }
    } else {
      throw new IllegalArgumentException(where + ": expected a map or a list");
    }
    return new Permalinks(rules);
  }

  private static Rule rule(String kind, String section, Object pattern, String where) {
    if (!(pattern instanceof String p))
      throw new IllegalArgumentException(where + ": expected a pattern such as /:year/:slug/");
    String s = section.replaceAll("^[ /]+|[ /]+$", "");
    String glob = s.isEmpty() ? "/*" : "/{" + s + "," + s + "/**}";
    return new Rule(PageMatcher.of(kind, glob), checked(p, where));
  }

  private static String checked(String pattern, String where) {
    String token = unknownToken(pattern);
    if (token != null)
      throw new IllegalArgumentException(where + ": unknown token :" + token + " in " + pattern);
    return pattern;
  }

  /** The first token of {@code pattern} Hugo does not know ({@code window}), or null. */
  static String unknownToken(String pattern) {
    Matcher m = TOKEN.matcher(pattern.replace("\\:", "\0"));
    while (m.find()) {
      String token = m.group().substring(1);
      if (!known(token)) return token;
    }
    return null;
  }

  /** The pattern for {@code page}, expanded, or null when no rule matches. */
  String expand(PageFacts page, UrlStyle style) {
    PagePlace p = page.place();
    for (Rule rule : rules) {
      if (rule.target().matches(p.kind(), p.path(), p.lang()))
        return expand(rule.pattern(), page, style);
    }
    return null;
  }

  /** {@code pattern} with its tokens replaced by the page's values. */
  static String expand(String pattern, PageFacts page, UrlStyle style) {
    String escaped = pattern.replace("\\:", "\0");
    Matcher m = TOKEN.matcher(escaped);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(value(m.group().substring(1), page, style)));
    }
    m.appendTail(out);
    return out.toString().replace('\0', ':');
  }

  private static boolean known(String token) {
    return token.startsWith("sections[")
        || token.startsWith("sectionslugs[")
        || switch (token) {
          case "year", "month", "monthname", "day", "weekday", "weekdayname", "yearday" -> true;
          case "section", "sectionslug", "sections", "sectionslugs", "title", "slug" -> true;
          case "slugorfilename", "filename", "contentbasename", "slugorcontentbasename" -> true;
          default -> GoTimeLayout.isLayout(token);
        };
  }

  private static String value(String token, PageFacts page, UrlStyle style) {
    PagePlace p = page.place();
    ZonedDateTime date = page.date() == null ? ZERO : page.date();
    if (token.startsWith("sections[")) return String.join("/", slice(p.sectionPath(), token));
    if (token.startsWith("sectionslugs["))
      return String.join("/", slice(urlized(page.sectionSlugs(), style), token));
    return switch (token) {
      case "year" -> String.valueOf(date.getYear());
      case "month" -> "%02d".formatted(date.getMonthValue());
      case "monthname" -> date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "day" -> "%02d".formatted(date.getDayOfMonth());
      case "weekday" -> String.valueOf(date.getDayOfWeek().getValue() % 7);
      case "weekdayname" -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "yearday" -> String.valueOf(date.getDayOfYear());
      case "section" -> HugoPaths.normalize(p.firstSection());
      case "sectionslug" ->
          page.sectionSlugs().isEmpty() ? "" : style.urlize(page.sectionSlugs().get(0));
      case "sections" -> String.join("/", p.sectionPath());
      case "sectionslugs" -> String.join("/", urlized(page.sectionSlugs(), style));
      case "title" -> style.urlize(page.title());
      case "slug" -> style.urlize(page.slug() != null ? page.slug() : page.title());
      case "slugorfilename" -> page.slug() != null ? style.urlize(page.slug()) : fileName(p, style);
      case "filename" -> fileName(p, style);
      case "contentbasename" -> style.urlize(p.baseName());
      case "slugorcontentbasename" ->
          style.urlize(page.slug() != null ? page.slug() : p.baseName());
      default -> GoTimeLayout.format(token, date);
    };
  }

  private static String fileName(PagePlace p, UrlStyle style) {
    if (p.fileName().equals("_index")) return "";
    return style.urlize(p.leafBundle() ? p.baseName() : p.fileName());
  }

  private static List<String> urlized(List<String> values, UrlStyle style) {
    return values.stream().map(style::urlize).toList();
  }

  /** {@code [low:high]}, {@code [n]} and {@code [last]} of a list, never out of bounds. */
  static List<String> slice(List<String> s, String token) {
    String cut = token.substring(token.indexOf('[') + 1, token.length() - 1).strip();
    if (s.isEmpty()) return List.of();
    if (!cut.contains(":")) {
      int n = index(cut, s, true);
      return n < 0 ? List.of() : List.of(s.get(n));
    }
    String[] parts = cut.split(":", -1);
    int from = index(parts[0], s, true);
    int to = index(parts[1], s, false);
    if (from < 0 || to < 0 || from > to) return List.of();
    return s.subList(from, to);
  }

  private static int index(String spec, List<String> s, boolean low) {
    if (spec.isEmpty()) return low ? 0 : s.size();
    if (spec.equals("last")) return s.size() - 1;
    int n;
    try {
      n = Math.max(0, Integer.parseInt(spec));
    } catch (NumberFormatException e) {
      return -1;
    }
    if (n >= s.size()) return low ? -1 : s.size();
    return n;
  }
}
