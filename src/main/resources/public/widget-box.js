/*
 * The drop-in box's behaviour, loaded by widget.js (which reads the script tag's settings and owns the global
 * SiteSearchWidget). attach() turns an <input> into a search-as-you-type box with a dropdown of results (title,
 * snippet) linking to the pages. Its elements, ids and CSS classes all start with "ssw-". API text goes through
 * dom.js (text nodes, and <mark> from highlight.js's segments) and links through safe-url.js, as on the search page.
 */
import { clickBody, sendClick } from './click-beacon.js';
import { adoptStyles, h, marked } from './dom.js';
import { safeHref } from './safe-url.js';
import { showRelated } from './related-list.js';
import { appendFilters, resolveFilters } from './widget-scope.js';
import { sectionEntries } from './sections-model.js';

const DELAY_MS = 150;
const SECTIONS_PER_HIT = 2;
const CSS = [
  '.ssw-panel{position:absolute;z-index:2147483000;box-sizing:border-box;margin:0;padding:4px 0;',
  'background:#fff;color:#1f2933;border:1px solid #cfd6de;border-radius:8px;',
  'box-shadow:0 10px 30px rgba(15,23,42,.18);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;',
  'text-align:left;max-height:70vh;overflow-y:auto}',
  '.ssw-panel[hidden],.ssw-panel [hidden]{display:none!important}',
  '.ssw-panel *{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;text-align:inherit;',
  'letter-spacing:normal;text-transform:none;float:none;border:0;background:none}',
  '.ssw-list{list-style:none}',
  '.ssw-list>li{display:block;list-style:none}',
  '.ssw-list>li::before,.ssw-list>li::after{content:none}',
  '.ssw-link{display:block;padding:8px 12px;text-decoration:none;cursor:pointer}',
  '.ssw-option[aria-selected="true"] .ssw-link,.ssw-link:hover{background:#e8efff}',
  '.ssw-option[aria-selected="true"] .ssw-link{box-shadow:inset 3px 0 0 #1d4ed8}',
  '.ssw-title{display:block;font-weight:600;color:#1d4ed8}',
  '.ssw-crumbs{display:block;color:#5b6875;font-size:12px}',
  '.ssw-snippet{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;',
  'margin-top:2px;color:#4b5663;font-size:13px;overflow-wrap:anywhere}',
  '.ssw-panel mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}',
  '.ssw-section .ssw-link{padding:4px 12px 4px 28px}',
  '.ssw-section .ssw-title{font-weight:500}',
  '.ssw-section .ssw-snippet{-webkit-line-clamp:1}',
  '.ssw-all .ssw-link{font-weight:600;color:#1d4ed8;border-top:1px solid #e3e7ec}',
  '.ssw-note{display:block;padding:8px 12px;color:#5b6875}',
  '.ssw-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
].join('');

let instances = 0;

/** A hit's sections as one line of text ("Docs › Concepts"), '' when it has none; the whole option is the link. */
export function crumbs(hit) {
  const list = Array.isArray(hit && hit.breadcrumbs) ? hit.breadcrumbs : [];
  return list.map((c) => (c && typeof c.title === 'string' ? c.title : '')).filter(Boolean).join(' › ');
}

/**
 * The search URL of the API for a query (size results; one tiny facet, since the box shows none), in lang (the
 * host page's language) when there is one, within the box's fixed filters ({facet: [values]}).
 */
export function searchUrl(endpoint, q, size, lang = '', filters = {}, prev = '') {
  const params = new URLSearchParams({ q, size: String(size), facets: 'year', facetSize: '1' });
  if (lang) params.set('lang', lang);
  if (prev) params.set('prev', prev); // the search this one replaces as the visitor types (analytics counts one)
  return endpoint + '/api/search?' + appendFilters(params, filters);
}

/** The search page with every result of q, in the box's language and within its fixed filters. */
export function allResultsUrl(endpoint, q, lang = '', filters = {}) {
  const params = new URLSearchParams({ q });
  if (lang) params.set('lang', lang);
  return endpoint + '/?' + appendFilters(params, filters);
}

/**
 * Fills el (an element with data-sitesearch-related) with the related pages; options: {endpoint, size, filters
 * (raw: {facet: "a,b"}), label, nonce}. Resolves when done.
 */
export function related(el, { endpoint, size, filters = {}, label, nonce = '' }) {
  return resolveFilters(endpoint, filters).then((fixed) =>
    showRelated(el, { endpoint, size, filters: fixed, label, nonce }));
}

/**
 * Turns one input into a search-as-you-type box. options: {endpoint (no trailing slash), size (1-10), nonce (for a
 * fallback <style>), lang (the language searched, '' for all), filters (fixed filters, raw: {facet: "a,b"})},
 * already checked by widget.js. Returns {destroy()}.
 */
export function attach(input, { endpoint, size, nonce, lang = '', filters = {} }) {
  const id = 'ssw-' + (++instances);
  adoptStyles(CSS, nonce);
  const scope = resolveFilters(endpoint, filters); // the box's fixed filters, as the server names the facets
  let fixed = {};

  const list = h('ul', { class: 'ssw-list', id: id + '-list', role: 'listbox', 'aria-label': 'Search results' });
  const note = h('p', { class: 'ssw-note', hidden: true });
  const panel = h('div', { class: 'ssw-panel', id: id + '-panel', hidden: true }, list, note);
  const live = h('div', { class: 'ssw-live', role: 'status' });
  document.body.append(panel, live);

  input.setAttribute('data-ssw', id);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');
  if (!input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby') && !(input.labels && input.labels.length)) {
    input.setAttribute('aria-label', 'Search this site');
  }

  let items = []; // [{li, href, hit}]: hit is the index in the answer's hits, -1 for "see all"
  let answer = null; // the answer shown, whose searchId a followed result names
  let typedAfter = null; // the searchId the next search replaces while the box keeps its focus
  let active = -1;
  let timer = 0;
  let controller = null;
  let lastQuery = null;

  function place() {
    const r = input.getBoundingClientRect();
    const width = Math.max(r.width, Math.min(360, document.documentElement.clientWidth - 16));
    const left = Math.min(r.left, document.documentElement.clientWidth - width - 8);
    panel.style.top = (r.bottom + window.scrollY + 4) + 'px';
    panel.style.left = (Math.max(8, left) + window.scrollX) + 'px';
    panel.style.width = width + 'px';
  }

  function open() {
    place();
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    setActive(-1);
  }

  function setActive(index) {
    active = index;
    items.forEach((item, i) => item.li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', items[index].li.id);
      if (items[index].li.scrollIntoView) items[index].li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function followed(item) {
    if (item.hit >= 0) sendClick(endpoint + '/api/analytics/click', clickBody(answer, item.hit));
  }

  function addOption(className, href, hit, ...content) {
    const a = h('a', { class: 'ssw-link', href, tabindex: '-1' }, ...content);
    a.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
    const li = h('li', { class: 'ssw-option ' + className, id: id + '-option-' + items.length, role: 'option',
      'aria-selected': 'false' }, a);
    const item = { li, href, hit };
    a.addEventListener('click', () => followed(item));
    a.addEventListener('auxclick', (e) => {
      if (e.button === 1) followed(item);
    });
    list.append(li);
    items.push(item);
  }

  function show(q, data) {
    list.replaceChildren();
    items = [];
    active = -1;
    answer = data;
    typedAfter = typeof data.searchId === 'string' ? data.searchId : null;
    const hits = Array.isArray(data.hits) ? data.hits : [];
    for (const [index, hit] of hits.entries()) {
      const href = safeHref(hit && hit.url, document.baseURI);
      if (!href) continue;
      const highlighted = hit.highlights && hit.highlights.title;
      addOption('ssw-hit', href, index,
        crumbs(hit) ? h('span', { class: 'ssw-crumbs' }, crumbs(hit)) : null,
        h('span', { class: 'ssw-title' }, highlighted ? marked(highlighted) : (hit.title || href)),
        hit.snippet ? h('span', { class: 'ssw-snippet' }, marked(hit.snippet)) : null);
      // Its best sections as options of their own, linked to their place on the page (DocSearch-style).
      for (const s of sectionEntries(hit, SECTIONS_PER_HIT)) {
        const sectionHref = s.heading && safeHref(s.link, document.baseURI);
        if (!sectionHref) continue;
        addOption('ssw-section', sectionHref, index, // a section is its hit's result, for the click count
          h('span', { class: 'ssw-title' }, '# ', marked(s.heading)),
          s.snippet ? h('span', { class: 'ssw-snippet' }, marked(s.snippet)) : null);
      }
    }
    const total = typeof data.total === 'number' ? data.total : hits.length;
    const page = safeHref(allResultsUrl(endpoint, q, lang, fixed), document.baseURI);
    if (total > items.length && page) addOption('ssw-all', page, -1, 'See all ' + total.toLocaleString() + ' results');
    note.hidden = total > 0;
    note.textContent = total > 0 ? '' : 'No results for “' + q + '”';
    live.textContent = total === 1 ? '1 result' : (total > 0 ? total.toLocaleString() + ' results' : 'No results');
    if (document.activeElement === input) open();
  }

  function showError() {
    list.replaceChildren();
    items = [];
    note.hidden = false;
    note.textContent = 'Search is not available right now.';
    live.textContent = note.textContent;
    if (document.activeElement === input) open();
  }

  function run() {
    const q = input.value.trim();
    if (q === lastQuery && !panel.hidden) return;
    lastQuery = q;
    if (controller) controller.abort();
    if (!q) {
      close();
      return;
    }
    const mine = (controller = new AbortController());
    scope.then((resolved) => {
      fixed = resolved;
      return fetch(searchUrl(endpoint, q, size, lang, fixed, typedAfter || ''), {
        mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' }, signal: mine.signal,
      });
    }).then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }).then((data) => {
      if (mine === controller && input.value.trim() === q) show(q, data || {});
    }).catch((e) => {
      if (e && e.name === 'AbortError') return;
      if (mine === controller) showError();
    });
  }

  function onInput() {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  }

  function onKeydown(e) {
    if (e.isComposing) return;
    const isOpen = !panel.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!isOpen) {
        if (items.length && input.value.trim() === lastQuery) open();
        else {
          clearTimeout(timer);
          lastQuery = null;
          run();
        }
        return;
      }
      if (items.length) setActive(active + 1 >= items.length ? 0 : active + 1);
    } else if (e.key === 'ArrowUp') {
      if (!isOpen) return;
      e.preventDefault();
      if (items.length) setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (isOpen && active >= 0) {
        e.preventDefault();
        followed(items[active]);
        window.location.assign(items[active].href);
      }
    } else if (e.key === 'Escape') {
      if (isOpen) {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  }

  function onFocus() {
    if ((items.length || !note.hidden) && input.value.trim() === lastQuery && lastQuery) open();
  }

  function onBlur() {
    setTimeout(() => {
      if (document.activeElement !== input) {
        close();
        typedAfter = null; // a later search is a new one
      }
    }, 0);
  }

  function onReflow() {
    if (!panel.hidden) place();
  }

  // One list for adding and removing, so destroy() takes away exactly what was added.
  const listeners = [
    [input, 'input', onInput],
    [input, 'keydown', onKeydown],
    [input, 'focus', onFocus],
    [input, 'blur', onBlur],
    [window, 'resize', onReflow],
    [window, 'scroll', onReflow, true],
  ];
  for (const [target, type, listener, capture] of listeners) target.addEventListener(type, listener, capture);

  return {
    destroy() {
      clearTimeout(timer);
      if (controller) controller.abort();
      for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener, capture);
      for (const name of ['data-ssw', 'role', 'aria-autocomplete', 'aria-expanded', 'aria-controls', 'aria-activedescendant']) {
        input.removeAttribute(name);
      }
      panel.remove();
      live.remove();
    },
  };
}
