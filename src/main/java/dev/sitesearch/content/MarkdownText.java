package dev.sitesearch.content;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown to the plain text that is indexed and cut into snippets: no Markdown, HTML or
 * Hugo syntax ({@link Shortcodes}, {@link HtmlText}, alert and attribute markers), the content of
 * {@code <script>} and {@code <style>} dropped entirely, code kept as text, tables as the text of
 * their cells, blocks separated by blank lines so sentence and passage boundaries survive.
 */
public final class MarkdownText {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  /**
   * For one-line values (a description, a facet value): inline syntax only, so "1. Basics" or "#
   * tags" keep their numbers and signs instead of becoming a list or a heading.
   */
  private static final Parser INLINE_PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();

  /** Characters without which a value has no inline Markdown, HTML or shortcode to remove. */
  private static final String INLINE_SYNTAX = "<>&[]*_`\\!{}~";

  /** The rendered text and the first heading, if any. */
  public record Rendered(String text, String firstHeading) {}

  private MarkdownText() {}

  public static Rendered render(String markdown) {
    var collector = new TextCollector();
    PARSER.parse(Shortcodes.strip(markdown)).accept(collector);
    return new Rendered(tidy(collector.text()), collector.firstHeading());
  }

  /**
   * The text of a short value that may hold inline Markdown or HTML, on one line: {@code [Jane
   * Doe](https://…)} is {@code Jane Doe}, {@code <b>Care</b> &amp; cure} is {@code Care & cure}.
   */
  public static String inline(String value) {
    if (!hasInlineSyntax(value)) return value;
    var collector = new TextCollector();
    INLINE_PARSER.parse(Shortcodes.strip(value)).accept(collector);
    return tidy(collector.text()).replace('\n', ' ');
  }

  private static boolean hasInlineSyntax(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (INLINE_SYNTAX.indexOf(value.charAt(i)) >= 0) return true;
    }
    return false;
  }

  /**
   * Collapses runs of spaces and tabs to one space, trims spaces around line breaks and keeps at
   * most one blank line, in one pass (the bodies of a large site go through here).
   */
  static String tidy(CharSequence raw) {
    var sb = new StringBuilder(raw.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t') {
        space = true;
      } else if (c == '\n') {
        newlines++;
        space = false;
      } else {
        if (newlines > 0) {
          if (!sb.isEmpty()) sb.append(newlines > 1 ? "\n\n" : "\n");
        } else if (space && !sb.isEmpty()) {
          sb.append(' ');
        }
        newlines = 0;
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
