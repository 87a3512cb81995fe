/*
 * The search page: search box with suggestions, results as you type, facet sidebar, sort and pages, all of it kept
 * in the URL. No framework, no build step.
 *
 * Safety rule: text from the API is only ever set with textContent / setAttribute. The few API strings that carry
 * <mark> highlights (snippet, highlights.title, suggestion text) are parsed in an inert document and rebuilt from
 * their text and <mark> elements only, so even a broken API answer cannot inject markup. Only http(s) and
 * relative URLs become links.
 */
(() => {
  'use strict';

  const PAGE_SIZE = 10;
  const MAX_PAGE = Math.floor(10000 / PAGE_SIZE); // the API allows page × size ≤ 10,000
  const FACET_SIZE = 10; // values asked per facet
  const EXPANDED_FACET_SIZE = 100; // when a facet's "show more" is open
  const VISIBLE_VALUES = 5; // values shown before "show more"…
  const COLLAPSE_OVER = 7; // …when a facet has more than this many
  const FILTER_BOX_OVER = 8; // a facet with more values than this gets a box to find its values
  const SUGGEST_DELAY_MS = 90;
  const SEARCH_DELAY_MS = 180;
  const FACET_FILTER_DELAY_MS = 150;
  const SORTS = ['relevance', 'newest', 'oldest', 'title'];
  const LABELS = {
    communityTopics: 'Topics', searchCategory: 'Category', tags: 'Tags', categories: 'Categories', type: 'Type',
    source: 'Source', author: 'Author', 'link.brand': 'Site', year: 'Year',
  };

  const els = {};
  for (const id of ['search-form', 'q', 'suggestions', 'filters-toggle', 'filters', 'facets', 'results',
    'results-heading', 'status', 'sort', 'active-filters', 'chips', 'clear-all', 'message', 'hits', 'pagination']) {
    els[id] = document.getElementById(id);
  }

  /** What the page shows; the URL holds all of it. */
  let state = readState(location.search);
  let lastResponse = null;
  const expanded = new Set(); // facets whose "show more" is open (not worth a URL parameter)
  const facetFilters = new Map(); // facet -> {text, values|null} for the per-facet value filter boxes
  let typingEntryPushed = false; // typing adds one history entry, then replaces it
  let searchController = null;
  let suggestController = null;
  let suggestions = [];
  let activeSuggestion = -1;
  const timers = {};

  // ---- URL state ----------------------------------------------------------------------------------------------

  function readState(search) {
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
    const page = Math.min(MAX_PAGE, Math.max(1, parseInt(params.get('page'), 10) || 1));
    return { q: (params.get('q') || '').slice(0, 1000), filters, sort, page };
  }

  function withState(changes) {
    return { ...state, page: 1, ...changes };
  }

  /** The page's own parameters: q, f.*, sort, page (defaults left out, so links stay short). */
  function pageParams(s) {
    const params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    for (const [facet, values] of s.filters) values.forEach((v) => params.append('f.' + facet, v));
    if (s.sort) params.set('sort', s.sort);
    if (s.page > 1) params.set('page', String(s.page));
    return params;
  }

  function pageUrl(s) {
    const query = pageParams(s).toString();
    return query ? '?' + query : location.pathname;
  }

  function apiSearchUrl(s, extra) {
    const params = pageParams(s);
    params.set('size', String(PAGE_SIZE));
    if (!params.has('page')) params.set('page', '1');
    params.set('facetSize', String(expanded.size ? EXPANDED_FACET_SIZE : FACET_SIZE));
    for (const [k, v] of Object.entries(extra || {})) params.set(k, String(v));
    return 'api/search?' + params;
  }

  /** Shows a new state: a new history entry (push), or the current one rewritten (replace). */
  function navigate(next, mode) {
    state = next;
    const url = pageUrl(state);
    if (url !== location.pathname + location.search) {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    search();
  }

  function commit(next) {
    typingEntryPushed = false;
    navigate(next, 'push');
  }

  window.addEventListener('popstate', () => {
    clearTimeout(timers.search);
    state = readState(location.search);
    typingEntryPushed = false;
    els.q.value = state.q;
    closeSuggestions();
    search();
  });

  // ---- API ----------------------------------------------------------------------------------------------------

  class ApiError extends Error {}

  async function getJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
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
    if (!response.ok || body === null) {
      const detail = body && typeof body.detail === 'string' ? body.detail : '';
      throw new ApiError(detail ? detail.charAt(0).toUpperCase() + detail.slice(1) + (/[.!?]$/.test(detail) ? '' : '.')
        : 'The search service answered with an error (' + response.status + '). Please try again in a moment.');
    }
    return body;
  }

  async function search() {
    if (searchController) searchController.abort();
    const controller = (searchController = new AbortController());
    const shown = state;
    renderControls(shown);
    els.results.setAttribute('aria-busy', 'true');
    try {
      const data = await getJson(apiSearchUrl(shown), controller.signal);
      if (controller !== searchController) return;
      lastResponse = data;
      render(shown, data);
      refreshFacetFilters();
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (controller === searchController) renderError(e);
    } finally {
      if (controller === searchController) els.results.removeAttribute('aria-busy');
    }
  }

  // ---- DOM helpers --------------------------------------------------------------------------------------------

  /** An element with attributes (always via setAttribute) and children (strings become text nodes). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  const inert = new DOMParser();

  /** Highlighted API text as DOM: its text and <mark> elements, nothing else survives. */
  function marked(html) {
    const fragment = document.createDocumentFragment();
    const body = inert.parseFromString(String(html ?? ''), 'text/html').body;
    for (const node of body.childNodes) {
      fragment.append(node.nodeName === 'MARK' ? h('mark', null, node.textContent) : node.textContent);
    }
    return fragment;
  }

  function plainText(html) {
    return inert.parseFromString(String(html ?? ''), 'text/html').body.textContent;
  }

  /** The URL when it is http(s) or relative (resolved against this page), else null. */
  function safeHref(url) {
    if (typeof url !== 'string' || url.trim() === '') return null;
    try {
      const resolved = new URL(url, document.baseURI);
      return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
    } catch (e) {
      return null;
    }
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

  function formatDate(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : dateFormat.format(d);
  }

  function label(facet) {
    if (LABELS[facet]) return LABELS[facet];
    const words = facet.replace(/[._-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function plural(n, one, many) {
    return n.toLocaleString() + ' ' + (n === 1 ? one : many);
  }

  /** Rebuilds part of the page, keeping keyboard focus (and the caret) on the same control. */
  function keepingFocus(container, build) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.dataset.key : null;
    const caret = key && active.tagName === 'INPUT' && active.type !== 'checkbox'
      ? [active.selectionStart, active.selectionEnd] : null;
    build();
    if (!key) return;
    const again = [...container.querySelectorAll('[data-key]')].find((el) => el.dataset.key === key);
    if (again) {
      again.focus({ preventScroll: true });
      if (caret) again.setSelectionRange(caret[0], caret[1]);
    }
  }

  // ---- rendering ----------------------------------------------------------------------------------------------

  function renderControls(s) {
    if (document.activeElement !== els.q && els.q.value !== s.q) els.q.value = s.q;
    els.sort.value = s.sort || (s.q.trim() ? 'relevance' : 'newest');
    document.title = s.q ? s.q + ' – Search' : 'Search';
    renderChips(s);
  }

  function render(s, data) {
    renderStatus(s, data);
    renderHits(data);
    renderMessage(s, data);
    renderPagination(s, data);
    renderFacets(s, data);
  }

  function renderStatus(s, data) {
    const total = data.total;
    let text;
    if (total === 0) {
      text = 'No results';
    } else if (total <= data.size || !data.hits.length) {
      text = plural(total, 'result', 'results');
    } else {
      const first = (data.page - 1) * data.size + 1;
      text = 'Results ' + first.toLocaleString() + '–' + (first + data.hits.length - 1).toLocaleString() + ' of '
        + total.toLocaleString();
    }
    if (s.q) text += ' for “' + s.q + '”';
    else if (total > 0 && !s.sort) text += ', newest first';
    text += ' · ' + data.tookMs + ' ms';
    els.status.textContent = text;
  }

  function renderHits(data) {
    els.hits.replaceChildren(...data.hits.map(renderHit));
  }

  function renderHit(hit) {
    const fields = hit.fields || {};
    const href = safeHref(hit.url);
    const highlighted = hit.highlights && hit.highlights.title;
    const titleContent = highlighted ? marked(highlighted) : (hit.title || hit.url || 'Untitled');
    const meta = [];
    if (hit.date) meta.push(h('time', { datetime: hit.date }, formatDate(hit.date)));
    const category = (fields.searchCategory || [])[0];
    if (category) meta.push(h('span', { class: 'hit-category' }, category));
    const topics = fields.communityTopics || [];
    return h('li', { class: 'hit' },
      h('h3', { class: 'hit-title' }, href ? h('a', { href }, titleContent) : h('span', null, titleContent)),
      meta.length ? h('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))) : null,
      hit.snippet ? h('p', { class: 'hit-snippet' }, marked(hit.snippet)) : null,
      topics.length ? h('ul', { class: 'chips hit-topics', 'aria-label': 'Topics' },
        topics.map((t) => h('li', { class: 'chip' }, t))) : null,
      href ? h('p', { class: 'hit-url' }, displayUrl(href)) : null);
  }

  function displayUrl(href) {
    const url = new URL(href);
    let path = url.pathname;
    try {
      path = decodeURI(path);
    } catch (e) {
      // keep it encoded
    }
    return url.origin === location.origin ? path : url.host + path;
  }

  function renderMessage(s, data) {
    const parts = [];
    if (data.total === 0) {
      parts.push(h('h3', null, s.q ? 'No results for “' + s.q + '”' : 'No pages match these filters'));
      const dym = data.didYouMean;
      if (dym && typeof dym.query === 'string' && dym.query) {
        const target = withState({ q: dym.query });
        parts.push(h('p', { class: 'did-you-mean' }, 'Did you mean ',
          link(pageUrl(target), dym.query, () => commit(target), { class: 'dym-link' }),
          typeof dym.total === 'number' ? ' (' + plural(dym.total, 'result', 'results') + ')' : '', '?'));
      }
      if (s.filters.size) {
        const button = h('button', { type: 'button', class: 'link-button', id: 'remove-filters' }, 'remove all filters');
        button.addEventListener('click', () => {
          commit(withState({ filters: new Map() }));
          els['results-heading'].focus();
        });
        parts.push(h('p', null, 'Some filters are on: ', button, ' to search everything.'));
      }
      if (s.q) parts.push(h('p', { class: 'tip' }, 'Check the spelling, or try fewer or more general words.'));
    } else if (!data.hits.length) {
      const last = Math.min(MAX_PAGE, Math.ceil(data.total / data.size));
      const target = { ...s, page: last };
      parts.push(h('p', null, 'There is no page ' + s.page + '. ',
        link(pageUrl(target), 'Go to the last page', () => commit(target))));
    }
    els.message.replaceChildren(...parts);
  }

  /** A real link (so it can be opened in a new tab) that navigates in place on a plain click. */
  function link(href, text, onClick, attrs) {
    const a = h('a', { href, ...attrs }, text);
    a.addEventListener('click', (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      onClick();
    });
    return a;
  }

  function renderError(error) {
    const retry = h('button', { type: 'button', class: 'link-button' }, 'Try again');
    retry.addEventListener('click', search);
    els.status.textContent = 'The search did not work';
    els.hits.replaceChildren();
    els.pagination.hidden = true;
    els.message.replaceChildren(h('div', { class: 'error', role: 'alert' },
      h('p', null, 'Sorry, something went wrong: ', error instanceof ApiError ? error.message
        : 'the page could not show the answer.'), retry));
  }

  function renderPagination(s, data) {
    const pages = Math.min(MAX_PAGE, Math.ceil(data.total / data.size));
    if (pages <= 1 || !data.hits.length) {
      els.pagination.hidden = true;
      els.pagination.replaceChildren();
      return;
    }
    const current = data.page;
    const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
    const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    const items = [];
    const go = (n) => () => {
      commit({ ...s, page: n });
      els['results-heading'].focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    };
    if (current > 1) {
      items.push(h('li', null, link(pageUrl({ ...s, page: current - 1 }), 'Previous', go(current - 1), { rel: 'prev', class: 'page-prev' })));
    }
    numbers.forEach((n, i) => {
      if (i > 0 && n - numbers[i - 1] > 1) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
      items.push(h('li', null, n === current
        ? h('a', { 'aria-current': 'page', class: 'page-current', 'aria-label': 'Page ' + n + ', current page' }, String(n))
        : link(pageUrl({ ...s, page: n }), String(n), go(n), { 'aria-label': 'Page ' + n, class: 'page-number' })));
    });
    if (current < pages) {
      items.push(h('li', null, link(pageUrl({ ...s, page: current + 1 }), 'Next', go(current + 1), { rel: 'next', class: 'page-next' })));
    }
    els.pagination.replaceChildren(h('ul', null, items));
    els.pagination.hidden = false;
  }

  function renderChips(s) {
    const chips = [];
    for (const [facet, values] of s.filters) {
      for (const value of values) {
        const button = h('button', { type: 'button', class: 'chip chip-remove', 'data-facet': facet, 'data-value': value,
          'aria-label': 'Remove filter ' + label(facet) + ': ' + value },
        h('span', { class: 'chip-facet' }, label(facet) + ':'), ' ', value, h('span', { 'aria-hidden': 'true', class: 'chip-x' }, '×'));
        button.addEventListener('click', () => removeFilter(facet, value, button));
        chips.push(h('li', null, button));
      }
    }
    els.chips.replaceChildren(...chips);
    els['active-filters'].hidden = chips.length === 0;
    const count = chips.length;
    els['filters-toggle'].textContent = count ? 'Filters (' + count + ' on)' : 'Filters';
  }

  function removeFilter(facet, value, button) {
    const all = [...els.chips.querySelectorAll('button')];
    const next = all[all.indexOf(button) + 1] || all[all.indexOf(button) - 1];
    const nextKey = next ? [next.dataset.facet, next.dataset.value] : null;
    commit(withState({ filters: toggled(state.filters, facet, value, false) }));
    const again = nextKey && [...els.chips.querySelectorAll('button')]
      .find((b) => b.dataset.facet === nextKey[0] && b.dataset.value === nextKey[1]);
    (again || els['results-heading']).focus({ preventScroll: true });
  }

  function toggled(filters, facet, value, on) {
    const next = new Map([...filters].map(([k, v]) => [k, [...v]]));
    const values = next.get(facet) || [];
    const rest = values.filter((v) => v !== value);
    if (on) rest.push(value);
    if (rest.length) next.set(facet, rest);
    else next.delete(facet);
    return next;
  }

  // ---- facet sidebar ------------------------------------------------------------------------------------------

  function renderFacets(s, data) {
    keepingFocus(els.facets, () => {
      const groups = [];
      let index = 0;
      const asked = expanded.size ? EXPANDED_FACET_SIZE : FACET_SIZE;
      for (const [facet, apiValues] of Object.entries(data.facets || {})) {
        const group = renderFacet(s, facet, apiValues || [], asked, index++);
        if (group) groups.push(group);
      }
      if (!groups.length) groups.push(h('p', { class: 'muted' }, 'No filters for these results.'));
      els.facets.replaceChildren(...groups);
    });
  }

  function renderFacet(s, facet, apiValues, asked, index) {
    const selected = s.filters.get(facet) || [];
    let values = apiValues.map((v) => ({ value: String(v.value), count: v.count }));
    for (const v of selected) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
    if (facet === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
    if (!values.length) return null;

    const id = 'facet-' + index;
    const open = expanded.has(facet);
    const maybeMore = apiValues.length >= asked; // the API may hold more values than it sent
    const filter = facetFilters.get(facet);
    const fieldset = h('fieldset', { class: 'facet', 'data-facet': facet },
      h('legend', { class: 'facet-name' }, label(facet)));

    if (values.length > FILTER_BOX_OVER || maybeMore || filter) {
      const input = h('input', { type: 'search', class: 'facet-filter', id: id + '-filter', 'data-key': 'filter:' + facet,
        placeholder: 'Find ' + label(facet).toLowerCase() + '…', 'aria-label': 'Find a value in ' + label(facet),
        'aria-controls': id + '-values', autocomplete: 'off', maxlength: '200' });
      input.value = filter ? filter.text : '';
      input.addEventListener('input', () => scheduleFacetFilter(facet, input.value));
      fieldset.append(input);
    }

    let shown;
    let moreButton = null;
    if (filter && filter.values) {
      shown = filter.values;
      if (!shown.length) fieldset.append(h('p', { class: 'muted' }, 'No ' + label(facet).toLowerCase() + ' match “' + filter.text + '”.'));
    } else if (filter) {
      shown = [];
      fieldset.append(h('p', { class: 'muted' }, 'Searching…'));
    } else {
      const collapse = values.length > COLLAPSE_OVER || maybeMore;
      const few = values.filter((v, i) => i < VISIBLE_VALUES || selected.includes(v.value));
      shown = open || !collapse ? values : few;
      if (collapse) {
        const more = maybeMore ? '' : ' (' + (values.length - few.length) + ')';
        moreButton = h('button', { type: 'button', class: 'link-button facet-more', 'data-key': 'more:' + facet,
          'aria-expanded': String(open), 'aria-controls': id + '-values' },
        open ? 'Show fewer' : 'Show more' + more);
        moreButton.addEventListener('click', () => toggleExpanded(facet, maybeMore));
      }
    }
    fieldset.append(h('ul', { class: 'facet-values', id: id + '-values' },
      shown.map((v, i) => renderValue(facet, v, selected.includes(v.value), id + '-' + i))));
    if (moreButton) fieldset.append(moreButton);
    return fieldset;
  }

  function renderValue(facet, v, checked, id) {
    const box = h('input', { type: 'checkbox', id, checked, 'data-facet': facet, 'data-value': v.value,
      'data-key': JSON.stringify([facet, v.value]) });
    box.addEventListener('change', () => {
      commit(withState({ filters: toggled(state.filters, facet, v.value, box.checked) }));
    });
    return h('li', { class: 'facet-value' }, box,
      h('label', { for: id }, h('span', { class: 'value-name' }, v.value),
        v.count === null || v.count === undefined ? null
          : h('span', { class: 'count', 'aria-label': plural(v.count, 'result', 'results') }, v.count.toLocaleString())));
  }

  function toggleExpanded(facet, maybeMore) {
    const wasAsked = expanded.size ? EXPANDED_FACET_SIZE : FACET_SIZE;
    if (expanded.has(facet)) expanded.delete(facet);
    else expanded.add(facet);
    const nowAsked = expanded.size ? EXPANDED_FACET_SIZE : FACET_SIZE;
    if (maybeMore && nowAsked > wasAsked) search(); // fetch the longer lists
    else if (lastResponse) renderFacets(state, lastResponse);
  }

  function scheduleFacetFilter(facet, text) {
    clearTimeout(timers['facet:' + facet]);
    if (!text.trim()) {
      facetFilters.delete(facet);
      if (lastResponse) renderFacets(state, lastResponse);
      return;
    }
    timers['facet:' + facet] = setTimeout(() => {
      facetFilters.set(facet, { text, values: (facetFilters.get(facet) || {}).values || null });
      loadFacetFilter(facet, text);
    }, FACET_FILTER_DELAY_MS);
  }

  function refreshFacetFilters() {
    for (const [facet, filter] of facetFilters) loadFacetFilter(facet, filter.text);
  }

  /**
   * Values of one facet whose words start with the typed text (GET /api/facets/{facet}), counted like the sidebar:
   * within the query and the other facets' filters, not this facet's own.
   */
  async function loadFacetFilter(facet, text) {
    const s = state;
    const params = pageParams(s);
    params.delete('sort');
    params.delete('page');
    params.set('prefix', text.trim());
    params.set('size', '100');
    try {
      const names = await getJson('api/facets/' + encodeURIComponent(facet) + '?' + params);
      const values = (names.values || []).map((v) => ({ value: String(v.value), count: v.count }));
      const current = facetFilters.get(facet);
      if (!current || current.text !== text || state !== s) return; // typed on, or the view changed
      facetFilters.set(facet, { text, values });
    } catch (e) {
      const current = facetFilters.get(facet);
      if (!current || current.text !== text) return;
      facetFilters.set(facet, { text, values: [] });
    }
    if (lastResponse) renderFacets(state, lastResponse);
  }

  // ---- search box and suggestions -----------------------------------------------------------------------------

  els.q.addEventListener('input', () => {
    scheduleSuggest();
    clearTimeout(timers.search);
    timers.search = setTimeout(() => {
      const q = els.q.value;
      if (q === state.q) return;
      const mode = typingEntryPushed ? 'replace' : 'push';
      typingEntryPushed = true;
      navigate(withState({ q }), mode);
    }, SEARCH_DELAY_MS);
  });

  els.q.addEventListener('keydown', (e) => {
    if (e.isComposing) return; // an input method is still composing a character
    const open = !els.suggestions.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          if (suggestions.length) openSuggestions(0);
          else fetchSuggestions(true);
        } else moveSuggestion(1);
        break;
      case 'ArrowUp':
        if (open) {
          e.preventDefault();
          moveSuggestion(-1);
        }
        break;
      case 'Enter':
        if (open && activeSuggestion >= 0) {
          e.preventDefault();
          choose(suggestions[activeSuggestion]);
        }
        break; // otherwise the form submits
      case 'Escape':
        if (open) {
          e.preventDefault();
          closeSuggestions();
        }
        break;
      case 'Tab':
        closeSuggestions();
        break;
      default:
    }
  });

  els.q.addEventListener('blur', () => {
    typingEntryPushed = false;
    setTimeout(() => {
      if (document.activeElement !== els.q) closeSuggestions();
    }, 0);
  });

  els['search-form'].addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timers.search);
    clearTimeout(timers.suggest);
    if (suggestController) suggestController.abort();
    closeSuggestions();
    const next = withState({ q: els.q.value });
    if (typingEntryPushed) {
      typingEntryPushed = false;
      navigate(next, 'replace');
    } else {
      commit(next);
    }
  });

  function scheduleSuggest() {
    clearTimeout(timers.suggest);
    timers.suggest = setTimeout(() => fetchSuggestions(false), SUGGEST_DELAY_MS);
  }

  async function fetchSuggestions(openFirst) {
    const q = els.q.value;
    if (suggestController) suggestController.abort();
    if (!q.trim()) {
      suggestions = [];
      closeSuggestions();
      return;
    }
    const controller = (suggestController = new AbortController());
    try {
      const data = await getJson('api/suggest?' + new URLSearchParams({ q, size: '8' }), controller.signal);
      if (controller !== suggestController || els.q.value !== q) return;
      suggestions = (data.suggestions || []).filter((s) => s && typeof s.text === 'string');
      if (suggestions.length && document.activeElement === els.q) openSuggestions(openFirst ? 0 : -1);
      else closeSuggestions();
    } catch (e) {
      if (e.name !== 'AbortError') closeSuggestions(); // suggestions are a nicety: the results show any error
    }
  }

  function openSuggestions(active) {
    els.suggestions.replaceChildren(...suggestions.map((s, i) => {
      const option = h('li', { role: 'option', id: 'suggestion-' + i, class: 'suggestion', 'aria-selected': 'false' },
        marked(s.text));
      option.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
      option.addEventListener('click', () => choose(s));
      return option;
    }));
    els.suggestions.hidden = false;
    els.q.setAttribute('aria-expanded', 'true');
    setActive(active);
  }

  function closeSuggestions() {
    els.suggestions.hidden = true;
    els.suggestions.replaceChildren();
    els.q.setAttribute('aria-expanded', 'false');
    els.q.removeAttribute('aria-activedescendant');
    activeSuggestion = -1;
  }

  function moveSuggestion(delta) {
    const n = suggestions.length;
    if (!n) return;
    let next = activeSuggestion + delta;
    if (next >= n) next = 0;
    if (next < -1) next = n - 1;
    if (next === -1 && delta > 0) next = 0;
    setActive(next);
  }

  function setActive(index) {
    activeSuggestion = index;
    [...els.suggestions.children].forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) els.q.setAttribute('aria-activedescendant', 'suggestion-' + index);
    else els.q.removeAttribute('aria-activedescendant');
  }

  /** A suggestion completes the query: its title becomes the search. */
  function choose(suggestion) {
    clearTimeout(timers.search);
    clearTimeout(timers.suggest);
    els.q.value = plainText(suggestion.text);
    suggestions = [];
    closeSuggestions();
    const next = withState({ q: els.q.value });
    if (typingEntryPushed) {
      typingEntryPushed = false;
      navigate(next, 'replace');
    } else {
      commit(next);
    }
  }

  // ---- other controls -----------------------------------------------------------------------------------------

  els.sort.addEventListener('change', () => commit(withState({ sort: els.sort.value })));

  els['clear-all'].addEventListener('click', () => {
    commit(withState({ filters: new Map() }));
    els['results-heading'].focus({ preventScroll: true });
  });

  els['filters-toggle'].addEventListener('click', () => {
    const open = els.filters.classList.toggle('open');
    els['filters-toggle'].setAttribute('aria-expanded', String(open));
  });

  els.q.value = state.q;
  search();
})();
