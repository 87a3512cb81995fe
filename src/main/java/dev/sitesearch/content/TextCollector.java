package dev.sitesearch.content;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Walks a parsed Markdown document and writes the text a reader sees: the words of paragraphs,
 * headings, lists, quotes and table cells, code as written, raw HTML through {@link HtmlText}, and
 * none of the markers Hugo sites add on top of CommonMark (GitHub alert markers, task list boxes,
 * heading and block attributes). Blocks are separated by blank lines, table rows by line breaks.
 */
final class TextCollector extends AbstractVisitor {
  /**
   * Written where a heading starts, so {@link MarkdownText} can find the heading in the tidied text
   * and remove the mark: a private-use character, taken out of the Markdown before parsing.
   */
  static final char HEADING_MARK = '\uE000';

  private final StringBuilder out = new StringBuilder();
  private final HeadingAnchors anchors;
  private final String source;
  private final List<Opened> headings = new ArrayList<>();
  private String firstHeading;
  private boolean inHidden;

  /** A heading met: its level, text and id; where it starts is its {@link #HEADING_MARK}. */
  record Opened(int level, String text, String anchor) {}

  /** A collector of text alone (one-line values). */
  TextCollector() {
    this(null, null);
  }

  /**
   * A collector that also notes each heading with the id Hugo gives it ({@code anchors}), read from
   * {@code source}, the text the parser read.
   */
  TextCollector(HeadingAnchors anchors, String source) {
    this.anchors = anchors;
    this.source = source;
  }

  /** The headings met, in order; the text holds a {@link #HEADING_MARK} where each starts. */
  List<Opened> headings() {
    return headings;
  }

  /** The raw text; {@link MarkdownText#tidy} makes it presentable. */
  StringBuilder text() {
    return out;
  }

  /** The first heading's text, or null. */
  String firstHeading() {
    return firstHeading;
  }

  private void endBlock() {
    inHidden = false;
    int n = out.length();
    if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n'))
      out.append("\n\n");
  }

  @Override
  public void visit(Text text) {
    if (inHidden || MarkerText.isAttributeLine(text)) return;
    out.append(MarkerText.withoutLeadingMarker(text));
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    out.append('\n');
  }

  @Override
  public void visit(HtmlInline htmlInline) {
    // Inline HTML arrives tag by tag, with the text between tags as ordinary text nodes: drop the
    // tags, and the text too while inside an inline script or style, so its code is never shown.
    switch (HtmlText.kind(htmlInline.getLiteral())) {
      case HIDDEN_OPEN -> inHidden = true;
      case HIDDEN_CLOSE -> inHidden = false;
      case BREAK -> out.append(' ');
      case INLINE -> {}
    }
  }

  @Override
  public void visit(HtmlBlock htmlBlock) {
    out.append(HtmlText.text(htmlBlock.getLiteral()));
    endBlock();
  }

  @Override
  public void visit(FencedCodeBlock codeBlock) {
    out.append(codeBlock.getLiteral());
    endBlock();
  }

  @Override
  public void visit(IndentedCodeBlock codeBlock) {
    out.append(codeBlock.getLiteral());
    endBlock();
  }

  @Override
  public void visit(Heading heading) {
    if (anchors != null) out.append(HEADING_MARK);
    int start = out.length();
    visitChildren(heading);
    String text = MarkerText.withoutTrailingAttributes(out.substring(start));
    out.setLength(start);
    out.append(text);
    String oneLine = MarkdownText.tidy(text).replace('\n', ' ');
    if (firstHeading == null) firstHeading = oneLine;
    if (anchors != null) {
      var written = HeadingSource.of(heading, source, oneLine);
      String anchor =
          written.customId() != null
              ? anchors.custom(written.customId())
              : anchors.generate(written.text());
      headings.add(new Opened(heading.getLevel(), oneLine, anchor));
    }
    endBlock();
  }

  @Override
  public void visit(CustomBlock block) {
    visitChildren(block);
    if (block instanceof TableBlock) endBlock();
  }

  @Override
  public void visit(CustomNode node) {
    visitChildren(node);
    if (node instanceof TableCell) out.append(' ');
    else if (node instanceof TableRow) out.append('\n');
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

  /** Whether {@code text} opens the first paragraph of a block quote or of a list item. */
  static boolean opensQuoteOrItem(Text text) {
    Node paragraph = text.getParent();
    return text.getPrevious() == null
        && paragraph instanceof Paragraph
        && paragraph.getPrevious() == null
        && (paragraph.getParent() instanceof BlockQuote
            || paragraph.getParent() instanceof ListItem);
  }
}
