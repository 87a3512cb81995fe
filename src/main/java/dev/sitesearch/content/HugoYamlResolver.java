package dev.sitesearch.content;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Which plain YAML scalars are booleans and numbers, as current Hugo reads them (goccy/go-yaml
 * since Hugo 0.152, YAML 1.2's rules): only {@code true} and {@code false} are booleans, so {@code
 * yes}, {@code no}, {@code on} and {@code off} stay text, and {@code 1:20} is text, not the base-60
 * number 80. snakeyaml's default follows YAML 1.1, under which a Norwegian site's language key
 * {@code no:} read as false and its pages moved to {@code /false/} (as Debian's Hugo 0.111, on
 * yaml.v2, still does). Nulls, timestamps, merge keys and the other numbers are read as before.
 */
final class HugoYamlResolver extends Resolver {
  private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

  /** snakeyaml's integers without the base-60 form. */
  private static final Pattern INT =
      Pattern.compile(
          "^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*)$");

  /** snakeyaml's floats without the base-60 form. */
  private static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
              + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

  @Override
  protected void addImplicitResolvers() {
    // The order and first characters of snakeyaml's own list.
    addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, NULL, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
    addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    addImplicitResolver(Tag.YAML, YAML, "!&*");
  }
}
