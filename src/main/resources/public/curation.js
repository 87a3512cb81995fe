/*
 * The curation page (/admin/curation?q=…): an editor looks at the results of a query and pins or hides pages for it,
 * edits synonym groups, and undoes changes from the history. Every change goes to api/admin/curation with the
 * version the page showed (expectedVersion), so an editor never overwrites a change they have not seen. The admin
 * token stays in this tab (sessionStorage); the editor's name is remembered (localStorage). Text only: API data is
 * set as text nodes, never as HTML.
 */
import { h } from './dom.js';
import {
  changeBody, curatedIds, curatedQueries, describe, problemMessage, resultRows, source, synonymOrder, when, wordsOf,
} from './curation-model.js';

const TOKEN_KEY = 'sitesearch.adminToken';
const EDITOR_KEY = 'sitesearch.editor';
const RESULTS = 20;
const HISTORY = 50;
const api = (path) => new URL(path, import.meta.url).toString(); // beside this module: the server's root

const $ = (id) => document.getElementById(id);
const state = { q: new URLSearchParams(location.search).get('q') || '', version: 0, busy: false };

function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

function editor() {
  return $('editor').value.trim();
}

function say(text) {
  $('message').textContent = text || '';
}

class Refused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** A call of the API as JSON; a refusal throws Refused with the editor's message. */
async function call(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.admin) headers.Authorization = 'Bearer ' + token();
  if (options.body) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(api(path), {
      method: options.body ? 'POST' : 'GET',
      headers,
      body: options.body ? JSON.stringify(options.body) : undefined,
      cache: 'no-store', // the effect of an edit must show at once, not after a cached answer expires
    });
  } catch (e) {
    throw new Refused(0, 'The server could not be reached. Check your connection and try again.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || body === null) throw new Refused(response.status, problemMessage(response.status, body));
  return body;
}

function signedIn(on) {
  $('sign-in').hidden = on;
  $('workspace').hidden = !on;
  $('editor-form').hidden = !on;
}

function failed(e) {
  if (e instanceof Refused && e.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    signedIn(false);
  }
  say(e.message);
  if (e instanceof Refused && e.status === 409) load();
}

/** Sends a change (or an undo) made against the version shown, then shows the rules it led to. */
async function send(path, fields) {
  if (state.busy) return;
  if (!editor()) {
    say('Enter your name under “Editing as”: it is recorded with each change.');
    $('editor').focus();
    return;
  }
  state.busy = true;
  document.body.classList.add('busy');
  try {
    await call(path, { admin: true, body: changeBody({ ...fields, editor: editor(), expectedVersion: state.version }) });
    say('');
    await load();
  } catch (e) {
    failed(e);
  } finally {
    state.busy = false;
    document.body.classList.remove('busy');
  }
}

const change = (fields) => send('api/admin/curation', fields);

function button(label, onClick, extra = {}) {
  const b = h('button', { type: 'button', ...extra }, label);
  b.addEventListener('click', onClick);
  return b;
}

function row(text, badges, actions) {
  return h('li', null, h('div', { class: 'row' },
    h('span', { class: 'row-text' }, text, badges.map((b) => h('span', { class: 'badge' }, b))),
    h('span', { class: 'row-actions' }, actions)));
}

/** Titles of pages that are not among the results (hidden ones, pins outside the first results). */
async function titles(ids, known) {
  const out = new Map(known);
  await Promise.all(ids.filter((id) => !out.has(id)).map(async (id) => {
    try {
      const page = await call('api/documents/' + encodeURIComponent(id));
      out.set(id, page.title || id);
    } catch (e) {
      out.set(id, id + ' (not in the index)');
    }
  }));
  return out;
}

async function load() {
  const q = state.q;
  $('q').value = q;
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  $('open-search').href = '../' + (q ? '?' + new URLSearchParams({ q }) : '');
  try {
    const [all, rules, past, results] = await Promise.all([
      call('api/admin/curation', { admin: true }),
      q ? call('api/admin/curation?' + new URLSearchParams({ q }), { admin: true }) : Promise.resolve(null),
      call('api/admin/curation/history?limit=' + HISTORY, { admin: true }),
      q ? call('api/search?' + new URLSearchParams({ q, size: String(RESULTS) })) : Promise.resolve(null),
    ]);
    state.version = rules ? Math.min(all.version, rules.version) : all.version; // the older: a change may come between
    const curated = rules ? curatedIds(rules) : { pins: [], hides: [] };
    const rows = resultRows(results ? results.hits : [], curated.pins);
    const known = new Map(rows.map((r) => [r.id, r.title]));
    const named = await titles([...curated.pins, ...curated.hides].map((i) => i.id), known);
    renderResults(q, rows, results);
    renderCurated(q, curated, named);
    renderQueries(all);
    renderSynonyms(all.synonyms || []);
    renderHistory(past.changes || []);
    if (all.problem) say(all.problem);
  } catch (e) {
    failed(e);
  }
}

function renderResults(q, rows, results) {
  const list = $('results');
  if (!q) {
    $('status').textContent = 'Type a query to see its results.';
    list.replaceChildren();
    return;
  }
  $('status').textContent = results.total + (results.total === 1 ? ' page' : ' pages') + ' for “' + q + '”';
  list.replaceChildren(...rows.map((r) => row(
    [r.title, h('span', { class: 'id' }, r.id)],
    r.pinned ? ['pinned #' + r.pinned] : [],
    r.pinned
      ? [button('Unpin', () => change({ action: 'remove', kind: 'pin', query: q, ids: [r.id] }), { 'data-id': r.id, 'aria-label': 'Unpin ' + r.title })]
      : [button('Pin', () => change({ action: 'add', kind: 'pin', query: q, ids: [r.id] }), { 'data-id': r.id, class: 'pin', 'aria-label': 'Pin ' + r.title }),
        button('Hide', () => change({ action: 'add', kind: 'hide', query: q, ids: [r.id] }), { 'data-id': r.id, class: 'hide', 'aria-label': 'Hide ' + r.title })],
  )));
}

function renderCurated(q, curated, named) {
  const none = (text) => h('li', { class: 'hint' }, text);
  $('pins').replaceChildren(...(curated.pins.length ? curated.pins.map((item) => row(
    [named.get(item.id) || item.id, h('span', { class: 'id' }, item.id)], [source(item)],
    [button('Unpin', () => change({ action: 'remove', kind: 'pin', query: q, ids: [item.id] }), { 'data-id': item.id })],
  )) : [none(q ? 'Nothing pinned.' : '')]));
  $('hides').replaceChildren(...(curated.hides.length ? curated.hides.map((item) => row(
    [named.get(item.id) || item.id, h('span', { class: 'id' }, item.id)], [source(item)],
    [button('Unhide', () => change({ action: 'remove', kind: 'hide', query: q, ids: [item.id] }), { 'data-id': item.id })],
  )) : [none(q ? 'Nothing hidden.' : '')]));
}

function renderQueries(all) {
  const queries = curatedQueries(all);
  $('curated').replaceChildren(...(queries.length ? queries.map((c) => h('li', null,
    h('a', { href: '?' + new URLSearchParams({ q: c.query }) }, c.query),
    ' — ' + [c.pins ? c.pins + ' pinned' : '', c.hides ? c.hides + ' hidden' : ''].filter(Boolean).join(', ')))
    : [h('li', { class: 'hint' }, 'No query has pins or hides yet.')]));
}

function renderSynonyms(groups) {
  $('synonyms').replaceChildren(...synonymOrder(groups).map((g) => row(
    g.to ? g.words.join(', ') + ' → ' + g.to.join(', ') : g.words.join(', '),
    [source(g)],
    g.source === 'edit' ? [button('Remove', () => change({ action: 'remove', kind: 'synonym', words: g.words }))] : [],
  )));
}

function renderHistory(changes) {
  $('history').replaceChildren(...changes.map((c) => {
    const text = 'v' + c.version + ' · ' + c.editor + ' · ' + when(c.at) + ' — ' + describe(c);
    const li = row(text, c.undone ? ['undone'] : [],
      c.undone ? [] : [button('Undo', () => send('api/admin/curation/undo', { version: c.version }), { 'data-version': c.version, class: 'undo' })]);
    if (c.undone) li.classList.add('undone');
    return li;
  }));
  if (!changes.length) $('history').replaceChildren(h('li', { class: 'hint' }, 'No changes yet: the rules are the config’s.'));
}

function start() {
  const name = localStorage.getItem(EDITOR_KEY) || '';
  $('editor').value = name;
  $('sign-in-editor').value = name;
  $('editor').addEventListener('change', () => localStorage.setItem(EDITOR_KEY, editor()));
  $('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    const who = $('sign-in-editor').value.trim();
    localStorage.setItem(EDITOR_KEY, who);
    $('editor').value = who;
    $('token').value = '';
    say('');
    signedIn(true);
    load();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    signedIn(false);
  });
  $('query-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.q = $('q').value.trim();
    load();
  });
  $('pin-id-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('pin-id').value.trim();
    if (!state.q) {
      say('Type a query first: pins are for one query.');
      return;
    }
    if (!id) return;
    change({ action: 'add', kind: 'pin', query: state.q, ids: [id] }).then(() => {
      if (!$('message').textContent) $('pin-id').value = '';
    });
  });
  $('synonym-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const words = wordsOf($('synonym-words').value);
    change({ action: 'add', kind: 'synonym', words }).then(() => {
      if (!$('message').textContent) $('synonym-words').value = '';
    });
  });
  signedIn(Boolean(token()));
  if (token()) load();
}

start();
