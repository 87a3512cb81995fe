/*
 * The click beacon: when a visitor follows a result, the page and the widget tell the server which result of which
 * search it was (POST api/analytics/click, {searchId, position, id, url}), so the admin reports can count clicks and
 * their positions. navigator.sendBeacon sends it as text/plain (no CORS preflight) and never holds up the
 * navigation; without a searchId (analytics off) nothing is sent. Nothing about the visitor is in it.
 */

/** The beacon's body for the hit at 0-based index on the answer's page, or null when there is nothing to send. */
export function clickBody(answer, index) {
  if (!answer || typeof answer.searchId !== 'string' || !answer.searchId) return null;
  const hit = Array.isArray(answer.hits) ? answer.hits[index] : null;
  if (!hit) return null;
  const page = Number.isInteger(answer.page) && answer.page > 0 ? answer.page : 1;
  const size = Number.isInteger(answer.size) && answer.size > 0 ? answer.size : answer.hits.length;
  const body = { searchId: answer.searchId, position: (page - 1) * size + index + 1 };
  if (typeof hit.id === 'string') body.id = hit.id;
  else if (typeof hit.url === 'string') body.url = hit.url;
  return JSON.stringify(body);
}

/** Sends a body to the beacon endpoint; never throws, never waits. */
export function sendClick(endpoint, body) {
  if (!body) return;
  try {
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    fetch(endpoint, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit' }).catch(() => {});
  } catch (e) {
    // a beacon is worth nothing next to the visitor's navigation
  }
}

/**
 * Watches a list of results for followed links (a click, a middle click, Enter): itemSelector finds a result's item
 * (its index is the hit's), linkSelector the links in it that count. answer() is the answer the list shows.
 */
export function watchClicks(list, itemSelector, linkSelector, answer, endpoint) {
  const onClick = (e) => {
    if (e.type === 'auxclick' && e.button !== 1) return;
    const link = e.target instanceof Element ? e.target.closest(linkSelector) : null;
    const item = link ? link.closest(itemSelector) : null;
    if (!item || !list.contains(item)) return;
    const index = Array.prototype.indexOf.call(list.querySelectorAll(itemSelector), item);
    if (index >= 0) sendClick(endpoint, clickBody(answer(), index));
  };
  list.addEventListener('click', onClick);
  list.addEventListener('auxclick', onClick);
  return () => {
    list.removeEventListener('click', onClick);
    list.removeEventListener('auxclick', onClick);
  };
}
