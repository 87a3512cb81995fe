package dev.sitesearch.content;

import java.util.Locale;
import java.util.Map;

/**
 * How the site's Markdown renderer (goldmark) gives headings their ids, from the Hugo config's
 * {@code markup.goldmark.parser}: {@code autoHeadingID} (on by default) and {@code
 * autoHeadingIDType} ({@code github} by default, {@code github-ascii} or {@code blackfriday}). A
 * heading's own {@code {#id}} always wins.
 *
 * @param auto whether headings without an {@code {#id}} get one
 * @param type how an id is made of the heading's text
 */
public record HeadingIds(boolean auto, Type type) {
  /** Hugo's three ways to turn a heading into an id. */
  public enum Type {
    GITHUB,
    GITHUB_ASCII,
    BLACKFRIDAY
  }

  /** What Hugo does when the config says nothing. */
  public static final HeadingIds HUGO_DEFAULT = new HeadingIds(true, Type.GITHUB);

  public HeadingIds {
    if (type == null) throw new IllegalArgumentException("type must not be null");
  }

  /** The setting in a Hugo config whose keys are lower case; a wrong value names its key. */
  static HeadingIds read(Map<String, Object> config) {
    Object parser = at(at(config.get("markup"), "goldmark"), "parser");
    if (!(parser instanceof Map<?, ?> p)) return HUGO_DEFAULT;
    boolean auto = true;
    Object a = p.get("autoheadingid");
    if (a instanceof Boolean b) auto = b;
    else if (a instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))
      auto = Boolean.parseBoolean(s);
    else if (a != null)
      throw new IllegalArgumentException(
          "markup.goldmark.parser.autoHeadingID: expected true or false");
    Object t = p.get("autoheadingidtype");
    Type type =
        switch (t == null ? "github" : String.valueOf(t).toLowerCase(Locale.ROOT)) {
          case "github" -> Type.GITHUB;
          case "github-ascii" -> Type.GITHUB_ASCII;
          case "blackfriday" -> Type.BLACKFRIDAY;
          default ->
              throw new IllegalArgumentException(
                  "markup.goldmark.parser.autoHeadingIDType: expected github, github-ascii or"
                      + " blackfriday");
        };
    return new HeadingIds(auto, type);
  }

  private static Object at(Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }
}
