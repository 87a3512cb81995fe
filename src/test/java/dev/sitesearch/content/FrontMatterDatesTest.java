package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Front-matter dates in the forms Hugo reads, and the ones a search could never ask for. */
class FrontMatterDatesTest {
  private final List<String> warnings = new ArrayList<>();

  private FrontMatterDates.Dates dates(Map<String, Object> frontMatter) {
    return FrontMatterDates.DEFAULTS.resolve(frontMatter, "a", 0, warnings::add);
  }

  @Test
  void a_whole_number_is_seconds_since_1970_as_hugos_cast_reads_it() {
    var d = dates(Map.of("date", 1_700_000_000, "expirydate", 1_800_000_000L));

    assertEquals(Instant.parse("2023-11-14T22:13:20Z"), d.date().toInstant());
    assertEquals(Instant.parse("2027-01-15T08:00:00Z"), d.expiryDate());
    assertEquals(List.of(), warnings);
  }

  @Test
  void a_date_outside_years_1_to_9999_is_a_warning_and_left_out() {
    var d = dates(Map.of("publishdate", "-0001-01-01", "expirydate", 999_999_999_999L));

    assertNull(d.publishDate());
    assertNull(d.expiryDate());
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("0001 to 9999"), warnings.toString());
  }
}
