/*
 * The page's client of the JSON API: the URLs it asks (built from the page state, relative to the page), the
 * facet list fetched once, and the message a visitor sees when a call fails.
 */
import { PAGE_SIZE, pageParams } from './url-state.js';

export const FACET_SIZE = 10; // values asked per facet
export const EXPANDED_FACET_SIZE = 100; // when a facet's "show more" is open
export const FACET_VALUES = 20; // values the value finder asks at a time ("show more" asks the next ones)
export const SUGGESTIONS = 8;
export const FACET_LIST_URL = 'api/facets';

/**
 * The API's parameters for a page state: the page's own, and the language of the page (pageLang, its <html lang>)
 * unless the state names one. The server searches that language of a multilingual site, and ignores it on a site
 * whose pages have no language.
 */
function apiParams(state, pageLang) {
  const params = pageParams(state);
  if (!params.has('lang') && pageLang) params.set('lang', pageLang);
  return params;
}

/**
 * GET api/search for the page state: its parameters, a page of PAGE_SIZE hits and facetSize values per facet, in
 * pageLang unless the state names a language.
 */
export function searchUrl(state, facetSize, pageLang = '') {
  const params = apiParams(state, pageLang);
  params.set('size', String(PAGE_SIZE));
  if (!params.has('page')) params.set('page', '1');
  params.set('facetSize', String(facetSize));
  return 'api/search?' + params;
}

/**
 * GET api/facets/{facet}: the facet's values matching the typed words (a typo allowed; closest first, then by count),
 * a page of FACET_VALUES from offset, counted as the search with the same parameters counts its sidebar (q, the
 * filters and the sort, which decides whether curation applies).
 */
export function facetValuesUrl(facet, state, text, pageLang = '', offset = 0) {
  const params = apiParams(state, pageLang);
  params.delete('page');
  params.set('search', text.trim());
  params.set('size', String(FACET_VALUES));
  if (offset > 0) params.set('offset', String(offset));
  return 'api/facets/' + encodeURIComponent(facet) + '?' + params;
}

/** GET api/suggest: completions of what was typed, from the pages in lang (the search's language; '' every one). */
export function suggestUrl(q, lang = '') {
  const params = new URLSearchParams({ q, size: String(SUGGESTIONS) });
  if (lang) params.set('lang', lang);
  return 'api/suggest?' + params;
}

/** The language a page state searches: the one its URL names (possibly '', every one), else the page's own. */
export function searchedLang(state, pageLang = '') {
  return state.lang !== null && state.lang !== undefined ? state.lang : pageLang;
}

/** A failed call, with a message for the visitor. */
export class ApiError extends Error {}

/** The visitor's message for an answer that is not a success: the problem's detail as a sentence, else the status. */
export function errorMessage(status, body) {
  const detail = body && typeof body.detail === 'string' ? body.detail : '';
  if (detail) return detail.charAt(0).toUpperCase() + detail.slice(1) + (/[.!?]$/.test(detail) ? '' : '.');
  return 'The search service answered with an error (' + status + '). Please try again in a moment.';
}

/** GET url as JSON; fails with an ApiError (or the AbortError of signal). Uses the global fetch as it is then. */
export async function getJson(url, signal, fetchJson = globalThis.fetch) {
  let response;
  try {
    response = await fetchJson(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('The search service could not be reached. Check your connection and try again.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
  }
  if (!response.ok || body === null) throw new ApiError(errorMessage(response.status, body));
  return body;
}

/** The facets of a GET api/facets answer, in its order: [{name, label}] (entries without a name are skipped). */
export function facetList(body) {
  const facets = body && Array.isArray(body.facets) ? body.facets : [];
  return facets.filter((f) => f && typeof f.name === 'string' && f.name)
    .map((f) => ({ name: f.name, label: typeof f.label === 'string' && f.label ? f.label : null }));
}

/** load() run once and its promise kept; a failure is not kept, so the next call tries again. */
export function once(load) {
  let pending = null;
  return () => {
    if (!pending) {
      pending = load().catch((e) => {
        pending = null;
        throw e;
      });
    }
    return pending;
  };
}
