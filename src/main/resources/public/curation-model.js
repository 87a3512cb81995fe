/*
 * The curation page's logic as pure functions: the bodies it sends to api/admin/curation, how a change of the
 * history reads, which results are pinned or hidden, and the message an editor sees when a call fails.
 */

/** A synonym group as typed: words or phrases separated by commas or new lines, trimmed, empty ones dropped. */
export function wordsOf(text) {
  return String(text || '').split(/[,\n]/).map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => w !== '');
}

/** The body of POST api/admin/curation (or …/undo): only the fields given (null and undefined are left out). */
export function changeBody(fields) {
  const body = {};
  for (const key of ['version', 'editor', 'action', 'kind', 'query', 'ids', 'words', 'position', 'expectedVersion']) {
    if (fields[key] !== null && fields[key] !== undefined) body[key] = fields[key];
  }
  return body;
}

const quoted = (q) => '“' + q + '”';

/** What a change is about, as a phrase: "pin 4010, 4011 for “ccm”", "synonyms ccm = chronic care". */
export function subject(change) {
  if (change.kind === 'synonym') return 'synonyms ' + (change.words || []).join(' = ');
  const what = change.kind === 'pin' ? 'pin ' : 'hide ';
  return what + (change.ids || []).join(', ') + ' for ' + quoted(change.query || '');
}

/** A change of the history as a sentence: "added pin 4010 for “ccm”", "undid version 3 (pin 4010 for “ccm”)". */
export function describe(change) {
  if (change.action === 'undo') return 'undid version ' + change.undoes + ' (' + subject(change) + ')';
  const verb = change.action === 'add' ? 'added ' : 'removed ';
  const where = change.position ? ' at position ' + change.position : '';
  return verb + subject(change) + where;
}

/** When a change was made, as "2026-11-30 04:00 UTC" (the server's ISO time, to the minute). */
export function when(at) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(at || ''));
  return m ? m[1] + ' ' + m[2] + ' UTC' : String(at || '');
}

/** Where a pinned or hidden page or a synonym group comes from: "config" or "edit v3". */
export function source(entry) {
  if (!entry || entry.source !== 'edit') return 'config';
  return 'edit v' + entry.version;
}

/** The ids pinned (in order) and hidden for the query of a GET api/admin/curation?q= answer. */
export function curatedIds(rules) {
  const ids = (list) => (list && list[0] && Array.isArray(list[0].ids) ? list[0].ids : []);
  return { pins: ids(rules && rules.pins), hides: ids(rules && rules.hides) };
}

/** The results as the page lists them: each hit's id and title, and its place among the pins (0: not pinned). */
export function resultRows(hits, pins) {
  const order = (pins || []).map((p) => p.id);
  return (hits || []).map((hit) => ({
    id: String(hit.id),
    title: typeof hit.title === 'string' && hit.title ? hit.title : String(hit.id),
    pinned: order.indexOf(String(hit.id)) + 1,
  }));
}

/** The editor's message for a failed call: the problem's detail as a sentence, else the status. */
export function problemMessage(status, body) {
  const detail = body && typeof body.detail === 'string' ? body.detail : '';
  const sentence = detail ? detail.charAt(0).toUpperCase() + detail.slice(1) + (/[.!?]$/.test(detail) ? '' : '.') : '';
  if (status === 401) return 'The admin token was refused. Sign in again.';
  if (status === 409) return (sentence || 'Someone else changed the curation.') + ' The page now shows the current rules.';
  return sentence || 'The server answered with an error (' + status + '). Please try again in a moment.';
}

/** Synonym groups as the page lists them: the edited ones first, newest first, then the config's in its order. */
export function synonymOrder(groups) {
  const all = Array.isArray(groups) ? groups : [];
  return [...all.filter((g) => g.source === 'edit').reverse(), ...all.filter((g) => g.source !== 'edit')];
}

/** Every curated query of a GET api/admin/curation answer, by its key: [{query, key, pins, hides}] (counts). */
export function curatedQueries(rules) {
  const byKey = new Map();
  const add = (list, field) => {
    for (const c of Array.isArray(list) ? list : []) {
      const entry = byKey.get(c.key) || { query: c.query, key: c.key, pins: 0, hides: 0 };
      entry[field] = Array.isArray(c.ids) ? c.ids.length : 0;
      byKey.set(c.key, entry);
    }
  };
  add(rules && rules.pins, 'pins');
  add(rules && rules.hides, 'hides');
  return [...byKey.values()];
}
