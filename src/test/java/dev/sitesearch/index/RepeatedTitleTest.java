package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body that opens by repeating the title (a Hugo page's first heading, an abstract that restates
 * its paper's title) is searched from after the repetition, so the title's words count once, at the
 * title's weight.
 */
class RepeatedTitleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a heading line                   | Installing the CLI | Installing the CLI~Download the binary.        | Download the binary.
      case and punctuation differ      | Installing the CLI | # installing the cli!~Download the binary.     | Download the binary.
      an abstract restating its title  | Flow past a wing   | flow past a wing .~ an experimental study.     | an experimental study.
      a dash after the title           | Pricing            | Pricing - what each plan costs                  | what each plan costs
      the whole body                   | Contact            | Contact                                         | ''
      a sentence that starts alike     | Rust               | Rust is a language.                             | Rust is a language.
      the title further down           | Pricing            | Our plans.~Pricing~Each plan costs.             | Our plans.~Pricing~Each plan costs.
      part of the title only           | Installing the CLI | Installing the server~Download it.              | Installing the server~Download it.
      no title                         | ''                 | Some text.                                      | Some text.
      """)
  void the_body_is_searched_from_after_a_repeated_title(
      String why, String title, String body, String searched) {
    assertEquals(
        searched.replace("~", "\n"), RepeatedTitle.removeFrom(title, body.replace("~", "\n")), why);
  }
}
