package dev.sitesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SortOrder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared bench query mix, as search requests and as API query strings. */
record QueryMix(List<SearchRequest> requests, List<String> queryStrings) {
  static QueryMix load(Path file) throws IOException {
    var mapper = new ObjectMapper();
    var requests = new ArrayList<SearchRequest>();
    var strings = new ArrayList<String>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode node = mapper.readTree(line);
      String q = node.path("q").asText("");
      Map<String, List<String>> filters = new LinkedHashMap<>();
      node.path("filters")
          .properties()
          .forEach(
              e -> {
                var values = new ArrayList<String>();
                e.getValue().forEach(v -> values.add(v.asText()));
                filters.put(e.getKey(), values);
              });
      var facets = new ArrayList<String>();
      node.path("facets").forEach(f -> facets.add(f.asText()));
      SortOrder sort =
          node.path("sort").asText("relevance").equals("date")
              ? SortOrder.NEWEST
              : SortOrder.RELEVANCE;
      requests.add(new SearchRequest(q, filters, null, null, sort, 1, 10, facets, 10));
      var qs =
          new StringBuilder("q=")
              .append(enc(q))
              .append("&sort=")
              .append(sort.name().toLowerCase())
              .append("&facets=")
              .append(enc(String.join(",", facets)));
      filters.forEach(
          (k, vs) -> vs.forEach(v -> qs.append("&f.").append(enc(k)).append('=').append(enc(v))));
      strings.add(qs.toString());
    }
    return new QueryMix(requests, strings);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
