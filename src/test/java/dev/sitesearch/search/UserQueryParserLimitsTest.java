package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.search.UserQuery.AnyOf;
import dev.sitesearch.search.UserQuery.Phrase;
import dev.sitesearch.search.UserQuery.Prefix;
import dev.sitesearch.search.UserQuery.Word;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever is typed, the parsed query stays small: terms, clauses, OR chains and word lengths are
 * capped.
 */
class UserQueryParserLimitsTest {
  private static int terms(UserQuery q) {
    return q.include().stream().mapToInt(UserQueryParser::terms).sum()
        + q.exclude().stream().mapToInt(UserQueryParser::terms).sum();
  }

  @Test
  void a_long_or_chain_keeps_its_first_options_up_to_the_term_budget() {
    UserQuery q = UserQueryParser.parse(String.join(" OR ", Collections.nCopies(300, "care")));

    assertEquals(1, q.include().size());
    assertEquals(UserQueryParser.MAX_TERMS, ((AnyOf) q.include().get(0)).options().size());
  }

  @Test
  void many_words_phrases_and_exclusions_share_one_budget() {
    int max = UserQueryParser.MAX_TERMS;
    String text =
        "\"" + "care plan ".repeat(max) + "\" " + "chronic ".repeat(50) + "-rural ".repeat(50);
    UserQuery q = UserQueryParser.parse(text);

    assertEquals(UserQueryParser.MAX_TERMS, terms(q));
    assertEquals(
        max,
        ((Phrase) q.include().get(0)).text().split(" ").length,
        "the phrase keeps its first words");
    assertEquals(1, q.include().size(), "nothing is left for more words");
    assertTrue(q.exclude().isEmpty(), "nor for exclusions");
  }

  @Test
  void words_the_analyzer_splits_count_as_their_parts() {
    assertEquals(3, UserQueryParser.terms("covid-19-update"));
    assertEquals(4, UserQueryParser.terms("中文字幕"));
    assertEquals(0, UserQueryParser.terms("(((*)))"));
    UserQuery q =
        UserQueryParser.parse(
            "a-".repeat(40)
                + " "
                + "b-".repeat(40)
                + " "
                + "c-".repeat(40)
                + " "
                + "d-".repeat(40)
                + " e-f");
    assertEquals(
        List.of(
            new Word("a-".repeat(32)),
            new Word("b-".repeat(32)),
            new Word("c-".repeat(32)),
            new Word("d-".repeat(32))),
        q.include(),
        "each cut to 64 characters, 32 terms; the fifth no longer fits");
  }

  @Test
  void very_long_words_are_cut_and_lucene_syntax_stays_text() {
    assertEquals(
        List.of(new Word("x".repeat(UserQueryParser.MAX_WORD_CHARS))),
        UserQueryParser.parse("x".repeat(900)).include());
    assertEquals(
        List.of(new Word(" a "), new Word("a~2"), new Word("/re. /"), new Word("x")),
        UserQueryParser.parse("*a* a~2 /re.*/ title:x").include());
    assertEquals(List.of(new Prefix("ca")), UserQueryParser.parse("ca*").include());
    assertEquals(
        1, UserQueryParser.parse("(".repeat(500) + "care" + ")".repeat(500)).include().size());
  }
}
