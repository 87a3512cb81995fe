package dev.sitesearch.content;

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
 * Reads one content file into a {@link ReadOutcome}: its text comes from {@link SourceText} (size,
 * binary content and UTF-8 checked there); this parses the front matter, renders the body, derives
 * id, URL and title, and applies Hugo's publishing rules. Never throws for bad content: every
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

  public PageReader(long maxFileBytes, boolean includeDrafts, Clock clock) {
    this.source = new SourceText(maxFileBytes);
    this.frontMatterParser = new FrontMatterParser(maxFileBytes);
    this.includeDrafts = includeDrafts;
    this.clock = clock;
  }

  /** Whether drafts, future and expired pages are read as published (the index records it). */
  public boolean includeDrafts() {
    return includeDrafts;
  }

  public ReadOutcome read(SourceFile file) {
    try {
      return switch (source.read(file)) {
        case SourceText.Decoded decoded -> page(file, decoded.bytes(), decoded.text());
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
  private ReadOutcome page(SourceFile file, byte[] bytes, String text) {
    String path = file.relPath();
    FrontMatter fm;
    try {
      fm = frontMatterParser.parse(text);
    } catch (FrontMatterException e) {
      return new ReadOutcome.Failed(new ContentProblem(path, e.line(), e.column(), e.getMessage()));
    }
    Map<String, Object> data = fm.data();
    var warnings = new ArrayList<ContentProblem>();

    Instant now = clock.instant();
    if (!includeDrafts) {
      if (isTrue(data.get("draft"))) return new ReadOutcome.Skipped(path, "draft");
      Instant publish = date(path, data, "publishDate", warnings);
      if (publish == null)
        publish = date(path, data, "date", new ArrayList<>()); // the schema reports a bad date
      if (publish != null && publish.isAfter(now))
        return new ReadOutcome.Skipped(path, "future date " + publish);
      Instant expiry = date(path, data, "expiryDate", warnings);
      if (expiry != null && !expiry.isAfter(now))
        return new ReadOutcome.Skipped(path, "expired on " + expiry);
    }
    Instant expiresAt = includeDrafts ? null : date(path, data, "expiryDate", new ArrayList<>());

    MarkdownText.Rendered body = MarkdownText.render(fm.body());
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
    String url = printable(PageUrl.of(path, data));
    return new ReadOutcome.Parsed(
        new ContentPage(
            file,
            sha256(bytes),
            id,
            url,
            title,
            description,
            printable(body.text()),
            data,
            expiresAt,
            warnings));
  }

  private static Instant date(
      String path, Map<String, Object> data, String key, List<ContentProblem> warnings) {
    try {
      return DateValue.parse(data.get(key)).orElse(null);
    } catch (IllegalArgumentException e) {
      warnings.add(
          ContentProblem.of(path, key + ": " + e.getMessage() + "; the field is left out"));
      return null;
    }
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

  private static boolean isStrayControl(char c) {
    return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n';
  }

  private static boolean isTrue(Object v) {
    return v instanceof Boolean b
        ? b
        : v != null && String.valueOf(v).strip().equalsIgnoreCase("true");
  }

  private static String fileTitle(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(md|markdown)$", "");
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
