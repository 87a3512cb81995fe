// A hit's sections as the page and the widget list them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sectionEntries } from '../../main/resources/public/sections-model.js';

const section = (heading, parents, snippet) => ({
  heading, parents, anchor: 'a', url: '/p/#a', link: '/p/#a:~:text=w', snippet,
});

test('each section: heading, the headings above it as one line, the link with its text fragment, its passage', () => {
  const hit = { snippet: 'top', sections: [section('<mark>Apt</mark>', ['Install', 'Linux'], 'use <mark>apt</mark>')] };
  assert.deepEqual(sectionEntries(hit), [
    { heading: '<mark>Apt</mark>', trail: 'Install › Linux', link: '/p/#a:~:text=w', snippet: 'use <mark>apt</mark>' },
  ]);
});

test('passages, when the search asked for several, are listed instead of the sections', () => {
  const hit = { sections: [section('S', [], 's')], passages: [section(null, [], 'p1'), section('H', [], 'p2')] };
  assert.deepEqual(sectionEntries(hit).map((e) => [e.heading, e.snippet]), [['', 'p1'], ['H', 'p2']]);
});

test('at most max; a passage repeating the hit snippet is left out; malformed entries are skipped', () => {
  const hit = {
    snippet: 'same',
    sections: [null, { heading: 'no link' }, section('A', 'not a list', 'same'), section('B', [], 'b'), section('C', [], 'c')],
  };
  const out = sectionEntries(hit, 2);
  assert.deepEqual(out.map((e) => [e.heading, e.trail, e.snippet]), [['A', '', ''], ['B', '', 'b']]);
  assert.deepEqual(sectionEntries({}), []);
  assert.deepEqual(sectionEntries(null), []);
});

test('a section without a link falls back to its url', () => {
  assert.equal(sectionEntries({ sections: [{ heading: 'X', url: '/p/#x' }] })[0].link, '/p/#x');
});
