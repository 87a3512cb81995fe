package dev.sitesearch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private ConfigLoader() {}

  /**
   * Loads {@code file} if it exists, else the defaults; the admin token may come from the
   * environment.
   */
  public static SitesearchConfig load(Path file, Map<String, String> env) {
    SitesearchConfig config = Files.exists(file) ? parse(file) : SitesearchConfig.defaults();
    String envToken = env.get(ADMIN_TOKEN_ENV);
    if (envToken != null && !envToken.isBlank()) {
      config = config.withServer(config.server().withAdminToken(envToken.strip()));
    }
    return config;
  }

  static SitesearchConfig parse(Path file) {
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
    return SitesearchConfig.fromConfig(ConfigSection.root(file, root));
  }
}
