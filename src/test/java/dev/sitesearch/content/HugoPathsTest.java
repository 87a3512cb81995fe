package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hugo's path sanitizing and Go's percent-encoding, case by case. */
class HugoPathsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      spaces become one hyphen          | My  Page         | my-page
      punctuation is dropped            | x&y (1)?         | xy-1
      kept: . / _ # + ~ - @             | a.b/c_d#e+f~g-h@i | a.b/c_d#e+f~g-h@i
      letters of any script are kept    | Ñandú Ünï        | ñandú-ünï
      a trailing space leaves nothing   | 'trail '         | trail
      a space before a hyphen is dropped | 'a - b'         | a-b
      a valid percent escape is kept    | a%20b%zz         | a%20bzz
      """)
  void sanitize_keeps_what_hugo_keeps_and_lower_cases(String why, String in, String out) {
    assertEquals(out, HugoPaths.sanitize(in, true, false), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      plain ASCII stays                 | /docs/a-b_c.d~e/            | /docs/a-b_c.d~e/
      non-ASCII letters are encoded     | /docs/ñandú/                | /docs/%C3%B1and%C3%BA/
      a space is encoded                | /Custom/URL Here/           | /Custom/URL%20Here/
      a hash would start a fragment     | /docs/c#/                   | /docs/c%23/
      sub-delims stay in a clean path   | /a!b(c)*/                   | /a!b(c)*/
      but not once it must be encoded   | /ñ!(x)/                     | /%C3%B1%21%28x%29/
      an encoded path is kept           | /docs/%C3%B1/               | /docs/%C3%B1/
      """)
  void links_are_percent_encoded_as_go_does(String why, String in, String out) {
    assertEquals(out, HugoPaths.escapePath(in), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      accents dropped on request        | Café Crème | false | true  | Cafe-Creme
      case kept with disablePathToLower | Big Page   | false | false | Big-Page
      """)
  void the_site_decides_case_and_accents(
      String why, String in, boolean lower, boolean accents, String out) {
    assertEquals(out, HugoPaths.sanitize(in, lower, accents), why);
  }
}
