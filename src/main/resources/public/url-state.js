/*
 * The page's state is its URL: q, f.<facet> (repeatable, one per ticked value), sort, page and lang (the language
 * searched: absent means the page's own <html lang>, an empty lang= every language). Defaults are left
 * out, so links stay short: no sort means the API's own (relevance with words, newest without), page 1 is no page.
 * A state is {q, filters: Map(facet -> [values]), sort, page, lang (null when the URL names none)}; functions here never change one, they make a new one.
 */

export const PAGE_SIZE = 10;
export const MAX_PAGE = Math.floor(10000 / PAGE_SIZE); // ranked, the API allows page × size ≤ 10,000
export const MAX_SORTED_PAGE = Math.floor(1000 / PAGE_SIZE); // sorted or browsed without words: ≤ 1,000
export const MAX_QUERY_CHARS = 1000;
export const SORTS = ['relevance', 'newest', 'oldest', 'title'];

/** The state a query string (location.search) describes; anything unknown or out of range falls back to a default. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = new Map();
  for (const [key, value] of params) {
    if (key.startsWith('f.') && key.length > 2 && value !== '') {
      const facet = key.slice(2);
      if (!filters.has(facet)) filters.set(facet, []);
      if (!filters.get(facet).includes(value)) filters.get(facet).push(value);
    }
  }
  const sort = SORTS.includes(params.get('sort')) ? params.get('sort') : '';
  const q = (params.get('q') || '').slice(0, MAX_QUERY_CHARS);
  const page = Math.min(maxPage({ q, sort }), Math.max(1, parseInt(params.get('page'), 10) || 1));
  const lang = params.has('lang') ? params.get('lang').trim().slice(0, 35) : null;
  return { q, filters, sort, page, lang };
}

/** The deepest page the API serves for a state: a ranked list goes deeper than a sorted or browsed one. */
export function maxPage(state) {
  const ranked = state.q && (!state.sort || state.sort === 'relevance');
  return ranked ? MAX_PAGE : MAX_SORTED_PAGE;
}

/** The page's own parameters for a state, defaults left out. */
export function pageParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [facet, values] of state.filters) values.forEach((v) => params.append('f.' + facet, v));
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.lang !== null && state.lang !== undefined) params.set('lang', state.lang);
  return params;
}

/** The link to a state: "?…", or the bare path when every parameter is a default. */
export function pageUrl(state, pathname) {
  const query = pageParams(state).toString();
  return query ? '?' + query : pathname;
}

/** A new search from this state: the changes applied, back to page 1 unless the changes name a page. */
export function withChanges(state, changes) {
  return { ...state, page: 1, ...changes };
}

/** The filters with one value ticked (on) or unticked; a facet left without values is dropped. */
export function toggled(filters, facet, value, on) {
  const next = new Map([...filters].map(([k, v]) => [k, [...v]]));
  const rest = (next.get(facet) || []).filter((v) => v !== value);
  if (on) rest.push(value);
  if (rest.length) next.set(facet, rest);
  else next.delete(facet);
  return next;
}

/** The order the sort menu shows for a state: its own, else the API's default for it. */
export function shownSort(state) {
  return state.sort || (state.q.trim() ? 'relevance' : 'newest');
}
