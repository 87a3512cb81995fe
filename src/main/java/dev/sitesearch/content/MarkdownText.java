package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown to the plain text that is indexed and cut into snippets: no Markdown, HTML or
 * Hugo syntax ({@link Shortcodes}, {@link HtmlText}, alert and attribute markers), the content of
 * {@code <script>} and {@code <style>} dropped entirely, code kept as text, tables as the text of
 * their cells, blocks separated by blank lines so sentence and passage boundaries survive.
 */
public final class MarkdownText {
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  /**
   * For one-line values (a description, a facet value): inline syntax only, so "1. Basics" or "#
   * tags" keep their numbers and signs instead of becoming a list or a heading.
   */
  private static final Parser INLINE_PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();

  /** Characters without which a value has no inline Markdown, HTML or shortcode to remove. */
  private static final String INLINE_SYNTAX = "<>&[]*_`\\!{}~";

  /**
   * The rendered text (printable: no stray control characters), the first heading, if any, and the
   * sections the headings open, each with the id Hugo gives its heading.
   */
  public record Rendered(String text, String firstHeading, List<PageSection> sections) {
    public Rendered {
      sections = List.copyOf(sections);
    }
  }

  private MarkdownText() {}

  /** Markdown rendered as Hugo renders it by default ({@link HeadingIds#HUGO_DEFAULT}). */
  public static Rendered render(String markdown) {
    return render(markdown, HeadingIds.HUGO_DEFAULT);
  }

  /** Markdown rendered with the site's way of giving headings ids. */
  public static Rendered render(String markdown, HeadingIds ids) {
    String input = Shortcodes.strip(markdown).replace(TextCollector.HEADING_MARK, ' ');
    var collector = new TextCollector(new HeadingAnchors(ids), input);
    PARSER.parse(input).accept(collector);
    String marked = PageReader.printable(tidy(collector.text()));
    var sections = new ArrayList<PageSection>();
    var headings = collector.headings();
    int mark = marked.indexOf(TextCollector.HEADING_MARK);
    if (mark < 0) return new Rendered(marked, collector.firstHeading(), sections);
    // Each mark is taken out, and where it stood is where its heading's section starts.
    var text = new StringBuilder(marked.length());
    int from = 0;
    for (; mark >= 0; mark = marked.indexOf(TextCollector.HEADING_MARK, from)) {
      text.append(marked, from, mark);
      if (sections.size() < headings.size()) {
        var h = headings.get(sections.size());
        sections.add(new PageSection(h.level(), h.text(), h.anchor(), text.length()));
      }
      from = mark + 1;
    }
    text.append(marked, from, marked.length());
    return new Rendered(text.toString(), collector.firstHeading(), sections);
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
    int n = raw.length();
    for (int i = 0; i < n; ) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t') {
        space = true;
        i++;
      } else if (c == '\n') {
        newlines++;
        space = false;
        i++;
      } else {
        if (newlines > 0) {
          if (!sb.isEmpty()) sb.append(newlines > 1 ? "\n\n" : "\n");
        } else if (space && !sb.isEmpty()) {
          sb.append(' ');
        }
        newlines = 0;
        space = false;
        int end = i + 1; // the rest of the word, copied at once
        while (end < n && (c = raw.charAt(end)) != ' ' && c != '\t' && c != '\n') end++;
        sb.append(raw, i, end);
        i = end;
      }
    }
    return sb.toString();
  }
}
