package dev.sitesearch.search;

import dev.sitesearch.index.Schema;
import java.util.List;

/**
 * A request's facet names checked against the schema, the same for every engine: an unknown one is
 * refused naming it and listing the site's facets.
 */
public final class FacetNames {
  private final Schema schema;

  public FacetNames(Schema schema) {
    this.schema = schema;
  }

  /** The facets a request counts (all when it names none); its filters' facets checked too. */
  public List<String> check(SearchRequest request) {
    for (String dim : request.filters().keySet()) {
      if (!schema.isFacet(dim)) throw unknown(InvalidRequestException.Part.FILTER, dim);
    }
    if (request.facets() == null) return schema.facets();
    for (String dim : request.facets()) {
      if (!schema.isFacet(dim)) throw unknown(InvalidRequestException.Part.FACETS, dim);
    }
    return request.facets();
  }

  /** Checks that {@code facet}, named in a path, is one of the schema's facets. */
  public void check(String facet) {
    if (!schema.isFacet(facet)) throw unknown(InvalidRequestException.Part.FACET, facet);
  }

  private InvalidRequestException unknown(InvalidRequestException.Part part, String facet) {
    return new InvalidRequestException(
        part,
        facet,
        "unknown facet '"
            + InvalidRequestException.shorten(facet)
            + "'; facets are: "
            + String.join(", ", schema.facets()));
  }
}
