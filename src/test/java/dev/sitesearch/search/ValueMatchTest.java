package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueMatchTest {
  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      tele             | Medigy: Telehealth          | 0
      TÉLÉ             | Medigy: Telehealth          | 0
      telehelth        | Medigy: Telehealth          | 1
      telehealht       | Medigy: Telehealth          | 1
      tlehealth        | Medigy: Telehealth          | 1
      telehlth         | Medigy: Telehealth          | 2
      tleh             | Medigy: Telehealth          | 1
      telx             | Medigy: Telehealth          | 1
      tex              | Medigy: Telehealth          | -1
      medgy tele       | Medigy: Telehealth          | 1
      tele medigy      | Medigy: Telehealth          | 0
      tele nutrition   | Medigy: Telehealth          | -1
      sante            | Medigy: Santé Numérique     | 0
      numerik          | Medigy: Santé Numérique     | 1
      xyzzy            | Medigy: Telehealth          | -1
      """)
  void typed_words_match_the_starts_of_words_with_a_typo_or_two_by_length(
      String typed, String value, int distance) {
    assertEquals(distance, new ValueMatch(typed).distance(value));
  }
}
