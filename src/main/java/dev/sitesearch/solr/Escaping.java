package dev.sitesearch.solr;

/**
 * HTML escaping as the local engine writes it ({@code MarkFormatter}): Solr's HTML encoder writes
 * {@code '} as {@code &#x27;} and {@code /} as {@code &#x2F;}, which are put back in our forms, so
 * both engines' snippets and highlights read alike.
 */
final class Escaping {
  private Escaping() {}

  static String html(String text) {
    var out = new StringBuilder(text.length() + 16);
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** A highlight from Solr's HTML encoder, in the local form. */
  static String fromSolr(String marked) {
    return marked.replace("&#x27;", "&#39;").replace("&#x2F;", "/").replace("&#47;", "/");
  }
}
