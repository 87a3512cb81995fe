/*
 * The widget's "related pages" list: an element with data-sitesearch-related gets a list of links to the pages like
 * the one it names (GET /api/related). The value names the page: empty for the page showing it (its address), an
 * address ("/docs/intro/", as Hugo's .RelPermalink gives it, or an absolute URL), or else a page id. API text is
 * only ever set as text (dom.js), and only http(s) and relative URLs become links (safe-url.js).
 */
import { adoptStyles, h } from './dom.js';
import { safeHref } from './safe-url.js';
import { appendFilters } from './widget-scope.js';

export const DEFAULT_SIZE = 5;
export const MAX_SIZE = 20;

const CSS = [
  '.ssw-related-list{list-style:none;margin:0;padding:0}',
  '.ssw-related-list>li{margin:0 0 .6em}',
  '.ssw-related-title{font-weight:600}',
  '.ssw-related-description{display:block;font-size:.9em;opacity:.8}',
].join('');

/**
 * Which page a data-sitesearch-related value names: {url} for an address (empty: the page's own path), {id} for
 * anything else.
 */
export function pageKey(value, pathname) {
  const v = String(value == null ? '' : value).trim();
  if (!v) return { url: pathname || '/' };
  if (v.startsWith('/') || /^https?:\/\//i.test(v)) return { url: v };
  return { id: v };
}

/** The number of pages asked for: a whole number from 1 to MAX_SIZE, else the default. */
export function relatedSize(value) {
  const n = parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(MAX_SIZE, Math.max(1, n)) : DEFAULT_SIZE;
}

/** The API's URL for the pages related to key ({url} or {id}), size of them, within filters ({facet: [values]}). */
export function relatedUrl(endpoint, key, size, filters = {}) {
  const params = new URLSearchParams();
  if (key.url !== undefined) params.set('url', key.url);
  else params.set('id', key.id);
  params.set('size', String(size));
  appendFilters(params, filters);
  return endpoint + '/api/related?' + params;
}

/**
 * Fills el with the related pages: a list of links (title, and the description when there is one) after what el
 * already holds (a heading, say, which then names the list). Nothing to show, or an error: el is hidden, so a
 * heading is not left over an empty box. options: {endpoint, size, filters, label, nonce}. Resolves when done.
 */
export function showRelated(el, { endpoint, size = DEFAULT_SIZE, filters = {}, label = 'Related pages', nonce = '' }) {
  adoptStyles(CSS, nonce);
  const key = pageKey(el.getAttribute('data-sitesearch-related'), window.location.pathname);
  el.setAttribute('aria-busy', 'true');
  return fetch(relatedUrl(endpoint, key, relatedSize(size), filters), {
    mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' },
  }).then((response) => {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }).then((data) => {
    const hits = data && Array.isArray(data.hits) ? data.hits : [];
    const list = h('ul', { class: 'ssw-related-list' });
    for (const hit of hits) {
      const href = safeHref(hit && hit.url, document.baseURI);
      if (!href) continue;
      const title = typeof hit.title === 'string' && hit.title ? hit.title : href;
      const description = typeof hit.description === 'string' ? hit.description : '';
      list.append(h('li', null,
        h('a', { class: 'ssw-related-link', href }, h('span', { class: 'ssw-related-title' }, title)),
        description ? h('span', { class: 'ssw-related-description' }, description) : null));
    }
    const heading = el.querySelector('h1,h2,h3,h4,h5,h6');
    if (heading) {
      if (!heading.id) heading.id = 'ssw-related-' + Math.random().toString(36).slice(2, 10);
      list.setAttribute('aria-labelledby', heading.id);
    } else {
      list.setAttribute('aria-label', label);
    }
    const previous = el.querySelector(':scope > .ssw-related-list');
    if (previous) previous.remove();
    el.append(list);
    el.hidden = list.children.length === 0;
  }).catch((e) => {
    el.hidden = true;
    if (window.console) console.error('SiteSearchWidget: related pages could not be loaded', e);
  }).finally(() => {
    el.removeAttribute('aria-busy');
  });
}
