/*
 * The words and numbers around the hits: the status line, the page numbers to offer, and how a hit's address reads.
 */
import { MAX_PAGE, maxPage } from './url-state.js';

export function plural(n, one, many) {
  return n.toLocaleString() + ' ' + (n === 1 ? one : many);
}

/** The status line for a search answer: how many, which of them, for what, and how long it took. */
export function statusText(state, data) {
  const total = data.total;
  // A partial answer ran out of search time: its total is a lower bound.
  const atLeast = data.partial ? 'at least ' : '';
  let text;
  if (total === 0) {
    text = data.partial ? 'No results found in time' : 'No results';
  } else if (total <= data.size || !data.hits.length) {
    text = (data.partial ? 'At least ' : '') + plural(total, 'result', 'results');
  } else {
    const first = (data.page - 1) * data.size + 1;
    text = 'Results ' + first.toLocaleString() + '–' + (first + data.hits.length - 1).toLocaleString() + ' of '
      + atLeast + total.toLocaleString();
  }
  if (state.q) text += ' for “' + state.q + '”';
  else if (total > 0 && !state.sort) text += ', newest first';
  if (data.partial) text += ' (search stopped early)';
  return text + ' · ' + data.tookMs + ' ms';
}

/** How many pages the page can link to for total hits (the API goes no deeper than maxPage of the state). */
export function pageCount(total, size, state) {
  return Math.min(state ? maxPage(state) : MAX_PAGE, Math.ceil(total / size));
}

/** The page links to offer: the first, the last and two either side of the current one, with '…' for the gaps. */
export function pageNumbers(current, pages) {
  const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - numbers[i - 1] > 1 ? ['…', n] : [n]));
}

/** A hit's address as a visitor reads it: the path on this site, else host and path; percent-escapes decoded. */
export function displayUrl(href, origin) {
  const url = new URL(href);
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch (e) {
    // keep it encoded
  }
  return url.origin === origin ? path : url.host + path;
}

/**
 * A hit's breadcrumbs as a visitor reads them: [{title, href}] top first, href null when the section has no page (or
 * its URL is not one to link to). safeHref is passed in so this stays a pure function.
 */
export function crumbTrail(hit, safeHref, base) {
  const crumbs = Array.isArray(hit && hit.breadcrumbs) ? hit.breadcrumbs : [];
  return crumbs.filter((c) => c && typeof c.title === 'string' && c.title)
    .map((c) => ({ title: c.title, href: typeof c.url === 'string' && c.url ? safeHref(c.url, base) : null }));
}
