package dev.sitesearch.content;

import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Renders a Markdown body to the plain text that is indexed and cut into snippets: no markup and no
 * HTML tags (the content of {@code <script>} and {@code <style>} is dropped entirely), code kept as
 * text, blocks separated by blank lines so sentence and passage boundaries survive.
 */
public final class MarkdownText {
  private static final Parser PARSER = Parser.builder().build();
  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)");
  private static final Pattern TAG = Pattern.compile("(?s)<!--.*?-->|</?[A-Za-z][^>]*>");

  /** The rendered text and the first heading, if any. */
  public record Rendered(String text, String firstHeading) {}

  private MarkdownText() {}

  public static Rendered render(String markdown) {
    Node document = PARSER.parse(markdown);
    var visitor = new TextCollector();
    document.accept(visitor);
    return new Rendered(visitor.text(), visitor.firstHeading);
  }

  /**
   * Text inside raw HTML, with tags and script/style bodies removed and common entities decoded.
   */
  static String stripHtml(String html) {
    String noScripts = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
    String noTags = TAG.matcher(noScripts).replaceAll(" ");
    return noTags
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
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

  private static final class TextCollector extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();
    private String firstHeading;
    private StringBuilder heading;
    private boolean inScript;

    String text() {
      return tidy(out);
    }

    private void append(String s) {
      out.append(s);
      if (heading != null) heading.append(s);
    }

    private void endBlock() {
      inScript = false;
      int n = out.length();
      if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n'))
        out.append("\n\n");
    }

    @Override
    public void visit(Text text) {
      if (!inScript) append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      append(" ");
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      append("\n");
    }

    @Override
    public void visit(HtmlInline htmlInline) {
      // Inline HTML arrives tag by tag, with the text between tags as ordinary text nodes: drop the
      // tags, and drop
      // the text too while inside an inline script or style element, so its code is never indexed
      // or shown.
      String tag = htmlInline.getLiteral().toLowerCase(Locale.ROOT);
      if (tag.startsWith("<script") || tag.startsWith("<style")) {
        inScript = !tag.endsWith("/>");
      } else if (tag.startsWith("</script") || tag.startsWith("</style")) {
        inScript = false;
      } else {
        append(" ");
      }
    }

    @Override
    public void visit(HtmlBlock htmlBlock) {
      append(stripHtml(htmlBlock.getLiteral()));
      endBlock();
    }

    @Override
    public void visit(FencedCodeBlock codeBlock) {
      append(codeBlock.getLiteral());
      endBlock();
    }

    @Override
    public void visit(IndentedCodeBlock codeBlock) {
      append(codeBlock.getLiteral());
      endBlock();
    }

    @Override
    public void visit(Heading h) {
      boolean first = firstHeading == null && heading == null;
      if (first) heading = new StringBuilder();
      visitChildren(h);
      if (first) {
        firstHeading = tidy(heading).replace('\n', ' ');
        heading = null;
      }
      endBlock();
    }

    @Override
    protected void visitChildren(Node parent) {
      super.visitChildren(parent);
      if (parent instanceof Block
          && !(parent instanceof Heading)
          && parent.getFirstChild() != null
          && !(parent.getFirstChild() instanceof Block)) {
        endBlock();
      }
    }
  }
}
