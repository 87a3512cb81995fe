package dev.sitesearch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code sitesearch.yml}. A missing file means the defaults; a present one is validated once,
 * strictly (an unknown key is an error, so a typo never silently does nothing), each section by its
 * own settings record. Example:
 *
 * <pre>
 * fields:
 *   text: {title: 3, description: 2, body: 1}
 *   facets: [communityTopics, searchCategory, tags, link.brand]
 *   labels: {communityTopics: Topics, link.brand: Site}
 *   dates: [date, lastMod]
 *   stored: [featuredImage.href]
 *   stemmer: porter               # snowball, kstem, minimal or none
 * content:
 *   maxFileSize: 5MB
 *   site: ../my-hugo-site         # the Hugo project; found above the content folder by default
 *   urlTemplate: "{basePath}/{slug}/"   # the site's own URL rule, instead of Hugo's
 * server:
 *   port: 7070
 *   host: 127.0.0.1
 *   cors: [https://www.example.org]
 *   adminToken: change-me        # or SITESEARCH_ADMIN_TOKEN in the environment
 *   limits: {maxHeaderSize: 16KB, maxBodySize: 64KB, maxConcurrent: 128, maxQueueWait: 2s}
 *   rateLimit: {requestsPerSecond: 20, burst: 40, trustForwardedFor: false}   # off unless set
 * ranking:
 *   synonyms: synonyms.txt       # or none
 *   recencyHalfLifeDays: 730
 *   typos: true
 *   pins: {"ccm billing": ["3901"]}
 *   hides: {"ccm billing": ["3150"]}
 * </pre>
 */
public final class ConfigLoader {
  public static final String ADMIN_TOKEN_ENV = "SITESEARCH_ADMIN_TOKEN";
  public static final String FILE_NAME = "sitesearch.yml";

  private ConfigLoader() {}

  /**
   * The config file to read when none is named: {@code sitesearch.yml} in the working folder, else
   * in the content folder, else in the Hugo site's folder ({@code siteRoot}, may be null); null
   * when there is none (the defaults then apply). A site keeps its search settings beside its
   * content, and a command run from anywhere finds them.
   */
  public static Path locate(Path workingDir, Path contentDir, Path siteRoot) {
    for (Path dir : new Path[] {workingDir, contentDir, siteRoot}) {
      if (dir == null) continue;
      Path file = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(file)) return file;
    }
    return null;
  }

  /**
   * Loads {@code file} if it exists (null: none) with the settings {@code env} gives ({@link
   * EnvOverrides}) over it; the defaults for everything neither sets. Precedence, highest first:
   * the command's flags (applied by the commands), the environment, the file, the defaults.
   */
  public static SitesearchConfig load(Path file, Map<String, String> env) {
    return read(file, env, false).config();
  }

  /** Every setting in force after {@link #load}, with where it came from, secrets masked. */
  public static List<Setting> explain(Path file, Map<String, String> env) {
    return read(file, env, true).settings();
  }

  private record Read(SitesearchConfig config, List<Setting> settings) {}

  @SuppressWarnings("unchecked")
  private static Read read(Path file, Map<String, String> env, boolean recording) {
    boolean fromFile = file != null && Files.exists(file);
    Object root = fromFile ? yaml(file) : null;
    var origins = new HashMap<String, String>();
    if (root == null || root instanceof Map) {
      root = EnvOverrides.apply((Map<String, Object>) root, env, origins);
    }
    var trace = new ConfigTrace(origins, recording);
    SitesearchConfig config =
        SitesearchConfig.fromConfig(ConfigSection.root(fromFile ? file : null, root, trace));
    return new Read(config, trace.settings());
  }

  static SitesearchConfig parse(Path file) {
    return SitesearchConfig.fromConfig(ConfigSection.root(file, yaml(file)));
  }

  private static Object yaml(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file)) {
      var options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setNestingDepthLimit(20);
      root = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new ConfigException(
          "%s:%d:%d: invalid YAML: %s"
              .formatted(file, mark.getLine() + 1, mark.getColumn() + 1, e.getProblem()));
    } catch (YAMLException | IOException e) {
      throw new ConfigException(file + ": cannot read config: " + e.getMessage(), e);
    }
    return root;
  }
}
