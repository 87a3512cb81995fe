package dev.sitesearch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The raw syntax a visitor should never see in a snippet, description or facet value of a Hugo
 * site: shortcode markers, table rows, alert markers, attribute lists, HTML tags and Markdown
 * links. Reads the visible text (marks removed, characters unescaped). The real-site survey and the
 * tests over a small Hugo-like site share it, so both count the same things.
 */
public final class VisibleMarkup {
  /** One kind of raw syntax and how to spot it. */
  private record Kind(String name, Pattern pattern) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("shortcode", Pattern.compile("\\{\\{[<%]|[>%]\\}\\}")),
          new Kind("table", Pattern.compile(":?-+:?\\s*\\|\\s*:?-+:?")), // a delimiter row
          new Kind("alert", Pattern.compile("\\[![A-Za-z]+\\]")),
          new Kind("attribute", Pattern.compile("\\{[#.][A-Za-z][\\w-]*[^}\\n]{0,80}\\}")),
          new Kind("html", Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]{0,200})?/?>|<!--")),
          new Kind("markdown link", Pattern.compile("\\]\\((https?:|/|#)")));

  private VisibleMarkup() {}

  /** Each stretch of raw syntax in {@code visibleText}, as written there. */
  public static List<String> matches(String visibleText) {
    var found = new ArrayList<String>();
    for (Kind kind : KINDS) {
      var m = kind.pattern().matcher(visibleText);
      while (m.find()) found.add(m.group());
    }
    return found;
  }

  /** The kinds of raw syntax in {@code visibleText}, in a fixed order; empty when it is clean. */
  public static List<String> find(String visibleText) {
    var found = new ArrayList<String>();
    for (Kind kind : KINDS) {
      if (kind.pattern().matcher(visibleText).find()) found.add(kind.name());
    }
    return found;
  }
}
