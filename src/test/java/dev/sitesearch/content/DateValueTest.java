package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValueTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      2023-10-15T13:18:50-07:00        | 2023-10-15T20:18:50Z
      2023-10-15T13:18:50-0700         | 2023-10-15T20:18:50Z
      2023-10-15T13:18:50Z             | 2023-10-15T13:18:50Z
      2023-10-15T13:18:50              | 2023-10-15T13:18:50Z
      2023-10-15                       | 2023-10-15T00:00:00Z
      15 Oct 2023                      | 2023-10-15T00:00:00Z
      2023-10-15 10:00:00              | 2023-10-15T10:00:00Z
      2023-10-15 10:00                 | 2023-10-15T10:00:00Z
      2023-10-15T10:00:00.123456+02:00 | 2023-10-15T08:00:00.123456Z
      2023-10-15 10:00:00 -07:00       | 2023-10-15T17:00:00Z
      2023-10-15t10:00:00z             | 2023-10-15T10:00:00Z
      'Sun, 15 Oct 2023 13:18:50 -0700' | 2023-10-15T20:18:50Z
      'Sun, 15 Oct 2023 13:18:50 GMT'  | 2023-10-15T13:18:50Z
      15 Oct 23 13:18 -0700            | 2023-10-15T20:18:00Z
      Sun Oct 15 13:18:50 2023         | 2023-10-15T13:18:50Z
      Sun Oct 15 13:18:50 UTC 2023     | 2023-10-15T13:18:50Z
      Sun Oct 15 13:18:50 -0700 2023   | 2023-10-15T20:18:50Z
      """)
  void the_forms_hugo_accepts_are_dates(String written, String instant) {
    assertEquals(Optional.of(Instant.parse(instant)), DateValue.parse(written), written);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "next tuesday",
        "2024-02-30",
        "31 Feb 2024",
        "2024-13-01",
        "Mon, 15 Oct 2023 13:18:50 -0700"
      })
  void other_text_is_not_a_date_and_the_error_says_what_to_write(String written) {
    var e = assertThrows(IllegalArgumentException.class, () -> DateValue.parse(written));

    assertEquals(
        "'" + written + "' is not a date (use 2024-05-31 or 2024-05-31T08:00:00Z)", e.getMessage());
  }
}
