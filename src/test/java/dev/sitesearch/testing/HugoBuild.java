package dev.sitesearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hugo itself as the oracle: builds a test site with the {@code hugo} on the PATH (Debian's 0.111;
 * {@code .ci/run} installs it) at a fixed clock, with templates that print each page's source file,
 * address, kind and language, and reads back what it published: the pages it wrote and the alias
 * redirects it wrote.
 *
 * @param pages each published page's source file (relative to {@code contentDir}) to its address
 * @param aliases each redirect Hugo wrote (its path under {@code public/}, which is the baseURL's
 *     path; {@code /old/} for {@code public/old/index.html}) to the permalink it leads to
 * @param listed {@code hugo list all}: each regular page's file (relative to {@code contentDir}) to
 *     its permalink, rendered or not ("" when it has none)
 */
public record HugoBuild(
    Map<String, Published> pages, Map<String, String> aliases, Map<String, String> listed) {

  /** The clock every build runs at, and the tests' readers too. */
  public static final String CLOCK = "2025-06-01T00:00:00Z";

  /** What Hugo wrote for one page. */
  public record Published(String url, String permalink, String kind, String lang) {}

  private static final String LAYOUT =
      "{{ with .File }}SITESEARCH-ORACLE|{{ .Filename }}|{{ $.RelPermalink }}|{{ $.Permalink }}"
          + "|{{ $.Kind }}|{{ $.Lang }}|{{ end }}\n";
  private static final Pattern MARKER =
      Pattern.compile("SITESEARCH-ORACLE\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|");
  private static final Pattern REFRESH =
      Pattern.compile("http-equiv=\"refresh\" content=\"0; url=([^\"]+)\"");

  /** Skips the calling test, saying why, when there is no {@code hugo} to ask. */
  public static void assumeHugo() {
    assumeTrue(
        available(),
        "Debian's hugo is not installed (apt-get install hugo; .ci/run installs it): the Hugo"
            + " oracle tests need it");
  }

  public static boolean available() {
    try {
      Process p = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Builds the site in {@code root} (its layouts replaced by the oracle's) into {@code
   * root/public}, and reads back what was published; paths are given relative to {@code
   * contentDir}.
   */
  public static HugoBuild build(Path root, Path contentDir) throws IOException {
    assumeHugo();
    Path layouts = root.resolve("layouts/_default");
    Files.createDirectories(layouts);
    Files.writeString(layouts.resolve("single.html"), LAYOUT);
    Files.writeString(layouts.resolve("list.html"), LAYOUT);
    Path publicDir = root.resolve("public");
    run(
        root,
        "hugo",
        "--source",
        root.toString(),
        "--destination",
        publicDir.toString(),
        "--cacheDir",
        root.resolve(".hugo-cache").toString(),
        "--clock",
        CLOCK,
        "--quiet");
    Path realContent = contentDir.toRealPath();
    HugoBuild built = published(publicDir, realContent);
    return new HugoBuild(built.pages(), built.aliases(), listAll(root, realContent));
  }

  /**
   * What a build in {@code publicDir} published, made with the oracle's templates (see {@link
   * #build}, or the real-site script in docs/hugo.md), with paths relative to {@code contentDir};
   * {@code listed} is left empty.
   */
  public static HugoBuild published(Path publicDir, Path contentDir) throws IOException {
    return published(publicDir, contentDir, null);
  }

  /**
   * {@link #published}, keeping only the pages in {@code lang} (null: any); a file Hugo publishes
   * in several languages (a mount of one language's folder into another's, as a fallback) is then
   * compared in the one asked for.
   */
  public static HugoBuild published(Path publicDir, Path contentDir, String lang)
      throws IOException {
    Path realContent = contentDir.toRealPath();
    var pages = new TreeMap<String, Published>();
    var aliases = new TreeMap<String, String>();
    try (Stream<Path> files = Files.walk(publicDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f) || !(name.endsWith(".html") || name.endsWith(".htm"))) continue;
        String html = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = MARKER.matcher(html);
        if (m.find()) {
          Path source = Path.of(unescape(m.group(1)));
          if (!source.startsWith(realContent)) continue;
          String rel = realContent.relativize(source).toString().replace('\\', '/');
          if (lang != null && !lang.equals(m.group(5))) continue;
          pages.put(
              rel,
              new Published(unescape(m.group(2)), unescape(m.group(3)), m.group(4), m.group(5)));
          continue;
        }
        Matcher r = REFRESH.matcher(html);
        if (r.find()) aliases.put(aliasPath(publicDir, f), r.group(1));
      }
    }
    return new HugoBuild(pages, aliases, Map.of());
  }

  /** The template printed the URLs HTML-escaped ({@code +} as {@code &#43;}). */
  private static String unescape(String html) {
    return html.replace("&#43;", "+")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** The path a redirect file answers at under public/ ({@code /old/}, {@code /old.html}). */
  private static String aliasPath(Path publicDir, Path file) {
    String rel = "/" + publicDir.relativize(file).toString().replace('\\', '/');
    if (rel.endsWith("/index.html")) rel = rel.substring(0, rel.length() - "index.html".length());
    return rel;
  }

  private static Map<String, String> listAll(Path root, Path realContent) throws IOException {
    String csv = run(root, "hugo", "list", "all", "--source", root.toString(), "--clock", CLOCK);
    var listed = new TreeMap<String, String>();
    for (String line : csv.lines().toList()) {
      List<String> cols = csvFields(line);
      // Warnings may come before the CSV; a row names a file that exists.
      if (cols.size() < 8 || !Files.isRegularFile(root.resolve(cols.get(0)))) continue;
      Path source = root.resolve(cols.get(0)).toRealPath();
      if (!source.startsWith(realContent)) continue;
      listed.put(
          realContent.relativize(source).toString().replace('\\', '/'), cols.get(cols.size() - 1));
    }
    return listed;
  }

  private static List<String> csvFields(String line) {
    var out = new ArrayList<String>();
    var cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static String run(Path dir, String... command) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " took over two minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running hugo", e);
    }
    if (p.exitValue() != 0)
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    return output;
  }
}
