package dev.sitesearch.content;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one content file into a {@link ReadOutcome}, against the {@link Site} of the run: a file
 * that is no page of the site (a leaf bundle's resource, not Markdown, outside the content folders)
 * is skipped before it is read; the text comes from {@link SourceText} (size, binary content and
 * UTF-8 checked there); this parses the front matter, applies the cascades, Hugo's publishing rules
 * and its URL rules, renders the body and derives id and title. Never throws for bad content: every
 * problem becomes a {@link ReadOutcome.Failed} naming the file. Thread-safe.
 */
public final class PageReader {
  /** Ids are looked up and compared as single terms; nobody types or links a longer one. */
  public static final int MAX_ID_CHARS = 512;

  /**
   * Longer titles are cut (with a warning): a title is shown in every hit and completion, and the
   * title suggester keeps each one whole as a single term, which Lucene caps at 32 KB.
   */
  public static final int MAX_TITLE_CHARS = 1_000;

  /** Control characters other than tab and newline; see {@link #printable}. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

  private final SourceText source;
  private final FrontMatterParser frontMatterParser;
  private final boolean includeDrafts;
  private final Clock clock;
  private final SiteOptions siteOptions;

  /**
   * How the run finds its site.
   *
   * @param root the Hugo project folder ({@code --site}), or null to look above the content folder
   * @param urlTemplate the site's own URL rule ({@code content.urlTemplate}), or null
   * @param searchable the site's own front-matter path whose {@code false} keeps a page out of
   *     search ({@code content.searchable}, {@link SearchControl}), or null
   */
  public record SiteOptions(Path root, UrlTemplate urlTemplate, String searchable) {
    public static final SiteOptions FIND = new SiteOptions(null, null, null);
  }

  public PageReader(long maxFileBytes, boolean includeDrafts, Clock clock) {
    this(maxFileBytes, includeDrafts, clock, SiteOptions.FIND);
  }

  /** The site of the last run, taken again when nothing it was made of changed. */
  private volatile Site lastSite;

  public PageReader(long maxFileBytes, boolean includeDrafts, Clock clock, SiteOptions site) {
    this.source = new SourceText(maxFileBytes);
    this.frontMatterParser = new FrontMatterParser(maxFileBytes);
    this.includeDrafts = includeDrafts;
    this.clock = clock;
    this.siteOptions = site;
  }

  /**
   * The site around {@code contentDir} for a run over {@code files} (what the walk found): its Hugo
   * configuration, bundles and sections, and the cascades of its {@code _index} pages.
   */
  public Site site(Path contentDir, List<SourceFile> files) throws IOException {
    Site site = Site.load(contentDir, siteOptions, files, this::frontMatterOrNull, lastSite);
    lastSite = site;
    return site;
  }

  private Map<String, Object> frontMatterOrNull(SourceFile file) {
    try {
      if (source.read(file) instanceof SourceText.Decoded decoded)
        return frontMatterParser.parse(decoded.text()).data();
    } catch (FrontMatterException | RuntimeException | StackOverflowError e) {
      // the page's own read reports it
    }
    return null;
  }

  /** Whether drafts, future and expired pages are read as published (the index records it). */
  public boolean includeDrafts() {
    return includeDrafts;
  }

  /** Reads a file on its own, as a page of a bare folder holding just it. */
  public ReadOutcome read(SourceFile file) {
    Path root = file.path();
    for (int i = 0; i < file.relPath().split("/").length && root != null; i++)
      root = root.getParent();
    return read(file, Site.bare(root == null ? Path.of("") : root, List.of(file)));
  }

  /** Reads one file of a run over {@code site}. */
  public ReadOutcome read(SourceFile file, Site site) {
    try {
      if (!(site.where(file.relPath()) instanceof SiteLayout.Page page))
        return new ReadOutcome.Skipped(
            file.relPath(), ((SiteLayout.NotAPage) site.where(file.relPath())).reason());
      return switch (source.read(file)) {
        case SourceText.Decoded decoded ->
            page(file, decoded.bytes(), decoded.text(), page.place(), site);
        case SourceText.Refused refused -> refused.outcome();
      };
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must cost one page, never the run.
      return fail(
          file.relPath(),
          "could not be read (" + e.getClass().getSimpleName() + "): " + e.getMessage());
    }
  }

  /** The page in a file's text: front matter, publishing rules, title, description, id and URL. */
  private ReadOutcome page(SourceFile file, byte[] bytes, String text, PagePlace place, Site site) {
    String path = file.relPath();
    FrontMatter fm;
    try {
      fm = frontMatterParser.parse(text);
    } catch (FrontMatterException e) {
      return new ReadOutcome.Failed(new ContentProblem(path, e.line(), e.column(), e.getMessage()));
    }
    var warnings = new ArrayList<ContentProblem>();
    Map<String, Object> own = fm.data();
    List<Cascade> ownCascades;
    try {
      ownCascades = Cascade.read(Site.lowerKeys(own).get("cascade"), "cascade");
    } catch (IllegalArgumentException e) {
      warnings.add(ContentProblem.of(path, e.getMessage() + "; the cascade is left out"));
      ownCascades = List.of();
    }
    Map<String, Object> data = Site.withCascades(own, site.cascades(place, ownCascades));
    Map<String, Object> hugoFields = Site.lowerKeys(data);
    HugoSite hugo = site.hugo();
    FrontMatterDates.Dates dates =
        hugo.publishing()
            .dates()
            .resolve(
                hugoFields,
                place.fileName(),
                file.modifiedMillis(),
                problem -> warnings.add(ContentProblem.of(path, asWritten(problem, own))));
    String skip =
        PublishRules.skipReason(
            place, hugoFields, dates, hugo.publishing(), includeDrafts, clock.instant());
    if (skip != null) return new ReadOutcome.Skipped(path, skip);
    SearchControl control = SearchControl.read(data, site.searchable(), path, warnings);
    if (control.excluded() != null) return new ReadOutcome.Skipped(path, control.excluded());
    Instant expiresAt = PublishRules.expiresAt(dates, hugo.publishing(), includeDrafts);

    MarkdownText.Rendered body = MarkdownText.render(fm.body(), hugo.headingIds());
    String title = printable(text(path, data, "title", warnings)).strip();
    if (title.isEmpty())
      title = printable(body.firstHeading() != null ? body.firstHeading() : fileTitle(path));
    if (title.length() > MAX_TITLE_CHARS) {
      warnings.add(
          ContentProblem.of(
              path,
              "title: " + title.length() + " characters, cut to the first " + MAX_TITLE_CHARS));
      int end =
          Character.isHighSurrogate(title.charAt(MAX_TITLE_CHARS - 1))
              ? MAX_TITLE_CHARS - 1
              : MAX_TITLE_CHARS;
      title = title.substring(0, end).strip();
    }
    String description = printable(text(path, data, "description", warnings)).strip();
    String id = text(path, data, "id", warnings);
    if (id.isEmpty()) id = path;
    if (id.length() > MAX_ID_CHARS) {
      return fail(path, "id is " + id.length() + " characters long; the limit is " + MAX_ID_CHARS);
    }
    PageAddress address = PageUrl.address(path, place, data, hugoFields, dates, site, warnings);
    return new ReadOutcome.Parsed(
        new ContentPage(
            file,
            sha256(bytes),
            id,
            new ContentPage.Place(place.lang(), place.kind(), place.sectionPath()),
            new PageAddress(
                printable(address.url()),
                address.permalink() == null ? null : printable(address.permalink()),
                address.aliases().stream().map(PageReader::printable).toList()),
            title,
            description,
            printable(body.text()),
            data,
            expiresAt,
            control.boost(),
            warnings,
            body.sections()));
  }

  /** A date problem reported under the key as the page writes it ({@code publishDate: …}). */
  private static String asWritten(String problem, Map<String, Object> own) {
    int colon = problem.indexOf(':');
    if (colon < 0) return problem;
    String key = problem.substring(0, colon);
    for (String k : own.keySet()) {
      if (k.equalsIgnoreCase(key)) return k + problem.substring(colon);
    }
    return problem;
  }

  private static String text(
      String path, Map<String, Object> data, String key, List<ContentProblem> warnings) {
    Object v = data.get(key);
    if (v == null) return "";
    if (v instanceof Map || v instanceof List) {
      warnings.add(
          ContentProblem.of(
              path,
              key
                  + ": expected text, found a "
                  + (v instanceof Map ? "map" : "list")
                  + "; the field is left out"));
      return "";
    }
    if (v instanceof Date d) return d.toInstant().toString();
    return String.valueOf(v).strip();
  }

  /**
   * Removes control characters other than tab and newline (NUL, BEL, ESC, DEL, the C1 block). They
   * reach values through escapes such as YAML's {@code "\0"} and {@code "\e"}, or raw in a body;
   * shown nowhere as anything, they would end up in titles, snippets and a terminal's output (an
   * ESC starts a terminal command). Ids are kept as written: they are keys, not text to show.
   */
  static String printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isStrayControl(s.charAt(i))) return CONTROL.matcher(s).replaceAll("");
    }
    return s;
  }

  /** Unicode's control characters (Cc) are exactly these two ranges; tab and newline stay. */
  private static boolean isStrayControl(char c) {
    return (c < 0x20 || (c >= 0x7f && c <= 0x9f)) && c != '\t' && c != '\n';
  }

  private static String fileTitle(String path) {
    String name =
        path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(?i:md|markdown|mdown)$", "");
    if (name.equals("index") || name.equals("_index")) {
      int slash = path.lastIndexOf('/');
      if (slash > 0) name = path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
    }
    String words = name.replace('-', ' ').replace('_', ' ').strip();
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ReadOutcome fail(String path, String reason) {
    return new ReadOutcome.Failed(ContentProblem.of(path, reason));
  }
}
