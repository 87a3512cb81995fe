/*
 * The search page: search box with suggestions, results as you type, facet sidebar, sort and pages, all of it kept
 * in the URL. No framework, no build step: ES modules, each with one job, the logic in pure functions.
 *
 *   search.js          this file: the page's state and events, wiring the rest together
 *   url-state.js       the URL as the page's state (q, f.<facet>, sort, page)
 *   api.js             the API's URLs, the facet list fetched once, error messages
 *   facet-model.js     facet order and labels, the values each facet lists, chips
 *   results-model.js   status line, page numbers, how a hit's address reads
 *   highlight.js       <mark>-highlighted API text as [{text, mark}] segments
 *   safe-url.js        which URLs may become links
 *   dom.js             the element builder and highlighted text as DOM (shared with widget.js)
 *   click-beacon.js    tells the server which result of which search was followed (shared with widget.js)
 *   results-view.js, facets-view.js, suggest-box.js   the DOM of each part
 *   (widget.js and widget-box.js are the drop-in box, which shares dom.js, highlight.js and safe-url.js)
 *
 * Safety rule: text from the API is only ever set with textContent / setAttribute (dom.js's h()). The few API
 * strings that carry <mark> highlights (snippet, highlights.title, suggestion text) are split into text and marks
 * by highlight.js and rebuilt as text nodes and <mark> elements, so even a broken API answer cannot inject markup.
 * Only http(s) and relative URLs become links (safe-url.js).
 */
import { EXPANDED_FACET_SIZE, FACET_LIST_URL, FACET_SIZE, facetList, facetValuesUrl, getJson, once, searchUrl, searchedLang } from './api.js';
import { chipList, facetModel, foundTotal, foundValues, labeller, orderedFacets } from './facet-model.js';
import { renderChips, renderFacets } from './facets-view.js';
import { renderError, renderHits, renderMessage, renderPagination, renderStatus } from './results-view.js';
import { suggestBox } from './suggest-box.js';
import { watchClicks } from './click-beacon.js';
import { pageUrl, readState, shownSort, toggled, withChanges } from './url-state.js';

const SEARCH_DELAY_MS = 180;
const FACET_FILTER_DELAY_MS = 150;

const els = {};
for (const id of ['search-form', 'q', 'suggestions', 'filters-toggle', 'filters', 'facets', 'results',
  'results-heading', 'status', 'sort', 'active-filters', 'chips', 'clear-all', 'message', 'hits', 'pagination']) {
  els[id] = document.getElementById(id);
}
/** The facets a hit card shows are the page's choice, named in its markup. */
const card = { category: els.hits.dataset.categoryFacet || null, topics: els.hits.dataset.topicsFacet || null };

/** What the page shows; the URL holds all of it. */
let state = readState(location.search);
let lastResponse = null;
let facets = null; // the server's facet list, [{name, label}], once it has answered
let labelOf = labeller(null);
const expanded = new Set(); // facets whose "show more" is open (not worth a URL parameter)
const facetFilters = new Map(); // facet -> {text, values|null, total} for the per-facet value filter boxes
const treeToggles = new Map(); // facet -> Map(value -> opened or closed by the visitor) for tree facets
let typingEntryPushed = false; // typing adds one history entry, then replaces it
let replacing = null; // the searchId the next search replaces as the visitor types (analytics counts the last)
let searchController = null;
const timers = {};

/** The page's language (<html lang>): the language searched unless the URL names one. */
const PAGE_LANG = document.documentElement.lang || '';

const loadFacetList = once(() => getJson(FACET_LIST_URL).then(facetList));

/** The server's facet list, asked once: its order and labels; null (names made readable) while it cannot answer. */
async function facetListOrNull() {
  try {
    const list = await loadFacetList();
    if (!facets) {
      facets = list;
      labelOf = labeller(list);
      showChips(state); // the chips were drawn with made-up labels
    }
    return list;
  } catch (e) {
    return null;
  }
}

// ---- URL state ------------------------------------------------------------------------------------------------

const urlOf = (s) => pageUrl(s, location.pathname);

/** Shows a new state: a new history entry (push), or the current one rewritten (replace). */
function navigate(next, mode) {
  state = next;
  const url = urlOf(state);
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

/** The search box's text becomes the search: after typing, the typing entry is rewritten instead of a new one. */
function searchTyped() {
  const next = withChanges(state, { q: els.q.value });
  if (typingEntryPushed) {
    typingEntryPushed = false;
    navigate(next, 'replace');
  } else {
    commit(next);
  }
}

// ---- search ---------------------------------------------------------------------------------------------------

const facetSize = () => (expanded.size ? EXPANDED_FACET_SIZE : FACET_SIZE);

async function search() {
  if (searchController) searchController.abort();
  const controller = (searchController = new AbortController());
  const shown = state;
  renderControls(shown);
  els.results.setAttribute('aria-busy', 'true');
  try {
    const url = searchUrl(shown, facetSize(), PAGE_LANG) + (replacing ? '&prev=' + encodeURIComponent(replacing) : '');
    replacing = null;
    const [data] = await Promise.all([getJson(url, controller.signal), facetListOrNull()]);
    if (controller !== searchController) return;
    lastResponse = data;
    render(shown, data);
    refreshFacetFilters();
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (controller === searchController) renderError(els, e, search);
  } finally {
    if (controller === searchController) els.results.removeAttribute('aria-busy');
  }
}

function renderControls(s) {
  if (document.activeElement !== els.q && els.q.value !== s.q) els.q.value = s.q;
  els.sort.value = shownSort(s);
  document.title = s.q ? s.q + ' – Search' : 'Search';
  showChips(s);
}

function render(s, data) {
  renderStatus(els.status, s, data);
  renderHits(els.hits, data, card, labelOf);
  renderMessage(els.message, s, data, { urlOf, go: commit, clearFilters: clearFiltersFromMessage });
  renderPagination(els.pagination, s, data, urlOf, goToPage(s));
  showFacets(s, data);
}

function goToPage(s) {
  return (n) => {
    commit({ ...s, page: n });
    els['results-heading'].focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  };
}

function clearFiltersFromMessage() {
  commit(withChanges(state, { filters: new Map() }));
  els['results-heading'].focus();
}

// ---- chips ----------------------------------------------------------------------------------------------------

function showChips(s) {
  const chips = chipList(s.filters, labelOf);
  renderChips(els.chips, chips, removeFilter);
  els['active-filters'].hidden = chips.length === 0;
  els['filters-toggle'].textContent = chips.length ? 'Filters (' + chips.length + ' on)' : 'Filters';
}

/** Drops a chip's filter and moves focus to the chip that takes its place (or to the results). */
function removeFilter(chip, button) {
  const all = [...els.chips.querySelectorAll('button')];
  const next = all[all.indexOf(button) + 1] || all[all.indexOf(button) - 1];
  const nextKey = next ? [next.dataset.facet, next.dataset.value] : null;
  commit(withChanges(state, { filters: toggled(state.filters, chip.facet, chip.value, false) }));
  const again = nextKey && [...els.chips.querySelectorAll('button')]
    .find((b) => b.dataset.facet === nextKey[0] && b.dataset.value === nextKey[1]);
  (again || els['results-heading']).focus({ preventScroll: true });
}

// ---- facet sidebar --------------------------------------------------------------------------------------------

function showFacets(s, data) {
  const asked = facetSize();
  const models = orderedFacets(data.facets, facets).map(([facet, apiValues]) => facetModel({
    facet, label: labelOf(facet), apiValues: apiValues || [], asked, selected: s.filters.get(facet) || [],
    open: expanded.has(facet), filter: facetFilters.get(facet) || null, toggles: treeToggles.get(facet),
  }));
  renderFacets(els.facets, models, {
    tick: (facet, value, on) => commit(withChanges(state, { filters: toggled(state.filters, facet, value, on) })),
    more: toggleExpanded,
    find: scheduleFacetFilter,
    findMore: (facet) => loadFacetFilter(facet, facetFilters.get(facet).text, true),
    toggle: toggleNode,
  });
}

/** Opens or closes a tree facet's node; no search: its children came with the answer. */
function toggleNode(facet, value, open) {
  if (!treeToggles.has(facet)) treeToggles.set(facet, new Map());
  treeToggles.get(facet).set(value, open);
  if (lastResponse) showFacets(state, lastResponse);
}

function toggleExpanded(facet, maybeMore) {
  const wasAsked = facetSize();
  if (expanded.has(facet)) expanded.delete(facet);
  else expanded.add(facet);
  if (maybeMore && facetSize() > wasAsked) search(); // fetch the longer lists
  else if (lastResponse) showFacets(state, lastResponse);
}

function scheduleFacetFilter(facet, text) {
  clearTimeout(timers['facet:' + facet]);
  if (!text.trim()) {
    facetFilters.delete(facet);
    if (lastResponse) showFacets(state, lastResponse);
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
 * The values of one facet matching the typed words (a typo allowed), counted as the sidebar counts them; with
 * more, the next page of them after those listed.
 */
async function loadFacetFilter(facet, text, more = false) {
  const s = state;
  const before = more ? facetFilters.get(facet).values || [] : [];
  try {
    const body = await getJson(facetValuesUrl(facet, s, text, PAGE_LANG, before.length));
    const found = foundValues(body);
    const current = facetFilters.get(facet);
    if (!current || current.text !== text || state !== s) return; // typed on, or the view changed
    const values = before.concat(found.filter((v) => !before.some((b) => b.value === v.value)));
    facetFilters.set(facet, { text, values, total: foundTotal(body, values) });
  } catch (e) {
    const current = facetFilters.get(facet);
    if (!current || current.text !== text) return;
    if (!more) facetFilters.set(facet, { text, values: [] });
  }
  if (lastResponse) showFacets(state, lastResponse);
}

// ---- search box -----------------------------------------------------------------------------------------------

const suggestions = suggestBox(
  els.q,
  els.suggestions,
  (text) => {
    clearTimeout(timers.search);
    els.q.value = text;
    searchTyped();
  },
  () => searchedLang(state, PAGE_LANG),
);

els.q.addEventListener('input', () => {
  clearTimeout(timers.search);
  timers.search = setTimeout(() => {
    const q = els.q.value;
    if (q === state.q) return;
    const mode = typingEntryPushed ? 'replace' : 'push';
    typingEntryPushed = true;
    replacing = mode === 'replace' && lastResponse && typeof lastResponse.searchId === 'string' ? lastResponse.searchId : null;
    navigate(withChanges(state, { q }), mode);
  }, SEARCH_DELAY_MS);
});

els.q.addEventListener('blur', () => {
  typingEntryPushed = false;
});

window.addEventListener('popstate', () => {
  clearTimeout(timers.search);
  state = readState(location.search);
  typingEntryPushed = false;
  els.q.value = state.q;
  suggestions.close();
  search();
});

els['search-form'].addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timers.search);
  suggestions.cancel();
  searchTyped();
});

// ---- other controls -------------------------------------------------------------------------------------------

els.sort.addEventListener('change', () => commit(withChanges(state, { sort: els.sort.value })));

els['clear-all'].addEventListener('click', () => {
  commit(withChanges(state, { filters: new Map() }));
  els['results-heading'].focus({ preventScroll: true });
});

els['filters-toggle'].addEventListener('click', () => {
  const open = els.filters.classList.toggle('open');
  els['filters-toggle'].setAttribute('aria-expanded', String(open));
});

// A followed result tells the server its position (for the admin reports); the link goes on at once.
watchClicks(els.hits, 'li.hit', '.hit-title a', () => lastResponse, 'api/analytics/click');

els.q.value = state.q;
search();
