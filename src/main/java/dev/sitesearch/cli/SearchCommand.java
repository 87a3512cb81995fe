package dev.sitesearch.cli;

import dev.sitesearch.app.Assembly;
import dev.sitesearch.http.Json;
import dev.sitesearch.search.InvalidRequestException;
import dev.sitesearch.search.InvalidRequestException.Part;
import dev.sitesearch.search.LiveIndex;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.SearchResponse;
import dev.sitesearch.search.SortOrder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitesearch search}: ranked results from the terminal, through the same search core as the
 * API.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search the index: words, \"exact phrase\", -excluded, a OR b, prefix*. Empty query browses.")
public final class SearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "What to search for.")
  String query = "";

  @Option(
      names = "--filter",
      paramLabel = "FACET=VALUE",
      description =
          "Keep pages with this facet value; repeat it (same facet: any value; different facets: all).")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--size",
      description = "Results per page, 1-100 (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int size;

  @Option(
      names = "--page",
      description = "Page number (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int page;

  @Option(
      names = "--sort",
      description = "relevance, newest, oldest or title (default: ${DEFAULT-VALUE}).",
      defaultValue = "relevance")
  String sort;

  @Option(
      names = "--lang",
      paramLabel = "CODE",
      description = "Search the pages of one of the site's languages (default: all).")
  String lang;

  @Option(names = "--json", description = "Print the same JSON as GET /api/search.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, List<String>> byFacet = new LinkedHashMap<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException(
            Part.FILTER, "expected FACET=VALUE, got '" + InvalidRequestException.shorten(f) + "'");
      }
      byFacet
          .computeIfAbsent(f.substring(0, eq).strip(), k -> new ArrayList<>())
          .add(f.substring(eq + 1));
    }
    var request =
        new SearchRequest(
            query,
            byFacet,
            null,
            null,
            SortOrder.parse(sort),
            page,
            size,
            null,
            SearchRequest.DEFAULT_FACET_SIZE,
            lang);
    Assembly assembly = common.assembly();
    if (assembly.onSolrCloud()) {
      print(assembly.solrEngine().search(request));
      return Main.OK;
    }
    try (LiveIndex index = assembly.openIndex()) {
      print(assembly.searchService(index).search(request));
    }
    return Main.OK;
  }

  private void print(SearchResponse response) {
    PrintWriter out = common.out();
    if (json) {
      out.println(Json.pretty(response));
    } else {
      printText(out, response);
    }
  }

  private static void printText(PrintWriter out, SearchResponse response) {
    out.printf(
        "%s%d result%s for '%s' (%d ms%s)%n",
        response.partial() ? "at least " : "",
        response.total(),
        response.total() == 1 ? "" : "s",
        response.query(),
        response.tookMs(),
        response.partial() ? ", stopped at the search time limit" : "");
    int rank = (response.page() - 1) * response.size();
    for (SearchResponse.Hit hit : response.hits()) {
      out.printf(
          "%n%d. %s%n   %s%s%n",
          ++rank, hit.title(), hit.url(), hit.date() == null ? "" : "  ·  " + hit.date());
      hit.fields()
          .forEach((facet, values) -> out.printf("   %s: %s%n", facet, String.join(", ", values)));
      if (hit.snippet() != null && !hit.snippet().isEmpty())
        out.printf("   %s%n", SearchResponse.Hit.visibleText(hit.snippet()));
    }
  }
}
