package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import dev.sitesearch.search.RelatedRequest.PageKey;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds one page of the index by its id or by an address. A site's template knows a page's address
 * better than our id: Hugo's {@code .RelPermalink}, {@code .Permalink}, or the browser's {@code
 * location.pathname} (percent-encoded, perhaps {@code /x/index.html} for {@code /x/}, or without
 * the trailing slash). Each form is tried against the page URLs, then against their aliases.
 */
final class PageFinder {
  private PageFinder() {}

  /** The document number of the page {@code key} names, if the index has it. */
  static OptionalInt find(IndexSearcher searcher, PageKey key) throws IOException {
    return switch (key) {
      case PageKey.Id id -> first(searcher, new Term(Fields.ID, id.id()));
      case PageKey.Url url -> byUrl(searcher, url.url());
    };
  }

  private static OptionalInt byUrl(IndexSearcher searcher, String url) throws IOException {
    Set<String> forms = forms(url);
    for (String field : new String[] {Fields.URL_TERM, Fields.ALIASES}) {
      for (String form : forms) {
        OptionalInt found = first(searcher, new Term(field, form));
        if (found.isPresent()) return found;
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The forms an address may take for one page, most literal first: as given; its path when it is
   * absolute; percent-decoded; without {@code index.html}; with a trailing slash.
   */
  static Set<String> forms(String url) {
    var paths = new LinkedHashSet<String>();
    paths.add(url);
    String path = pathOf(url);
    if (!path.startsWith("/")) path = "/" + path;
    paths.add(path);
    try {
      paths.add(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // not percent-encoded after all: the literal forms stand
    }
    paths.add(encoded(path)); // Hugo's URLs are percent-encoded; one typed as read is not
    var forms = new LinkedHashSet<String>();
    for (String p : paths) {
      forms.add(p);
      if (p.endsWith("/index.html")) forms.add(p.substring(0, p.length() - "index.html".length()));
      String last = p.substring(p.lastIndexOf('/') + 1);
      if (!last.isEmpty() && !last.contains(".")) forms.add(p + "/");
    }
    return forms;
  }

  /**
   * {@code path} with its spaces and non-ASCII characters percent-encoded (UTF-8), as Hugo does.
   */
  private static String encoded(String path) {
    var out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c > 0x20 && c < 0x7F) out.append((char) c);
      else out.append('%').append(String.format("%02X", c));
    }
    return out.toString();
  }

  /** The path of an absolute URL ({@code https://host/docs/x/?a#b} → {@code /docs/x/}). */
  private static String pathOf(String url) {
    String path = url;
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) path = path.substring(0, cut);
    if (path.startsWith("http://") || path.startsWith("https://") || path.startsWith("//")) {
      try {
        String raw = new URI(path).getRawPath();
        return raw == null || raw.isEmpty() ? "/" : raw;
      } catch (URISyntaxException e) {
        return path;
      }
    }
    return path;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  private static OptionalInt first(IndexSearcher searcher, Term term) throws IOException {
    TopDocs top = searcher.search(new TermQuery(term), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }
}
