/*
 * The analytics page's pure parts: which reports it shows and how, the URLs it asks, the default range of days,
 * and the link that takes a failing query to curation.
 */

export const TOKEN_KEY = 'sitesearch.adminToken';
export const DEFAULT_DAYS = 30;
export const ROWS = 50;

/** The reports listed below the daily charts, in order; curate: each row's query links to curation. */
export const REPORTS = [
  { name: 'queries', title: 'Top queries', curate: true },
  { name: 'no-results', title: 'Queries with no results', curate: true },
  { name: 'no-clicks', title: 'Queries with results but no clicks', curate: true },
  { name: 'positions', title: 'Clicked positions', chart: true },
  { name: 'facets', title: 'Facet use' },
  { name: 'suggestions', title: 'Typed into the search box (suggestion lookups)' },
];

export const COLUMN_LABELS = {
  query: 'Query', searches: 'Searches', noResults: 'No results', clicks: 'Clicks', clickRate: 'Click rate',
  lastSearched: 'Last searched', results: 'Results', position: 'Position', share: 'Share', facet: 'Facet',
  value: 'Value', prefix: 'Typed', lookups: 'Lookups', empty: 'Without suggestions', day: 'Day',
  suggestions: 'Suggestions', p50Ms: 'p50 (ms)', p95Ms: 'p95 (ms)',
};

/** Ratios shown as percentages. */
export const PERCENT_COLUMNS = new Set(['clickRate', 'share']);

/** The last DEFAULT_DAYS days up to today (UTC), as the date inputs' values. */
export function defaultRange(now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - (DEFAULT_DAYS - 1) * 86400000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** GET api/admin/analytics/{name} for the range (relative to the page), as JSON or CSV. */
export function reportUrl(name, range, format = 'json', size = ROWS) {
  const params = new URLSearchParams({ from: range.from, to: range.to, size: String(size) });
  if (format !== 'json') params.set('format', format);
  return 'api/admin/analytics/' + encodeURIComponent(name) + '?' + params;
}

/** Where an editor adds a synonym, pin or hide for a query: the curation page, the query in its URL. */
export function curationHref(query) {
  return 'admin/curation?' + new URLSearchParams({ q: query });
}

/** A cell as the table shows it. */
export function cellText(column, value) {
  if (value === null || value === undefined) return '–';
  if (PERCENT_COLUMNS.has(column) && typeof value === 'number') return (value * 100).toFixed(1) + ' %';
  return String(value);
}
