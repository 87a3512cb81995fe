/*
 * The sections under a hit on the search page: each heading a link to its place on the page (with the text
 * fragment that marks the words), the headings above it, and its passage. DOM through dom.js only.
 */
import { h, marked } from './dom.js';
import { sectionEntries } from './sections-model.js';
import { safeHref } from './safe-url.js';

/** The list of a hit's sections, or null when it has none to show. */
export function renderSections(hit) {
  const items = [];
  for (const s of sectionEntries(hit)) {
    const href = safeHref(s.link, document.baseURI);
    if (!href) continue;
    const title = s.heading ? marked(s.heading) : 'On this page';
    items.push(h('li', { class: 'hit-section' },
      s.trail ? h('span', { class: 'section-trail' }, s.trail) : null,
      h('a', { class: 'section-link', href }, title),
      s.snippet ? h('p', { class: 'section-snippet' }, marked(s.snippet)) : null));
  }
  return items.length ? h('ul', { class: 'hit-sections', 'aria-label': 'Sections' }, items) : null;
}
