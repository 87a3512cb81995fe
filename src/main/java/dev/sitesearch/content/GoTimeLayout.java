package dev.sitesearch.content;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The date tokens of a permalink pattern written as a Go time layout ({@code :06} for a two-digit
 * year, {@code :Jan}, {@code :2006}), as Hugo allows beside {@code :year} and the other named ones.
 * The layout's elements are matched longest first, as Go does.
 */
final class GoTimeLayout {
  private static final List<String> ELEMENTS =
      List.of(
          "January", "Monday", "2006", "Jan", "Mon", "002", "01", "02", "_2", "06", "15", "03",
          "04", "05", "PM", "pm", "1", "2", "3", "4", "5");

  private GoTimeLayout() {}

  /** Whether {@code layout} holds at least one element, so that it formats to something else. */
  static boolean isLayout(String layout) {
    for (String e : ELEMENTS) {
      if (layout.contains(e)) return true;
    }
    return false;
  }

  static String format(String layout, ZonedDateTime t) {
    var out = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      for (String e : ELEMENTS) {
        if (layout.startsWith(e, i)) {
          out.append(value(e, t));
          i += e.length();
          continue outer;
        }
      }
      out.append(layout.charAt(i++));
    }
    return out.toString();
  }

  private static String value(String element, ZonedDateTime t) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return switch (element) {
      case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "2006" -> "%04d".formatted(t.getYear());
      case "06" -> "%02d".formatted(t.getYear() % 100);
      case "002" -> "%03d".formatted(t.getDayOfYear());
      case "01" -> "%02d".formatted(t.getMonthValue());
      case "1" -> String.valueOf(t.getMonthValue());
      case "02" -> "%02d".formatted(t.getDayOfMonth());
      case "_2" -> "%2d".formatted(t.getDayOfMonth());
      case "2" -> String.valueOf(t.getDayOfMonth());
      case "15" -> "%02d".formatted(t.getHour());
      case "03" -> "%02d".formatted(hour12);
      case "3" -> String.valueOf(hour12);
      case "04" -> "%02d".formatted(t.getMinute());
      case "4" -> String.valueOf(t.getMinute());
      case "05" -> "%02d".formatted(t.getSecond());
      case "5" -> String.valueOf(t.getSecond());
      case "PM" -> t.getHour() < 12 ? "AM" : "PM";
      default -> t.getHour() < 12 ? "am" : "pm";
    };
  }
}
