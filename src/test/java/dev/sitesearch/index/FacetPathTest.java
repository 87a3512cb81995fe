package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sitesearch.testing.Seed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetPathTest {
  @Test
  void a_value_is_every_path_from_the_top_down_to_it() {
    assertEquals(
        List.of(
            "KLAS", "KLAS: Remote Patient Monitoring", "KLAS: Remote Patient Monitoring: Devices"),
        FacetPath.ancestry("KLAS: Remote Patient Monitoring: Devices", ": "));
    assertEquals(List.of("Diabetes"), FacetPath.ancestry("Diabetes", ": "), "a top-level leaf");
    assertEquals(
        List.of("A", "A: B"),
        FacetPath.ancestry(" A :  B: ", ": "),
        "levels trimmed, empty ones dropped");
    assertEquals(
        List.of("Time:10"), FacetPath.ancestry("Time:10", ": "), "only the separator as written");
    assertEquals(List.of(), FacetPath.ancestry(": ", ": "));
  }

  @Test
  void a_path_knows_its_parent_and_its_own_name() {
    assertEquals("Medigy", FacetPath.parent("Medigy: Telehealth", ": "));
    assertEquals("", FacetPath.parent("Medigy", ": "));
    assertEquals("Telehealth", FacetPath.label("Medigy: Telehealth", ": "));
    assertEquals("workloads", FacetPath.label("docs/concepts/workloads", "/"));
  }

  @Test
  void a_hierarchy_is_part_of_the_schema_so_changing_it_rebuilds_the_index() {
    var d = Seed.FIELDS;
    Schema flat = Seed.schema();
    Schema tree =
        new Schema(
            d.text(),
            d.facets(),
            d.dates(),
            d.stored(),
            d.stemmer(),
            d.labels(),
            Map.of("communityTopics", ": "));
    assertNotEquals(flat.fingerprint(), tree.fingerprint());
    assertEquals(": ", tree.separator("communityTopics"));
    assertNull(tree.separator("tags"));
    assertEquals("/", tree.separator(Schema.SECTION_FACET));
  }
}
