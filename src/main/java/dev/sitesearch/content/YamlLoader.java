package dev.sitesearch.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads one YAML document with snakeyaml's {@link SafeConstructor} (no class is ever instantiated
 * from a tag, unknown tags are errors), scalars read as current Hugo reads them ({@link
 * HugoYamlResolver}), and limits on aliases, nesting and size, so an alias bomb or a deeply nested
 * document fails fast instead of eating the heap or the CPU.
 *
 * <p>Every alias counts towards the limit. snakeyaml's own limit counts only aliases of lists and
 * maps, but an alias of a long text repeats it as surely: {@code tags: [*s, *s, …]} made each of
 * thousands of tags a 100 KB string, and normalising them took 14 s for a 256 KB page. The text is
 * read by a {@link WholeTextReader}, in linear time. Not thread-safe (snakeyaml's constructor is
 * not): one per thread.
 */
final class YamlLoader {
  static final int MAX_ALIASES = 50;

  private final LoaderOptions options;
  private final StrictDates constructor;
  private final Resolver resolver = new HugoYamlResolver();

  YamlLoader(int maxChars, int maxDepth) {
    options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(maxDepth);
    options.setCodePointLimit(maxChars);
    options.setAllowRecursiveKeys(false);
    constructor = new StrictDates(options);
  }

  /**
   * The document's data (maps, lists, strings, numbers, booleans, dates), or null when it is empty.
   *
   * @throws org.yaml.snakeyaml.error.YAMLException for a document that is not valid YAML or breaks
   *     a limit; a {@link MarkedYAMLException} says where
   */
  Object load(String source) {
    Parser parser = new AliasCounter(new ParserImpl(new WholeTextReader(source), options));
    constructor.setComposer(new Composer(parser, resolver, options));
    return constructor.getSingleData(Object.class);
  }

  /** Passes the parser's events on, counting aliases and failing past the limit. */
  private static final class AliasCounter implements Parser {
    private final Parser parser;
    private int aliases;

    AliasCounter(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = parser.getEvent();
      if (event instanceof AliasEvent && ++aliases > MAX_ALIASES)
        throw new TooManyAliases(event.getStartMark());
      return event;
    }
  }

  private static final class TooManyAliases extends MarkedYAMLException {
    TooManyAliases(Mark mark) {
      super(
          null,
          null,
          "more than "
              + MAX_ALIASES
              + " aliases (*name); each one repeats what it names, so the limit keeps a page small",
          mark);
    }
  }

  /**
   * YAML's own timestamps, except an impossible one ({@code 2024-02-30}, {@code 2024-13-45}):
   * snakeyaml's lenient calendar would roll it over into another real date without a word, so it
   * stays text, and the date field then reports it as not a date.
   */
  private static final class StrictDates extends SafeConstructor {
    private static final Pattern DATE_TIME =
        Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2}))?.*",
            Pattern.DOTALL);

    StrictDates(LoaderOptions options) {
      super(options);
      Construct timestamps = yamlConstructors.get(Tag.TIMESTAMP);
      yamlConstructors.put(
          Tag.TIMESTAMP,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              String value = ((ScalarNode) node).getValue();
              return isRealDate(value) ? timestamps.construct(node) : value;
            }
          });
    }

    static boolean isRealDate(String value) {
      Matcher m = DATE_TIME.matcher(value);
      if (!m.matches()) return true; // not a form we know: leave it to snakeyaml
      try {
        LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        return false;
      }
      return m.group(4) == null
          || (Integer.parseInt(m.group(4)) < 24
              && Integer.parseInt(m.group(5)) < 60
              && Integer.parseInt(m.group(6)) < 61);
    }
  }
}
