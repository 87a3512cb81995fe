package dev.sitesearch.search;

import dev.sitesearch.index.Fields;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's filters: facet values (OR within a facet, AND across facets), a date range on the
 * page date and a language. The one place that applies them to a query, for the hits and for every
 * facet count, so they cannot disagree.
 *
 * @param dateField the page date, or null when the schema has none
 * @param lang the language code pages must have (as the index has it), or null for any
 */
record Filters(
    FacetsConfig facetsConfig,
    Map<String, List<String>> values,
    String dateField,
    LocalDate from,
    LocalDate to,
    String lang) {

  /** Filters in every language. */
  Filters(
      FacetsConfig facetsConfig,
      Map<String, List<String>> values,
      String dateField,
      LocalDate from,
      LocalDate to) {
    this(facetsConfig, values, dateField, from, to, null);
  }

  /** {@code query} within the dates and every facet filter. */
  DrillDownQuery apply(Query query) {
    return applyExcept(query, null);
  }

  /**
   * {@code query} within the dates and every facet filter but {@code facet}'s own: counting that
   * facet over it tells what ticking each of its values would add (disjunctive counts).
   */
  DrillDownQuery applyExcept(Query query, String facet) {
    var base = new BooleanQuery.Builder().add(query, Occur.MUST);
    Query dates = dateRange();
    if (dates != null) base.add(dates, Occur.FILTER);
    if (lang != null) base.add(new TermQuery(new Term(Fields.LANG, lang)), Occur.FILTER);
    var drillDown = new DrillDownQuery(facetsConfig, base.build());
    values.forEach(
        (dim, selected) -> {
          if (!dim.equals(facet)) selected.forEach(v -> drillDown.add(dim, v));
        });
    return drillDown;
  }

  /**
   * Leaf clauses the filters add to a query: one per facet value, one for the dates, one for the
   * language.
   */
  int clauseCount() {
    return values.values().stream().mapToInt(List::size).sum() + 1 + (lang == null ? 0 : 1);
  }

  private Query dateRange() {
    if (dateField == null || (from == null && to == null)) return null;
    long fromMillis =
        from == null
            ? Long.MIN_VALUE
            : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long toMillis =
        to == null
            ? Long.MAX_VALUE
            : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongField.newRangeQuery(dateField, fromMillis, toMillis);
  }
}
