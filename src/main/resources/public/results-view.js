/*
 * The results column: status line, hits, the no-results and error messages, and the page links. Builds DOM only
 * through dom.js; what to say comes from results-model.js.
 */
import { ApiError } from './api.js';
import { h, marked } from './dom.js';
import { crumbTrail, displayUrl, pageCount, pageNumbers, plural, statusText } from './results-model.js';
import { safeHref } from './safe-url.js';
import { renderSections } from './sections-view.js';
import { withChanges } from './url-state.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

function formatDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFormat.format(d);
}

/** A real link (so it can be opened in a new tab) that navigates in place on a plain click. */
export function link(href, text, onClick, attrs) {
  const a = h('a', { href, ...attrs }, text);
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onClick();
  });
  return a;
}

export function renderStatus(status, state, data) {
  status.textContent = statusText(state, data);
}

/**
 * The hits. card names the facets a hit card shows (from the page's markup, not the script): {category} whose first
 * value goes beside the date, {topics} whose values are chips; labelOf names a facet.
 */
export function renderHits(list, data, card, labelOf) {
  list.replaceChildren(...data.hits.map((hit) => renderHit(hit, card, labelOf)));
}

function renderHit(hit, card, labelOf) {
  const fields = hit.fields || {};
  const href = safeHref(hit.url, document.baseURI);
  const highlighted = hit.highlights && hit.highlights.title;
  const titleContent = highlighted ? marked(highlighted) : (hit.title || hit.url || 'Untitled');
  const meta = [];
  if (hit.date) meta.push(h('time', { datetime: hit.date }, formatDate(hit.date)));
  const category = card.category ? (fields[card.category] || [])[0] : null;
  if (category) meta.push(h('span', { class: 'hit-category' }, category));
  const topics = card.topics ? fields[card.topics] || [] : [];
  const crumbs = crumbTrail(hit, safeHref, document.baseURI);
  return h('li', { class: 'hit' },
    crumbs.length ? h('p', { class: 'hit-crumbs', 'aria-label': 'Section' }, crumbs.flatMap((c, i) => [
      i ? h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, ' › ') : null,
      c.href ? h('a', { href: c.href }, c.title) : h('span', null, c.title)])) : null,
    h('h3', { class: 'hit-title' }, href ? h('a', { href }, titleContent) : h('span', null, titleContent)),
    meta.length ? h('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))) : null,
    hit.snippet ? h('p', { class: 'hit-snippet' }, marked(hit.snippet)) : null,
    renderSections(hit),
    topics.length ? h('ul', { class: 'chips hit-topics', 'aria-label': labelOf(card.topics) },
      topics.map((t) => h('li', { class: 'chip' }, t))) : null,
    href ? h('p', { class: 'hit-url' }, displayUrl(href, location.origin)) : null);
}

/**
 * What to say when there is nothing to list: no results (with the API's correction and a way to drop the filters),
 * or a page past the last one. nav: {urlOf(state), go(state), clearFilters()}.
 */
export function renderMessage(container, state, data, nav) {
  const parts = [];
  if (data.total === 0) {
    parts.push(h('h3', null, state.q ? 'No results for “' + state.q + '”' : 'No pages match these filters'));
    const dym = data.didYouMean;
    if (dym && typeof dym.query === 'string' && dym.query) {
      const target = withChanges(state, { q: dym.query });
      parts.push(h('p', { class: 'did-you-mean' }, 'Did you mean ',
        link(nav.urlOf(target), dym.query, () => nav.go(target), { class: 'dym-link' }),
        typeof dym.total === 'number' ? ' (' + plural(dym.total, 'result', 'results') + ')' : '', '?'));
    }
    if (state.filters.size) {
      const button = h('button', { type: 'button', class: 'link-button', id: 'remove-filters' }, 'remove all filters');
      button.addEventListener('click', nav.clearFilters);
      parts.push(h('p', null, 'Some filters are on: ', button, ' to search everything.'));
    }
    if (state.q) parts.push(h('p', { class: 'tip' }, 'Check the spelling, or try fewer or more general words.'));
  } else if (!data.hits.length) {
    const target = { ...state, page: pageCount(data.total, data.size, state) };
    parts.push(h('p', null, 'There is no page ' + state.page + '. ',
      link(nav.urlOf(target), 'Go to the last page', () => nav.go(target))));
  }
  container.replaceChildren(...parts);
}

/** The page links; goTo(n) shows page n. */
export function renderPagination(container, state, data, urlOf, goTo) {
  const pages = pageCount(data.total, data.size, state);
  if (pages <= 1 || !data.hits.length) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  const current = data.page;
  const pageLink = (n, text, attrs) => link(urlOf({ ...state, page: n }), text, () => goTo(n), attrs);
  const items = [];
  if (current > 1) items.push(h('li', null, pageLink(current - 1, 'Previous', { rel: 'prev', class: 'page-prev' })));
  for (const n of pageNumbers(current, pages)) {
    if (n === '…') items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    else if (n === current) {
      items.push(h('li', null, h('a', { 'aria-current': 'page', class: 'page-current', 'aria-label': 'Page ' + n + ', current page' }, String(n))));
    } else items.push(h('li', null, pageLink(n, String(n), { 'aria-label': 'Page ' + n, class: 'page-number' })));
  }
  if (current < pages) items.push(h('li', null, pageLink(current + 1, 'Next', { rel: 'next', class: 'page-next' })));
  container.replaceChildren(h('ul', null, items));
  container.hidden = false;
}

/** A failed search: the API's message when it has one, and a way to try again. */
export function renderError(els, error, retry) {
  const button = h('button', { type: 'button', class: 'link-button' }, 'Try again');
  button.addEventListener('click', retry);
  els.status.textContent = 'The search did not work';
  els.hits.replaceChildren();
  els.pagination.hidden = true;
  els.message.replaceChildren(h('div', { class: 'error', role: 'alert' },
    h('p', null, 'Sorry, something went wrong: ', error instanceof ApiError ? error.message
      : 'the page could not show the answer.'), button));
}
