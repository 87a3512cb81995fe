/*
 * A hit's sections as the page and the widget show them: the API's best sections (or, when the search asked for
 * several passages, its passages), each with its heading, the headings above it and its link, which carries a text
 * fragment (#anchor:~:text=…) so the browser scrolls to the words and marks them. Pure functions, no DOM.
 */

const text = (v) => (typeof v === 'string' ? v : '');

/**
 * Up to max entries {heading, trail, link, snippet} for a hit: heading is highlighted API text ('' above the page's
 * first heading), trail the parent headings as one line ("Install › Linux"), link the section's address with its
 * text fragment, snippet its passage, left out when it repeats the hit's own snippet.
 */
export function sectionEntries(hit, max = 3) {
  if (!hit) return [];
  const passages = Array.isArray(hit.passages) ? hit.passages : [];
  const list = passages.length ? passages : Array.isArray(hit.sections) ? hit.sections : [];
  const out = [];
  for (const s of list) {
    if (!s || (!text(s.link) && !text(s.url))) continue;
    const parents = Array.isArray(s.parents) ? s.parents.map(text).filter(Boolean) : [];
    out.push({
      heading: text(s.heading),
      trail: parents.join(' › '),
      link: text(s.link) || text(s.url),
      snippet: text(s.snippet) === text(hit.snippet) ? '' : text(s.snippet),
    });
    if (out.length === max) break;
  }
  return out;
}
