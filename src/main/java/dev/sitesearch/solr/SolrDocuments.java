package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Schema;
import dev.sitesearch.search.SearchResponse.Hit;
import dev.sitesearch.search.StoredPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Solr's documents as the API shows them: a search hit with its title marks and snippet, or a whole
 * stored page, in the local engine's shapes.
 */
final class SolrDocuments {
  private final Schema schema;
  private final SolrFields fields;

  SolrDocuments(Schema schema, SolrFields fields) {
    this.schema = schema;
    this.fields = fields;
  }

  /** A hit as the search answer shows it, from a Solr document and its highlighting. */
  Hit hit(JsonNode doc, JsonNode marks, boolean scores) {
    String titleField = fields.text(Fields.TITLE);
    String title = titleField == null ? "" : doc.path(titleField).asText("");
    String description = doc.path(SolrFields.DESCRIPTION_SHOWN).asText("");
    String titleMarks = highlight(marks, titleField);
    String snippet = snippet(marks, description);
    String dateField = schema.primaryDate();
    String date = dateField == null ? null : textOrNull(doc.path(fields.shownDate(dateField)));
    return new Hit(
        doc.path(SolrFields.ID).asText(),
        title,
        description,
        doc.path(SolrFields.URL).asText(),
        textOrNull(doc.path(SolrFields.PERMALINK)),
        strings(doc.path(SolrFields.ALIASES)),
        doc.path(SolrFields.LANG).asText(""),
        doc.path(SolrFields.KIND).asText(""),
        strings(doc.path(SolrFields.SECTIONS)),
        List.of(),
        date,
        scores && doc.has("score") ? (float) doc.path("score").asDouble() : null,
        snippet,
        Map.of("title", titleMarks == null ? Escaping.html(title) : titleMarks),
        pageFields(doc),
        List.of(),
        List.of());
  }

  /** The best passage: a marked one from the body, else from the description, else the opening. */
  private String snippet(JsonNode marks, String description) {
    String body = highlight(marks, fields.text(Fields.BODY));
    if (body != null && body.contains("<mark>")) return body;
    String desc = highlight(marks, fields.text(Fields.DESCRIPTION));
    if (desc != null && desc.contains("<mark>")) return desc;
    if (body != null && !body.isEmpty()) return body;
    return Escaping.html(description);
  }

  private static String highlight(JsonNode marks, String field) {
    if (field == null) return null;
    JsonNode list = marks.path(field);
    if (!list.isArray() || list.isEmpty()) return null;
    return Escaping.fromSolr(list.get(0).asText());
  }

  private Map<String, List<String>> pageFields(JsonNode doc) {
    var out = new LinkedHashMap<String, List<String>>();
    for (String facet : schema.facets()) {
      List<String> values = strings(doc.path(fields.shownFacet(facet)));
      if (!values.isEmpty()) out.put(facet, values);
    }
    for (String stored : schema.storedFields()) {
      List<String> values = strings(doc.path(fields.stored(stored)));
      if (!values.isEmpty()) out.put(stored, values);
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    var out = new ArrayList<String>();
    if (node.isArray()) node.forEach(v -> out.add(v.asText()));
    else if (!node.isMissingNode() && !node.isNull()) out.add(node.asText());
    return out;
  }

  private static String textOrNull(JsonNode node) {
    if (node.isArray()) return node.isEmpty() ? null : node.get(0).asText();
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** A whole stored page, as the documents endpoint shows it. */
  StoredPage storedPage(JsonNode d) {
    var dates = new LinkedHashMap<String, String>();
    for (String date : schema.dateFields()) {
      String v = textOrNull(d.path(fields.shownDate(date)));
      if (v != null) dates.put(date, v);
    }
    return new StoredPage(
        d.path(SolrFields.ID).asText(),
        d.path(SolrFields.PATH).asText(),
        d.path(SolrFields.URL).asText(),
        textOrNull(d.path(SolrFields.PERMALINK)),
        strings(d.path(SolrFields.ALIASES)),
        d.path(SolrFields.LANG).asText(""),
        d.path(SolrFields.KIND).asText(""),
        strings(d.path(SolrFields.SECTIONS)),
        text(d, Fields.TITLE),
        d.path(SolrFields.DESCRIPTION_SHOWN).asText(""),
        text(d, Fields.BODY),
        dates,
        pageFields(d));
  }

  private String text(JsonNode doc, String field) {
    String name = fields.text(field);
    return name == null ? "" : doc.path(name).asText("");
  }
}
